/** A stand-in for Electron's safeStorage: "encrypts" as base64 of a prefix and the text, and refuses ciphertext it did not make. */
import type { SecretStore } from '../../electron/core/config/secret-store';

const CIPHER_PREFIX = 'fake-cipher:';

export const fakeSecretStore: SecretStore = {
  status: () => ({ available: true }),
  encrypt: (plain) => Buffer.from(`${CIPHER_PREFIX}${plain}`, 'utf8').toString('base64'),
  decrypt: (cipher) => {
    const text = Buffer.from(cipher, 'base64').toString('utf8');
    if (!text.startsWith(CIPHER_PREFIX)) throw new Error('not this machine’s ciphertext');
    return text.slice(CIPHER_PREFIX.length);
  },
};

/**
 * Encrypts the secrets staff enter at the kiosk before they are written to disk. Electron's
 * `safeStorage` provides it (electron/main/secret-store.ts); the web shell has none, and there
 * secrets come from the config file or the environment only.
 */
/** Why secrets cannot be stored here: staff are told in their language (the renderer's catalogue). */
export type SecretStorageProblem = 'webShell' | 'noEncryption' | 'basicText';

export interface SecretStore {
  /** Whether secrets can be stored, and if not, why (`reason` in English for logs and errors). */
  status(): { available: true } | { available: false; code: SecretStorageProblem; reason: string };
  /** Base64 ciphertext. */
  encrypt(plain: string): string;
  /** Throws when the ciphertext is not this machine's (e.g. a copied settings file). */
  decrypt(cipher: string): string;
}

export const NO_SECRET_STORE: SecretStore = {
  status: () => ({ available: false, code: 'webShell', reason: 'The web shell cannot store secrets: they come from the config file or the environment only.' }),
  encrypt: () => {
    throw new Error('no secret store');
  },
  decrypt: () => {
    throw new Error('no secret store');
  },
};

/**
 * Encrypts the secrets staff enter at the kiosk before they are written to disk. Electron's
 * `safeStorage` provides it (electron/main/secret-store.ts); the web shell has none, and there
 * secrets come from the config file or the environment only.
 */
export interface SecretStore {
  /** Whether secrets can be stored, and if not, why (said to staff as it is). */
  status(): { available: true } | { available: false; reason: string };
  /** Base64 ciphertext. */
  encrypt(plain: string): string;
  /** Throws when the ciphertext is not this machine's (e.g. a copied settings file). */
  decrypt(cipher: string): string;
}

export const NO_SECRET_STORE: SecretStore = {
  status: () => ({ available: false, reason: 'The web shell cannot store secrets: they come from the config file or the environment only.' }),
  encrypt: () => {
    throw new Error('no secret store');
  },
  decrypt: () => {
    throw new Error('no secret store');
  },
};

/**
 * Staff-entered secrets are encrypted with Electron's `safeStorage` (DPAPI on Windows, the
 * Keychain on macOS, the desktop's secret service on Linux). On Linux with no secret service,
 * Chromium falls back to `basic_text`, a fixed key: that is no protection, so the kiosk refuses
 * to store secrets there and says so.
 */
import { safeStorage } from 'electron';
import type { SecretStore } from '../core/config/secret-store';

export function createSafeStorageStore(platform: NodeJS.Platform = process.platform): SecretStore {
  const status: SecretStore['status'] = () => {
    if (!safeStorage.isEncryptionAvailable()) return { available: false, code: 'noEncryption', reason: 'This computer offers no encryption for secrets: set them in the config file or the environment.' };
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
      return { available: false, code: 'basicText', reason: 'No secret service (keyring) is running, so secrets cannot be stored encrypted: set them in the config file or the environment.' };
    }
    return { available: true };
  };
  return {
    status,
    encrypt(plain) {
      if (!status().available) throw new Error('secrets cannot be stored encrypted here');
      return safeStorage.encryptString(plain).toString('base64');
    },
    decrypt: (cipher) => safeStorage.decryptString(Buffer.from(cipher, 'base64')),
  };
}

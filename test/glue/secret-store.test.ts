/** Staff secrets through Electron's safeStorage (mocked): encrypted round trip, and refusal of Linux's basic_text. */
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../mocks/electron'));
const { safeStorage } = await import('../mocks/electron');
const { createSafeStorageStore } = await import('../../electron/main/secret-store');

afterEach(() => {
  vi.clearAllMocks();
  safeStorage.isEncryptionAvailable.mockReturnValue(true);
  safeStorage.getSelectedStorageBackend.mockReturnValue('gnome_libsecret');
});

describe('the safeStorage secret store', () => {
  it('encrypts to base64 that is not the secret, and decrypts it back', () => {
    const store = createSafeStorageStore('linux');
    expect(store.status()).toEqual({ available: true });
    const cipher = store.encrypt('tok-123');
    expect(cipher).not.toContain('tok-123');
    expect(store.decrypt(cipher)).toBe('tok-123');
  });

  it('refuses to store secrets when Linux offers only basic_text, and says why', () => {
    safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');
    const store = createSafeStorageStore('linux');
    expect(store.status()).toEqual({ available: false, code: 'basicText', reason: expect.stringContaining('No secret service') });
    expect(() => store.encrypt('tok-123')).toThrow();
    expect(safeStorage.encryptString).not.toHaveBeenCalledWith('tok-123');
  });

  it('refuses when encryption is not available at all', () => {
    safeStorage.isEncryptionAvailable.mockReturnValue(false);
    expect(createSafeStorageStore('win32').status()).toMatchObject({ available: false });
  });

  it('a ciphertext from another machine fails to decrypt (the loader then names the field)', () => {
    expect(() => createSafeStorageStore('darwin').decrypt(Buffer.from('garbage').toString('base64'))).toThrow();
  });
});

/**
 * On a Linux kiosk with auto-login, the first look at safeStorage may unlock the keyring with a
 * password prompt on the customer's screen. The kiosk looks only when a staff-saved secret needs
 * decrypting: a kiosk whose secrets come from its file or environment never touches it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../electron/core/config/load-config';
import type { SecretStore } from '../../electron/core/config/secret-store';

let dir = '';
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function store(): SecretStore & { status: ReturnType<typeof vi.fn> } {
  return {
    status: vi.fn(() => ({ available: true as const })),
    encrypt: (plain: string) => Buffer.from(`enc:${plain}`).toString('base64'),
    decrypt: (cipher: string) => Buffer.from(cipher, 'base64').toString().slice(4),
  };
}

function kioskFiles(staff: unknown) {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-keyring-'));
  const file = path.join(dir, 'config.json');
  fs.writeFileSync(file, JSON.stringify({ identify: { baseUrl: 'https://loyalty.example.com', token: 'file-token' } }));
  if (staff) fs.writeFileSync(path.join(dir, 'staff-settings.json'), JSON.stringify(staff));
  return { KIOSK_CONFIG: file };
}

describe('the secret store at start', () => {
  it('is not asked anything when staff saved no secret (no keyring prompt at boot)', async () => {
    const secrets = store();
    const result = await loadConfig(kioskFiles({ settings: { terminalId: 'k-1' } }), dir, { secrets });
    expect(result.ok).toBe(true);
    expect(secrets.status).not.toHaveBeenCalled();
  });

  it('is asked, and decrypts, when staff saved one', async () => {
    const secrets = store();
    const result = await loadConfig(kioskFiles({ secrets: { 'identify.token': secrets.encrypt('staff-token') } }), dir, { secrets });
    expect(secrets.status).toHaveBeenCalled();
    expect(result.ok && result.config.identify?.token).toBe('staff-token');
  });
});

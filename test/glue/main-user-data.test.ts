/** KIOSK_USER_DATA moves Electron's user-data folder before the single-instance lock, which lives there. */
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../mocks/electron'));
vi.mock('../../electron/main/kiosk-shell', () => ({ startElectronKiosk: vi.fn(async () => undefined) }));

const listenersBefore = process.listeners('uncaughtException');
const envBefore = process.env.KIOSK_USER_DATA;
afterAll(() => {
  for (const listener of process.listeners('uncaughtException')) if (!listenersBefore.includes(listener)) process.removeListener('uncaughtException', listener);
  if (envBefore === undefined) delete process.env.KIOSK_USER_DATA;
  else process.env.KIOSK_USER_DATA = envBefore;
});
const { app } = await import('../mocks/electron');

describe('Electron start-up with KIOSK_USER_DATA', () => {
  it('sets userData to that folder before it asks for the single-instance lock', async () => {
    process.env.KIOSK_USER_DATA = '/srv/kiosk-a/../kiosk-b';
    app.ready = false; // main runs before Electron is ready
    let pathAtLock: string | null = null;
    app.requestSingleInstanceLock.mockImplementation(() => {
      pathAtLock = app.getPath('userData');
      return true;
    });
    await import('../../electron/main/main');
    expect(app.setPath).toHaveBeenCalledWith('userData', '/srv/kiosk-b');
    expect(pathAtLock).toBe('/srv/kiosk-b');
  });
});

/** Electron start-up: a failure of the core exits the app rather than leaving it windowless. */
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../mocks/electron'));
vi.mock('../../electron/core/kiosk-core', () => ({
  startKioskCore: vi.fn(async () => {
    throw new Error('disk full');
  }),
}));
const { app, Menu, protocol, BrowserWindow } = await import('../mocks/electron');

describe('Electron start-up', () => {
  it('seals the app before ready and exits when the core cannot start', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await import('../../electron/main/main');
    expect(app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(1));
    expect(BrowserWindow.instances).toHaveLength(0);
  });
});

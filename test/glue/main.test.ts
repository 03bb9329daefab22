/** Electron start-up: sealed before ready, and a failure of the core exits the app rather than leaving it windowless. */
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../mocks/electron'));
vi.mock('../../electron/core/kiosk-core', () => ({
  startKioskCore: vi.fn(async () => {
    throw new Error('disk full');
  }),
}));

// main installs the kiosk's uncaught-exception listener on this process: take it away again
// afterwards, so that it never hides an error from the test runner.
const listenersBefore = process.listeners('uncaughtException');
afterAll(() => {
  for (const listener of process.listeners('uncaughtException')) if (!listenersBefore.includes(listener)) process.removeListener('uncaughtException', listener);
});
const { app, Menu, protocol, BrowserWindow } = await import('../mocks/electron');

describe('Electron start-up', () => {
  it('registers the scheme and the menu before ready, and exits with 1 when the core cannot start', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    app.ready = false;
    BrowserWindow.instances.length = 0;
    await import('../../electron/main/main');
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(Menu.setApplicationMenu).toHaveBeenCalled();
    expect(app.requestSingleInstanceLock).toHaveBeenCalled();
    app.becomeReady();
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(1));
    expect(BrowserWindow.instances).toHaveLength(0);
  });
});

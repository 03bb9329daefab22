/**
 * main, started by an update (NSIS' `--updated`): the old kiosk still holds the lock for a second;
 * this one asks again while Electron gets ready (its scheme registered in time), then starts.
 * (Its own file: main runs once per module registry.)
 */
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../mocks/electron'));
vi.mock('../../electron/main/kiosk-shell', () => ({ startElectronKiosk: vi.fn(async () => ({ relaunch: vi.fn() })) }));

// main installs the kiosk's uncaught-exception listener on this process: take it away again
// afterwards, so that it never hides an error from the test runner.
const listenersBefore = process.listeners('uncaughtException');
afterAll(() => {
  for (const listener of process.listeners('uncaughtException')) if (!listenersBefore.includes(listener)) process.removeListener('uncaughtException', listener);
});

const argv = process.argv;
afterEach(() => {
  process.argv = argv;
});

/** A lock the old kiosk lets go of after `freeAfterMs`. */
function lockHeldFor(freeAfterMs: number) {
  const started = Date.now();
  return () => Date.now() - started >= freeAfterMs;
}

describe('main', () => {
  it('an updated kiosk waits for the lock while the app gets ready, then starts', async () => {
    const { app } = await import('../mocks/electron');
    const { startElectronKiosk } = await import('../../electron/main/kiosk-shell');
    app.ready = false;
    app.requestSingleInstanceLock.mockImplementation(lockHeldFor(1000));
    process.argv = ['C:\\Kiosk\\Counter Loyalty Kiosk.exe', '--updated'];
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await import('../../electron/main/main');
    app.becomeReady(); // Electron gets ready meanwhile: the scheme was registered in time
    await vi.waitFor(() => expect(startElectronKiosk).toHaveBeenCalledTimes(1), { timeout: 3000 });
    expect(app.exit).not.toHaveBeenCalled();
    expect(stderr).toHaveBeenCalledWith(expect.stringContaining('asking again'));
    stderr.mockRestore();
  });
});

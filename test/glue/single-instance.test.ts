/**
 * One kiosk per machine. A plain second copy exits at once; one started by an update (NSIS'
 * `--updated`, the AppImage updater's APPIMAGE_SILENT_INSTALL) or by the kiosk's own relaunch
 * (`--relaunched`) asks for the lock again for a few seconds, while the old one finishes quitting.
 * The app's scheme is registered before anything waits: Electron requires it before `ready`,
 * which does not wait for the lock.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../mocks/electron'));
vi.mock('../../electron/main/kiosk-shell', () => ({ startElectronKiosk: vi.fn(async () => ({ relaunch: vi.fn() })) }));

// main installs the kiosk's uncaught-exception listener on this process: take it away again
// afterwards, so that it never hides an error from the test runner.
const listenersBefore = process.listeners('uncaughtException');
afterAll(() => {
  for (const listener of process.listeners('uncaughtException')) if (!listenersBefore.includes(listener)) process.removeListener('uncaughtException', listener);
});
const { acquireSingleInstanceLock, LOCK_RETRY_TOTAL_MS, startedByUpdater } = await import('../../electron/main/single-instance');

const argv = process.argv;
afterEach(() => {
  process.argv = argv;
  vi.useRealTimers();
});

/** A lock the old kiosk lets go of after `freeAfterMs`. */
function lockHeldFor(freeAfterMs: number) {
  const started = Date.now();
  return vi.fn(() => Date.now() - started >= freeAfterMs);
}

describe('who started this kiosk', () => {
  it('knows the updater and its own relaunch, and nothing else', () => {
    expect(startedByUpdater(['kiosk.exe', '--updated'], {})).toBe(true);
    expect(startedByUpdater(['kiosk', '--relaunched'], {})).toBe(true);
    expect(startedByUpdater(['kiosk'], { APPIMAGE_SILENT_INSTALL: 'true' })).toBe(true);
    expect(startedByUpdater(['kiosk'], {})).toBe(false);
  });
});

describe('the lock', () => {
  beforeEach(() => vi.useFakeTimers());

  it('a plain second kiosk gives up at once', async () => {
    const requestSingleInstanceLock = vi.fn(() => false);
    await expect(acquireSingleInstanceLock({ app: { requestSingleInstanceLock }, argv: ['kiosk'], env: {}, note: vi.fn() })).resolves.toBe(false);
    expect(requestSingleInstanceLock).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['Windows, after an NSIS update', ['kiosk.exe', '--updated'], {}],
    ['an AppImage the updater started', ['kiosk'], { APPIMAGE_SILENT_INSTALL: 'true' }],
    ["the kiosk's own relaunch", ['kiosk', '--relaunched'], {}],
  ])('%s: asks again until the old kiosk lets go (here after 2.5 s)', async (_name, args, env) => {
    const requestSingleInstanceLock = lockHeldFor(2500);
    const note = vi.fn();
    const locked = acquireSingleInstanceLock({ app: { requestSingleInstanceLock }, argv: args, env, note });
    await vi.advanceTimersByTimeAsync(2500);
    await expect(locked).resolves.toBe(true);
    expect(requestSingleInstanceLock.mock.calls.length).toBeGreaterThan(5);
    expect(note).toHaveBeenLastCalledWith(expect.stringMatching(/^Got the lock after \d+ ms$/));
  });

  it('gives up after 10 s if the old one keeps it', async () => {
    const requestSingleInstanceLock = vi.fn(() => false);
    const locked = acquireSingleInstanceLock({ app: { requestSingleInstanceLock }, argv: ['kiosk', '--updated'], env: {}, note: vi.fn() });
    await vi.advanceTimersByTimeAsync(LOCK_RETRY_TOTAL_MS + 500);
    await expect(locked).resolves.toBe(false);
  });
});

describe('main', () => {
  it('a second copy exits with 0, opening nothing', async () => {
    const { app, BrowserWindow, protocol } = await import('../mocks/electron');
    app.ready = false;
    BrowserWindow.instances.length = 0;
    app.requestSingleInstanceLock.mockReturnValue(false);
    process.argv = ['/opt/kiosk/counter-loyalty-kiosk'];
    await import('../../electron/main/main');
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(0));
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalled(); // before ready, whatever follows
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(BrowserWindow.instances).toHaveLength(0);
  });
});

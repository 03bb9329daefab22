/**
 * Quitting waits for the core's stop, bounded (the fake app runs app.md's sequence: before-quit,
 * the windows close, will-quit, quit; a prevented will-quit stops it there), whoever asks: staff
 * or SIGTERM (app.quit), an update's install, the OS shutting down (powerMonitor), Windows ending
 * the session. The relaunch is the same stop, then a new kiosk and exit 0.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../mocks/electron'));
const { app, autoUpdater, BrowserWindow, electronEvent, powerMonitor } = await import('../mocks/electron');
const { setupGracefulQuit, STOP_BOUND_MS } = await import('../../electron/main/quit');

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

function setup(options: { env?: NodeJS.ProcessEnv } = {}) {
  const core = deferred();
  const stopCore = vi.fn(() => core.promise);
  const stopShell = vi.fn();
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const spawnDetached = vi.fn();
  const quit = setupGracefulQuit({ app: app as never, powerMonitor: powerMonitor as never, stopShell, stopCore, log, argv: ['/opt/kiosk/counter-loyalty-kiosk', '--updated'], env: options.env ?? {}, spawnDetached });
  const window = new BrowserWindow({});
  const quitEvents: number[] = [];
  app.on('quit', (_event: unknown, code: number) => quitEvents.push(code));
  return { core, stopCore, stopShell, log, quit, window, quitEvents, spawnDetached };
}

beforeEach(() => {
  for (const name of ['before-quit', 'will-quit', 'quit']) app.removeAllListeners(name);
  powerMonitor.removeAllListeners();
  app.exitCode = null;
  vi.clearAllMocks();
});
afterEach(() => vi.useRealTimers());

describe('quitting', () => {
  it('(staff exit, SIGTERM: app.quit) stops the shell at once, and ends only once the core has stopped', async () => {
    const { core, stopCore, stopShell, quitEvents, log } = setup();
    app.quit();
    expect(stopShell).toHaveBeenCalledTimes(1);
    expect(stopCore).toHaveBeenCalledTimes(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(quitEvents).toEqual([]); // held at will-quit while the core stops
    core.resolve();
    await vi.waitFor(() => expect(quitEvents).toEqual([0]));
    expect(app.exitCode).toBe(0);
    expect(log.info).toHaveBeenCalledWith('kiosk-stopped', expect.objectContaining({ ms: expect.any(Number) }));
    expect(stopCore).toHaveBeenCalledTimes(1);
  });

  it('never lets before-quit be prevented (Electron would then not be quitting), only will-quit', async () => {
    const { core } = setup();
    const seen: Array<[string, boolean]> = [];
    app.on('before-quit', (event: { defaultPrevented: boolean }) => queueMicrotask(() => seen.push(['before-quit', event.defaultPrevented])));
    app.on('will-quit', (event: { defaultPrevented: boolean }) => queueMicrotask(() => seen.push(['will-quit', event.defaultPrevented])));
    app.quit();
    core.resolve();
    await vi.waitFor(() => expect(app.exitCode).toBe(0));
    expect(seen).toEqual([
      ['before-quit', false],
      ['will-quit', true],
      ['before-quit', false],
      ['will-quit', false],
    ]);
  });

  it('is bounded: a core that never stops holds the quit for 4 s, logged, then the kiosk quits anyway', async () => {
    vi.useFakeTimers();
    const { quitEvents, log } = setup();
    app.quit();
    await vi.advanceTimersByTimeAsync(STOP_BOUND_MS - 1);
    expect(quitEvents).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(quitEvents).toEqual([0]);
    expect(log.warn).toHaveBeenCalledWith('kiosk-stop-timed-out', expect.objectContaining({ ms: STOP_BOUND_MS }));
  });

  it('a core whose stop fails is logged, and the kiosk quits', async () => {
    const { core, quitEvents, log } = setup();
    app.quit();
    core.reject(new Error('journal: EIO'));
    await vi.waitFor(() => expect(quitEvents).toEqual([0]));
    expect(log.error).toHaveBeenCalledWith('kiosk-stop-failed', { message: 'journal: EIO' });
  });

  it('stops the core once however many ask (a second app.quit, the OS at the same time)', async () => {
    const { core, stopCore } = setup();
    app.quit();
    app.quit();
    powerMonitor.emit('shutdown', electronEvent());
    core.resolve();
    await vi.waitFor(() => expect(app.exitCode).toBe(0));
    expect(stopCore).toHaveBeenCalledTimes(1);
  });

  it('for an update: electron-updater announces before-quit-for-update and calls app.quit; the install waits for the stop too', async () => {
    const { core, quitEvents, window } = setup();
    autoUpdater.emit('before-quit-for-update');
    app.quit();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(window.isDestroyed()).toBe(true); // the windows closed; the process waits at will-quit
    expect(quitEvents).toEqual([]);
    core.resolve();
    await vi.waitFor(() => expect(quitEvents).toEqual([0]));
  });

  it('the OS shutting down (Linux, macOS): the shutdown is delayed (prevented) while the kiosk quits', async () => {
    const { core, quitEvents, stopCore } = setup();
    const shutdown = electronEvent();
    powerMonitor.emit('shutdown', shutdown);
    expect(shutdown.defaultPrevented).toBe(true);
    expect(stopCore).toHaveBeenCalled();
    core.resolve();
    await vi.waitFor(() => expect(quitEvents).toEqual([0]));
  });

  it("Windows' session end: the quit begins inside session-end (or Electron ends the process as it returns), and waits for the stop", async () => {
    const { core, quit, window, quitEvents, log, stopCore } = setup();
    quit.watchSessionEnd(window as never);
    window.emit('query-session-end', electronEvent({ reasons: ['shutdown'] }));
    expect(stopCore).not.toHaveBeenCalled(); // only a question: another app may still cancel it
    window.emit('session-end', electronEvent({ reasons: ['shutdown'] }));
    expect(app.quit).toHaveBeenCalled();
    expect(stopCore).toHaveBeenCalledTimes(1);
    core.resolve();
    await vi.waitFor(() => expect(quitEvents).toEqual([0]));
    expect(log.info).toHaveBeenCalledWith('session-end', { reasons: ['shutdown'] });
  });
});

describe('the graceful relaunch', () => {
  it('waits for the stop, then asks Electron to start a marked kiosk, then exits with 0 (no before-quit)', async () => {
    const { core, quit, stopCore } = setup();
    const beforeQuit = vi.fn();
    app.on('before-quit', beforeQuit);
    const relaunched = quit.relaunch('fleet restart');
    expect(stopCore).toHaveBeenCalledTimes(1);
    expect(app.relaunch).not.toHaveBeenCalled();
    core.resolve();
    await relaunched;
    expect(app.relaunch).toHaveBeenCalledWith({ args: ['--updated', '--relaunched'] });
    expect(app.relaunch.mock.invocationCallOrder[0]).toBeLessThan(app.exit.mock.invocationCallOrder[0]!);
    expect(app.exit).toHaveBeenCalledWith(0);
    expect(beforeQuit).not.toHaveBeenCalled(); // app.md: exit emits neither before-quit nor will-quit
  });

  it('inside an AppImage starts the AppImage file itself (the mount it runs from goes with this process)', async () => {
    const { core, quit, spawnDetached } = setup({ env: { APPIMAGE: '/home/kiosk/Applications/counter-loyalty-kiosk.AppImage' } });
    core.resolve();
    await quit.relaunch('uncaught exceptions');
    expect(spawnDetached).toHaveBeenCalledWith('/home/kiosk/Applications/counter-loyalty-kiosk.AppImage', ['--updated', '--relaunched']);
    expect(app.relaunch).not.toHaveBeenCalled();
    expect(app.exit).toHaveBeenCalledWith(0);
  });

  it('is bounded like a quit', async () => {
    vi.useFakeTimers();
    const { quit } = setup();
    const relaunched = quit.relaunch('test');
    await vi.advanceTimersByTimeAsync(STOP_BOUND_MS);
    await relaunched;
    expect(app.exit).toHaveBeenCalledWith(0);
  });
});

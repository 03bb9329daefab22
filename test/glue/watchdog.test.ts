/**
 * The watchdog (electron mock, fake timers): a crashed or hung UI is reloaded on `ready`; more
 * than 3 crashes in 5 minutes show the out-of-order page, logged, with retries; the camera path
 * restarts alone.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CrashLoopGuard } from '../../electron/core/lockdown/crash-loop';

vi.mock('electron', () => import('../mocks/electron'));
const { app, BrowserWindow, electronEvent } = await import('../mocks/electron');
// app.md "Event: 'child-process-gone'": `event`, then `{ type, reason, exitCode, serviceName?, name? }`
// (Chromium's video capture runs as a `Utility` process, `name` "Video Capture").
const { setupWatchdog, isVideoCapture, OUT_OF_ORDER_URL, CAPTURE_RESTART_MS } = await import('../../electron/main/watchdog');

type MockWindow = InstanceType<typeof BrowserWindow>;
const UI_URL = 'kiosk://app/index.html';
const CAPTURE_URL = 'kiosk://app/capture/capture.html';

function start() {
  const ui = new BrowserWindow({}) as MockWindow;
  const capture = new BrowserWindow({}) as MockWindow;
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const resetSession = vi.fn();
  const cameraDown = vi.fn();
  const outOfOrderChanged = vi.fn();
  const uiCrashed = vi.fn();
  const watchdog = setupWatchdog({ ui: ui as never, capture: capture as never, resetSession, outOfOrderChanged, cameraDown, uiCrashed, log, guard: new CrashLoopGuard({ now: () => Date.now() }) });
  // web-contents.md "Event: 'render-process-gone'": `event`, then RenderProcessGoneDetails `{ reason, exitCode }`.
  const crash = (reason = 'crashed') => ui.webContents.emit('render-process-gone', electronEvent(), { reason, exitCode: 1 });
  return { ui, capture, log, resetSession, outOfOrderChanged, cameraDown, uiCrashed, watchdog, crash };
}

beforeEach(() => {
  vi.useFakeTimers();
  app.removeAllListeners('child-process-gone');
});
afterEach(() => vi.useRealTimers());

describe('the UI watchdog', () => {
  it('counts every crash for the metrics (kiosk_ui_crashes_total), the one that brings out of order too, and no clean exit', () => {
    const { ui, uiCrashed, crash } = start();
    for (let i = 0; i < 5; i++) crash('crashed');
    ui.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(uiCrashed).toHaveBeenCalledTimes(5);
  });

  it('reloads a crashed UI, back on ready (the customer data wiped), and logs it', () => {
    const { ui, log, resetSession, crash, watchdog } = start();
    crash('oom');
    expect(resetSession).toHaveBeenCalledTimes(1);
    expect(ui.loadURL).toHaveBeenLastCalledWith(UI_URL);
    expect(log.warn).toHaveBeenCalledWith('ui-restarted', { reason: 'oom', crashesInWindow: 1 });
    expect(watchdog.outOfOrder()).toBe(false);
  });

  it('ends a hung renderer so that it restarts like a crash', () => {
    const { ui, log } = start();
    ui.webContents.emit('unresponsive');
    expect(ui.webContents.forcefullyCrashRenderer).toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledWith('ui-unresponsive', {});
  });

  it('ignores a clean exit (the app quitting)', () => {
    const { ui, resetSession, crash } = start();
    crash('clean-exit');
    expect(resetSession).not.toHaveBeenCalled();
    expect(ui.loadURL).not.toHaveBeenCalled();
  });

  it('3 crashes in 5 minutes reload; the 4th shows "out of order", logged as an error; it retries every 2 minutes', () => {
    const { ui, log, crash, watchdog, outOfOrderChanged, resetSession } = start();
    for (let n = 0; n < 3; n++) {
      crash();
      vi.advanceTimersByTime(60_000);
    }
    expect(ui.loadURL.mock.calls.map(([url]) => url)).toEqual([UI_URL, UI_URL, UI_URL]);
    crash();
    expect(ui.loadURL).toHaveBeenLastCalledWith(OUT_OF_ORDER_URL);
    expect(watchdog.outOfOrder()).toBe(true);
    expect(outOfOrderChanged).toHaveBeenLastCalledWith(true); // scans wait: nobody would see them
    expect(log.error).toHaveBeenCalledWith('ui-out-of-order', expect.objectContaining({ crashesInWindow: 4, message: expect.stringContaining('more than 3 times in 5 minutes') }));
    vi.advanceTimersByTime(2 * 60_000 - 1);
    expect(ui.loadURL).toHaveBeenLastCalledWith(OUT_OF_ORDER_URL);
    vi.advanceTimersByTime(1);
    expect(ui.loadURL).toHaveBeenLastCalledWith(UI_URL); // the retry
    expect(watchdog.outOfOrder()).toBe(false);
    expect(outOfOrderChanged).toHaveBeenLastCalledWith(false);
    expect(resetSession).toHaveBeenCalledTimes(5); // each crash, and the retry (whatever happened meanwhile)
    crash(); // still broken: straight back, the recent crashes still count
    expect(ui.loadURL).toHaveBeenLastCalledWith(OUT_OF_ORDER_URL);
  });

  it('crashes spread over more than 5 minutes never make it out of order', () => {
    const { ui, crash, watchdog } = start();
    for (let n = 0; n < 10; n++) {
      crash();
      vi.advanceTimersByTime(2 * 60_000);
    }
    expect(watchdog.outOfOrder()).toBe(false);
    expect(ui.loadURL.mock.calls.every(([url]) => url === UI_URL)).toBe(true);
  });
});

describe('after stop (the app quitting)', () => {
  it('a crash or a hang does nothing: the windows may be gone, and a throw would show a dialog', () => {
    const { ui, capture, resetSession, crash, watchdog } = start();
    capture.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    watchdog.stop();
    crash();
    ui.webContents.emit('unresponsive');
    app.emit('child-process-gone', {}, { type: 'Utility', reason: 'crashed', exitCode: 1, serviceName: 'video_capture.mojom.VideoCaptureService' });
    vi.advanceTimersByTime(10 * 60_000);
    expect(resetSession).not.toHaveBeenCalled();
    expect(ui.loadURL).not.toHaveBeenCalled();
    expect(ui.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    expect(capture.loadURL).not.toHaveBeenCalled(); // the pending camera restart was cancelled
  });

  it('a window already destroyed is left alone', () => {
    const { ui, crash } = start();
    ui.isDestroyed.mockReturnValue(true);
    crash();
    expect(ui.loadURL).not.toHaveBeenCalled();
  });
});

describe('the camera path', () => {
  it('a crashed capture page restarts the camera path only: the UI is untouched', () => {
    const { ui, capture, cameraDown, resetSession } = start();
    capture.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(cameraDown).toHaveBeenCalledWith('CapturePageGone');
    vi.advanceTimersByTime(CAPTURE_RESTART_MS);
    expect(capture.loadURL).toHaveBeenCalledWith(CAPTURE_URL);
    expect(ui.loadURL).not.toHaveBeenCalled();
    expect(resetSession).not.toHaveBeenCalled();
  });

  it('child-process-gone of the video-capture service restarts the camera path only', () => {
    const { ui, capture, cameraDown, log } = start();
    app.emit('child-process-gone', {}, { type: 'Utility', reason: 'crashed', exitCode: 1, serviceName: 'video_capture.mojom.VideoCaptureService', name: 'Video Capture' });
    expect(cameraDown).toHaveBeenCalledWith('VideoCaptureServiceGone');
    vi.advanceTimersByTime(CAPTURE_RESTART_MS);
    expect(capture.loadURL).toHaveBeenCalledWith(CAPTURE_URL);
    expect(ui.loadURL).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledWith('child-process-gone', { type: 'Utility', reason: 'crashed', camera: true });
  });

  it('another child process (the GPU) is logged and leaves the camera alone', () => {
    const { capture, cameraDown } = start();
    app.emit('child-process-gone', {}, { type: 'GPU', reason: 'crashed', exitCode: 1 });
    vi.advanceTimersByTime(CAPTURE_RESTART_MS);
    expect(cameraDown).not.toHaveBeenCalled();
    expect(capture.loadURL).not.toHaveBeenCalled();
  });

  it('reloads the capture page when asked (frames that stopped), after the same short wait', () => {
    const { ui, capture, cameraDown, watchdog } = start();
    watchdog.restartCamera('FramesStalled');
    expect(cameraDown).toHaveBeenCalledWith('FramesStalled');
    vi.advanceTimersByTime(CAPTURE_RESTART_MS - 1);
    expect(capture.loadURL).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(capture.loadURL).toHaveBeenCalledWith(CAPTURE_URL);
    expect(ui.loadURL).not.toHaveBeenCalled();
  });

  it('knows the video-capture service by its service name', () => {
    expect(isVideoCapture({ type: 'Utility', serviceName: 'video_capture.mojom.VideoCaptureService' })).toBe(true);
    expect(isVideoCapture({ type: 'Utility', serviceName: 'network.mojom.NetworkService' })).toBe(false);
    expect(isVideoCapture({ type: 'GPU' })).toBe(false);
  });
});

/**
 * Self-healing. A UI renderer that crashes or hangs is reloaded and the session goes back to
 * `ready` (a customer's data never survives into the next page). More than 3 crashes in 5
 * minutes: the plain "out of order" page, logged, and the UI tried again every 2 minutes. The
 * camera path heals alone: a crashed capture page or video-capture service restarts only it.
 */
import { app, type BrowserWindow } from 'electron';
import { CrashLoopGuard } from '../core/lockdown/crash-loop';
import type { Logger } from '../core/log/logger';
import { APP_ORIGIN, APP_URL } from './app-protocol';
import { PAGE_URLS } from './ipc';

export const OUT_OF_ORDER_URL = `${APP_ORIGIN}/out-of-order.html`;
/** A crashed capture page waits this long before it reloads (a camera that crashed it may need a moment). */
export const CAPTURE_RESTART_MS = 2000;

export interface WatchdogDeps {
  ui: BrowserWindow;
  capture: BrowserWindow;
  /** Back to `ready`, wiping the customer's data (and closing staff mode). */
  resetSession(): void;
  /** The out-of-order page is up (true) or the UI is back (false): scans wait meanwhile. */
  outOfOrderChanged(on: boolean): void;
  /** The camera is being restarted: tell staff and the logs. */
  cameraDown(detail: string): void;
  /** The customer screen crashed or hung (for the metrics). */
  uiCrashed?(): void;
  log: Logger;
  guard?: CrashLoopGuard;
}

export interface Watchdog {
  /** True while the out-of-order page is up. */
  outOfOrder(): boolean;
  /** Reloads the capture page (after a short wait): a camera that stopped sending frames, say. */
  restartCamera(detail: string): void;
  stop(): void;
}

export function setupWatchdog(deps: WatchdogDeps): Watchdog {
  const guard = deps.guard ?? new CrashLoopGuard();
  const ui = deps.ui.webContents;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let cameraRestart: ReturnType<typeof setTimeout> | null = null;
  let outOfOrder = false;
  // Once stopped (the app is quitting), crashes are the quit's and windows may be gone.
  let stopped = false;

  const setOutOfOrder = (on: boolean) => {
    outOfOrder = on;
    deps.outOfOrderChanged(on);
  };

  const showUi = () => {
    if (outOfOrder) setOutOfOrder(false);
    void deps.ui.loadURL(APP_URL);
  };
  /** Out of order, time to try again: whatever happened meanwhile, the UI starts on `ready`. */
  const retryUi = () => {
    retry = null;
    if (stopped || deps.ui.isDestroyed()) return;
    deps.resetSession();
    showUi();
  };

  const uiCrashed = (reason: string) => {
    if (stopped || deps.ui.isDestroyed()) return;
    deps.uiCrashed?.();
    deps.resetSession();
    const verdict = guard.record();
    if (verdict === 'reload') {
      deps.log.warn('ui-restarted', { reason, crashesInWindow: guard.recentCrashes() });
      showUi();
      return;
    }
    setOutOfOrder(true);
    deps.log.error('ui-out-of-order', { reason, crashesInWindow: guard.recentCrashes(), message: `The screen crashed more than ${guard.maxCrashes} times in ${guard.windowMs / 60_000} minutes; trying again in ${guard.retryMs / 1000} s` });
    void deps.ui.loadURL(OUT_OF_ORDER_URL);
    if (retry) clearTimeout(retry);
    retry = setTimeout(retryUi, guard.retryMs);
  };

  ui.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return; // the app is quitting
    uiCrashed(details.reason);
  });
  // A hung page cannot be reloaded from inside: end its process, and the handler above restarts it.
  ui.on('unresponsive', () => {
    if (stopped || ui.isDestroyed()) return;
    deps.log.warn('ui-unresponsive', {});
    ui.forcefullyCrashRenderer();
  });

  const restartCamera = (detail: string) => {
    if (stopped) return;
    deps.cameraDown(detail);
    if (cameraRestart) clearTimeout(cameraRestart);
    cameraRestart = setTimeout(() => {
      cameraRestart = null;
      if (!stopped && !deps.capture.isDestroyed()) void deps.capture.loadURL(PAGE_URLS.capture);
    }, CAPTURE_RESTART_MS);
  };
  const capture = deps.capture.webContents;
  capture.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    deps.log.warn('capture-restarted', { reason: details.reason });
    restartCamera('CapturePageGone');
  });
  capture.on('unresponsive', () => {
    if (!stopped && !capture.isDestroyed()) capture.forcefullyCrashRenderer();
  });
  app.on('child-process-gone', (_event, details) => {
    if (stopped || details.reason === 'clean-exit') return;
    const camera = isVideoCapture(details);
    deps.log.warn('child-process-gone', { type: details.type, reason: details.reason, camera });
    if (camera) restartCamera('VideoCaptureServiceGone');
  });

  return {
    outOfOrder: () => outOfOrder,
    restartCamera,
    stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      if (cameraRestart) clearTimeout(cameraRestart);
    },
  };
}

/** Chromium's video-capture service runs in a utility process of its own. */
export function isVideoCapture(details: { type: string; serviceName?: string; name?: string }): boolean {
  return details.type === 'Utility' && /video.?capture/i.test(`${details.serviceName ?? ''} ${details.name ?? ''}`);
}

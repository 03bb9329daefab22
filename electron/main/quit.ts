/**
 * Quitting waits for the core's `stop()` (the hand-off journal's last line, the last metrics
 * push), bounded, whoever asks: staff, an update's install, `systemctl stop` (SIGTERM becomes
 * `app.quit()`: shell/browser/electron_browser_main_parts_posix.cc), the OS shutting down.
 *
 * - `before-quit` (app.md) starts the stop (at most STOP_BOUND_MS) while the windows close;
 *   `will-quit`, which comes once they are closed, is prevented until it is done, then
 *   `app.quit()` again goes through. (A prevented `before-quit` would leave Electron not
 *   quitting, which Windows' session end below cannot afford: shell/browser/browser.cc.)
 * - Linux and macOS shutdown: powerMonitor's `shutdown`, prevented, delays it while the app quits
 *   (power-monitor.md; systemd-logind grants a delay lock up to InhibitDelayMaxSec, 5 s by default,
 *   hence a bound of 4 s).
 * - Windows ends a session without `before-quit` (app.md, note on both events): the window's
 *   `session-end` is the last word, and Electron 45 ends the process right after it unless the
 *   app began its own quit there (shell/browser/native_window_views_win.cc, WM_ENDSESSION). So
 *   the kiosk begins it; Windows may still end the process at any moment, which the hand-off
 *   journal, written and fsync'd line by line, is made for.
 * - `relaunch()`: the one graceful restart (the updater's relaunch, the fleet's restart, a main
 *   process that keeps throwing): the same bounded stop, then a new process and `app.exit(0)`.
 */
import { spawn } from 'node:child_process';
import type { App, BrowserWindow } from 'electron';
import type { Logger } from '../core/log/logger';
import { RELAUNCHED_ARG } from './single-instance';

/** The core's stop may take this long before the kiosk quits anyway. */
export const STOP_BOUND_MS = 4000;

export interface GracefulQuitDeps {
  app: Pick<App, 'on' | 'quit' | 'exit' | 'relaunch'>;
  /**
   * powerMonitor. Its `shutdown` listener gets an Event like every Electron event (gin_helper's
   * Emit, and PowerMonitor::ShouldShutdown returns `!Emit("shutdown")`), though electron.d.ts,
   * made from a docs entry without "Returns", types it with no argument.
   */
  powerMonitor?: { on(event: 'shutdown', listener: (event: { preventDefault(): void }) => void): unknown };
  /** Stops the shell's own timers and watchers (synchronous: they must not act on a quitting app). */
  stopShell(): void;
  /** The core's stop: the parts, the journal, the metrics. */
  stopCore(): Promise<void>;
  log: Logger;
  boundMs?: number;
  /** For the relaunch: the process's arguments and environment (an AppImage relaunches itself by $APPIMAGE). */
  argv?: readonly string[];
  env?: NodeJS.ProcessEnv;
  spawnDetached?: (file: string, args: string[]) => void;
}

export interface GracefulQuit {
  /** Windows: a window whose `session-end` starts the quit. */
  watchSessionEnd(window: BrowserWindow): void;
  /** Stops the core (bounded), then starts a new kiosk and exits this one with 0. */
  relaunch(reason: string): Promise<void>;
}

export function setupGracefulQuit(deps: GracefulQuitDeps): GracefulQuit {
  const { app, log } = deps;
  const bound = deps.boundMs ?? STOP_BOUND_MS;
  let stopping: Promise<void> | null = null;
  let stopped = false;

  /** The one stop, however many ask for it; settles within the bound whatever the core does. */
  const stopOnce = (reason: string): Promise<void> => {
    stopping ??= (async () => {
      log.info('kiosk-stopping', { reason });
      deps.stopShell();
      const started = Date.now();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const outcome = await Promise.race([
        deps.stopCore().then(
          () => 'stopped' as const,
          (error: unknown) => {
            log.error('kiosk-stop-failed', { message: (error as Error).message });
            return 'failed' as const;
          },
        ),
        new Promise<'timedOut'>((resolve) => (timer = setTimeout(() => resolve('timedOut'), bound))),
      ]);
      clearTimeout(timer);
      if (outcome === 'timedOut') log.warn('kiosk-stop-timed-out', { ms: bound, message: `The core did not stop within ${bound / 1000} s: quitting anyway` });
      else log.info('kiosk-stopped', { ms: Date.now() - started });
      stopped = true;
    })();
    return stopping;
  };

  app.on('before-quit', () => {
    if (stopped) return;
    // Then again: through to the end once stopped, whether the quit waits at will-quit or was
    // called off on the way (a window that would not close).
    void stopOnce('quit').then(() => app.quit());
  });
  app.on('will-quit', (event) => {
    if (!stopped) event.preventDefault();
  });
  deps.powerMonitor?.on('shutdown', (event: { preventDefault(): void }) => {
    event.preventDefault();
    log.info('system-shutdown', {});
    app.quit();
  });

  return {
    watchSessionEnd(window) {
      window.on('query-session-end', (event) => log.info('session-ending', { reasons: event.reasons }));
      window.on('session-end', (event) => {
        log.info('session-end', { reasons: event.reasons });
        app.quit(); // begun here, so Electron does not end the process the moment this returns
      });
    },
    async relaunch(reason) {
      await stopOnce(`relaunch: ${reason}`);
      startNewKiosk(deps);
      app.exit(0);
    },
  };
}

/**
 * `app.relaunch()` starts the new process once this one exits (app.md), but inside an AppImage
 * the relauncher runs from the AppImage's mount, which goes away with this process
 * (electron-builder issue #1727): there the AppImage file itself is started, as electron-updater's
 * AppImageUpdater does. Either way the new kiosk is marked, so it waits for this one's lock.
 */
function startNewKiosk(deps: GracefulQuitDeps): void {
  const argv = deps.argv ?? process.argv;
  const env = deps.env ?? process.env;
  const args = [...argv.slice(1).filter((arg) => arg !== RELAUNCHED_ARG), RELAUNCHED_ARG];
  if (env.APPIMAGE) {
    (deps.spawnDetached ?? spawnDetached)(env.APPIMAGE, args);
    return;
  }
  deps.app.relaunch({ args });
}

function spawnDetached(file: string, args: string[]): void {
  spawn(file, args, { detached: true, stdio: 'ignore' }).unref();
}

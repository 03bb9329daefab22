/**
 * One kiosk per machine: a second one would fight over the scanners. But a kiosk started by an
 * update (or by the kiosk's own relaunch) may start before the old one has let go of the lock,
 * so it asks again for a few seconds before it gives up. How it knows who started it:
 * - Windows: electron-builder's NSIS installer starts the app with `--updated` after an update
 *   (app-builder-lib templates/nsis/common.nsh, the StartApp macro; electron-updater's
 *   NsisUpdater runs the installer with `--updated --force-run`);
 * - Linux AppImage: electron-updater's AppImageUpdater starts the new file at once, with
 *   `APPIMAGE_SILENT_INSTALL=true` in its environment (AppImageUpdater.doInstall);
 * - the kiosk's own relaunch (quit.ts) adds `--relaunched`.
 * macOS' Squirrel starts the new version only after the old process has ended, so it needs none.
 *
 * `app.requestSingleInstanceLock()` may be asked again after it said no: a refusal drops its
 * ProcessSingleton, and the next call makes a new one (shell/browser/api/electron_api_app.cc).
 */
import type { App } from 'electron';

export const RELAUNCHED_ARG = '--relaunched';
/** How long a kiosk started by an update or a relaunch waits for the old one's lock. */
export const LOCK_RETRY_TOTAL_MS = 10_000;
const LOCK_RETRY_EVERY_MS = 250;

export function startedByUpdater(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  return argv.includes('--updated') || argv.includes(RELAUNCHED_ARG) || env.APPIMAGE_SILENT_INSTALL === 'true';
}

export interface LockDeps {
  app: Pick<App, 'requestSingleInstanceLock'>;
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  /** Written before the core's log exists: stderr. */
  note(message: string): void;
  totalMs?: number;
  everyMs?: number;
}

/** True once this process holds the lock; false when another kiosk keeps it. */
export async function acquireSingleInstanceLock(deps: LockDeps): Promise<boolean> {
  if (deps.app.requestSingleInstanceLock()) return true;
  if (!startedByUpdater(deps.argv, deps.env)) return false;
  const totalMs = deps.totalMs ?? LOCK_RETRY_TOTAL_MS;
  const everyMs = deps.everyMs ?? LOCK_RETRY_EVERY_MS;
  deps.note(`Another kiosk still holds the lock (started by an update or a relaunch): asking again for up to ${totalMs / 1000} s`);
  const started = Date.now();
  while (Date.now() - started < totalMs) {
    await new Promise((resolve) => setTimeout(resolve, everyMs));
    if (deps.app.requestSingleInstanceLock()) {
      deps.note(`Got the lock after ${Date.now() - started} ms`);
      return true;
    }
  }
  deps.note('The other kiosk kept the lock: this one exits');
  return false;
}

/**
 * The Electron kiosk's restart (the support desk's, or the daily one; the core calls it only
 * while nobody is served): stop the core (bounded), then relaunch. As Electron documents
 * `app.relaunch([options])` (docs/api/app.md): it "Relaunches the app when current instance
 * exits", and "does not quit the app when executed, you have to call app.quit or app.exit after
 * calling app.relaunch to make the app restart"; without options "the new instance will use the
 * same working directory and command line arguments", and `args`, when given, are passed
 * "instead" (without the program itself: its own example passes `process.argv.slice(1)`).
 *
 * An AppImage runs from a mount that is gone once it exits, so relaunching `process.execPath`
 * starts nothing (electron-builder issues #1727 and #4650): there the AppImage file itself
 * (`$APPIMAGE`) is relaunched, with `--appimage-extract-and-run` so that it needs no second mount.
 */
import { app } from 'electron';
import type { Logger } from '../core/log/logger';
import type { RestartReason } from '../core/maintenance/idle-restart';

export interface RelaunchDeps {
  /** The core's stop (the hand-off's journal, the last metrics push). */
  stop(): Promise<void>;
  log: Logger;
  /** How long the core may take to stop (default 5 s): a stuck part must not keep the kiosk from coming back. */
  stopTimeoutMs?: number;
  /** After app.quit(), how long before app.exit(0) (default 10 s): a quit held up must not leave the kiosk half-closed. */
  exitAfterMs?: number;
  env?: NodeJS.ProcessEnv;
  argv?: readonly string[];
}

/** What app.relaunch() is given: nothing (the same program and arguments), or the AppImage file. */
export function relaunchOptions(packaged: boolean, env: NodeJS.ProcessEnv, argv: readonly string[]): Electron.RelaunchOptions | undefined {
  const appImage = env.APPIMAGE;
  if (!packaged || !appImage) return undefined;
  return { execPath: appImage, args: ['--appimage-extract-and-run', ...argv.slice(1).filter((arg) => arg !== '--appimage-extract-and-run')] };
}

export function relaunchKiosk(deps: RelaunchDeps): (reason: RestartReason) => Promise<void> {
  return async (reason) => {
    deps.log.info('restart-relaunching', { reason });
    const stopped = await Promise.race([
      deps.stop().then(
        () => true,
        () => true,
      ),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), deps.stopTimeoutMs ?? 5000)),
    ]);
    if (!stopped) deps.log.warn('restart-stop-slow', { message: 'the core did not stop in time: relaunching anyway' });
    const options = relaunchOptions(app.isPackaged, deps.env ?? process.env, deps.argv ?? process.argv);
    if (options) app.relaunch(options);
    else app.relaunch();
    app.quit();
    setTimeout(() => app.exit(0), deps.exitAfterMs ?? 10_000);
  };
}

/**
 * An exception nobody caught in main must never reach the customer's screen: without a listener
 * of the app's own, Electron shows "A JavaScript error occurred in the main process" with the
 * stack (lib/browser/init.ts, which stays silent once the app has one). Here each one is logged,
 * redacted like every line, and the kiosk carries on; one that keeps coming (more than
 * MAX_EXCEPTIONS within WINDOW_MS) means main is broken, and the kiosk relaunches gracefully.
 * Installed first thing, before the core and its log exist (stderr until then).
 */
import type { Logger } from '../core/log/logger';

export const MAX_EXCEPTIONS = 3;
export const WINDOW_MS = 60_000;

type ProcessLike = Pick<NodeJS.Process, 'on'>;

export interface MainProcessGuard {
  /** From here on: log into the kiosk's log, and relaunch this way when exceptions keep coming. */
  attach(log: Logger, relaunch: (reason: string) => void): void;
}

export function guardMainProcess(proc: ProcessLike = process, now: () => number = Date.now): MainProcessGuard {
  let log: Pick<Logger, 'error'> = { error: (event, fields) => console.error(event, JSON.stringify(fields)) };
  let relaunch: ((reason: string) => void) | null = null;
  let recent: number[] = [];
  let relaunching = false;
  proc.on('uncaughtException', (error: Error, origin: string) => {
    const at = now();
    recent = [...recent.filter((time) => at - time < WINDOW_MS), at];
    log.error('uncaught-exception', { origin, message: `${error?.name ?? 'Error'}: ${error?.message ?? String(error)}`, stack: error?.stack?.split('\n').slice(1, 6).join(' | ') ?? null, inLastMinute: recent.length });
    if (recent.length > MAX_EXCEPTIONS && relaunch && !relaunching) {
      relaunching = true;
      relaunch(`${recent.length} uncaught exceptions within ${WINDOW_MS / 1000} s`);
    }
  });
  return {
    attach(kioskLog, relaunchKiosk) {
      log = kioskLog;
      relaunch = relaunchKiosk;
    },
  };
}

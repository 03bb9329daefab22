/**
 * The kiosk's restarts, as a part: one idle restart (maintenance/idle-restart.ts) that the
 * support API and the daily `maintenance.restartAt` both ask, and that the shell performs.
 */
import path from 'node:path';
import type { Logger } from '../log/logger';
import { DailyRestart } from '../maintenance/daily-restart';
import { IdleRestart, type IdleRestartDeps, type RestartPlan, type RestartReason } from '../maintenance/idle-restart';
import type { KioskPart } from './kiosk-part';

/** When the daily restart last ran, in the user-data folder (a restart-loop guard across starts). */
export const RESTART_STATE_FILE = 'restart-state.json';

export interface Maintenance extends KioskPart {
  /** A restart as soon as the kiosk is idle (one pending stays as it is). */
  requestRestart(reason: RestartReason): RestartPlan;
  pendingRestart(): RestartPlan | null;
  /** The daily restart's time ("HH:MM") and when it is next asked for (ISO), while one is set. */
  daily(): { at: string | null; next: string | null };
}

export async function createMaintenance(deps: { userDataDir: string; log: Logger; busy: IdleRestartDeps['busy']; restart: IdleRestartDeps['restart'] }): Promise<Maintenance> {
  const idle = await IdleRestart.create({ busy: deps.busy, restart: deps.restart, log: deps.log, stateFile: path.join(deps.userDataDir, RESTART_STATE_FILE) });
  const daily = new DailyRestart(idle);
  let at: string | null = null;
  return {
    name: 'maintenance',
    apply({ after }) {
      at = after.maintenance.restartAt;
      daily.configure(at);
    },
    stop() {
      daily.stop();
      idle.stop();
    },
    requestRestart: (reason) => idle.request(reason),
    pendingRestart: () => idle.plan(),
    daily: () => ({ at, next: daily.nextAt() }),
  };
}

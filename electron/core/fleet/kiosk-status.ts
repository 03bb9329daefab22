/**
 * GET /v1/status: what staff health shows, for the support desk. The screen is given by its
 * name only (never the member on it), and nothing in the health view carries a customer's data.
 */
import type { HealthView } from '../../shared/staff-view';
import type { RestartPlan } from '../maintenance/idle-restart';
import type { UpdateState } from '../metrics/kiosk-metrics';

export interface StatusInput {
  health: HealthView;
  storeId: string;
  terminalId: string;
  /** The session's screen, or "staff" while staff mode is open. */
  screen: string;
  update: UpdateState | null;
  restart: { pending: RestartPlan | null; dailyAt: string | null; nextDailyAt: string | null };
  now: number;
}

export function kioskStatus(input: StatusInput) {
  const { health } = input;
  return {
    version: health.version,
    storeId: input.storeId,
    terminalId: input.terminalId,
    startedAt: health.startedAt,
    uptimeSeconds: Math.max(0, Math.round((input.now - Date.parse(health.startedAt)) / 1000)),
    screen: input.screen,
    config: health.config,
    /** The signed fleet configuration: its serial, and how its last check went. */
    fleet: health.fleet ?? null,
    scanners: health.scanners,
    backEnd: health.backEnd,
    handoff: health.handoff,
    update: input.update,
    restart: input.restart,
    counts: health.counts,
    log: health.log,
  };
}

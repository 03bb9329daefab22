/**
 * The support desk's parts, wired to the rest of the core: the fleet part (the support API and
 * the signed fleet configuration) and the maintenance part (the idle restart and the daily one).
 * What they read of the kiosk (its health, screen, log, hand-off) comes in through `deps`; what
 * only a shell can do (restart, screenshot) comes later, through `attachShell`.
 */
import type { HealthView } from '../../shared/staff-view';
import type { ConfigHolder } from '../config/config-holder';
import { loadConfig } from '../config/load-config';
import type { SecretStore } from '../config/secret-store';
import { kioskStatus } from '../fleet/kiosk-status';
import { readLogLines } from '../fleet/log-lines';
import type { ScreenshotResult } from '../fleet/support-api';
import type { KioskLogger, Logger } from '../log/logger';
import type { KioskMetrics } from '../metrics/kiosk-metrics';
import type { Product } from '../product';
import type { SessionMachine } from '../session/session-machine';
import type { ShellActions } from '../shell-actions';
import { createFleet, type FleetPart } from './fleet';
import type { Handoff } from './handoff';
import { createMaintenance, type Maintenance } from './maintenance';

/** Screens that show no customer: a screenshot may be taken and a restart may happen. */
const NO_CUSTOMER = new Set(['ready', 'needsStaff']);

export interface SupportDeps {
  userDataDir: string;
  env: NodeJS.ProcessEnv;
  secrets: SecretStore;
  product: Product;
  holder: ConfigHolder;
  session: SessionMachine;
  handoff: Handoff;
  metrics: KioskMetrics;
  /** The kiosk's own logger when it has one (its file and redaction), else null. */
  log: KioskLogger | null;
  logger: Logger;
  staffOpen(): boolean;
  /** The staff health view, without the staff check. */
  health(): HealthView;
  reload(): Promise<void>;
  /** Runs a screenshot with the camera preview off the screen (camera-feed.ts). */
  hidePreview?<T>(capture: () => Promise<T>): Promise<T>;
}

export interface Support {
  fleet: FleetPart;
  maintenance: Maintenance;
  attachShell(shell: ShellActions): void;
  /** The shell attached, once it is (staff's "Quit for maintenance" asks it to quit). */
  shell(): ShellActions | null;
}

export async function createSupport(deps: SupportDeps): Promise<Support> {
  let shell: ShellActions | null = null;
  let capturing = false;
  const screen = () => (deps.staffOpen() ? 'staff' : deps.session.view().screen);
  const maintenance = await createMaintenance({
    userDataDir: deps.userDataDir,
    log: deps.logger,
    busy: () => (deps.staffOpen() ? 'staff' : !NO_CUSTOMER.has(deps.session.view().screen) ? 'customer' : deps.handoff.counts().pending > 0 ? 'handoff' : null),
    restart: async (reason) => {
      if (!shell) throw new Error('no shell is attached to restart the kiosk');
      await shell.restart(reason);
    },
  });

  const screenshot = async (): Promise<ScreenshotResult> => {
    const before = deps.session.view();
    const shown = screen();
    if (!NO_CUSTOMER.has(shown)) return { ok: false, status: 409, error: 'customer-on-screen', screen: shown, message: `the screen shows ${shown}: a screenshot is taken only while no customer is on it` };
    if (!shell?.screenshot) return { ok: false, status: 501, error: 'not-available', screen: shown, message: shell?.noScreenshot ?? 'this shell cannot capture its screen' };
    if (capturing) return { ok: false, status: 503, error: 'busy', message: 'a screenshot is being taken' };
    capturing = true;
    try {
      const take = shell.screenshot.bind(shell);
      const png = await (deps.hidePreview ? deps.hidePreview(take) : take());
      // A customer who scanned while it was taken: their screen is not sent.
      if (deps.session.view() !== before || deps.staffOpen()) return { ok: false, status: 409, error: 'customer-on-screen', screen: screen(), message: 'the screen changed while it was taken' };
      return { ok: true, png };
    } catch (error) {
      return { ok: false, status: 503, error: 'capture-failed', message: (error as Error).message };
    } finally {
      capturing = false;
    }
  };

  const fleet = createFleet({
    userDataDir: deps.userDataDir,
    log: deps.logger,
    userAgent: `${deps.product.name}/${deps.product.version}`,
    source: () => deps.holder.source(),
    check: async (layer) => {
      const result = await loadConfig(deps.env, deps.userDataDir, { secrets: deps.secrets, fleetLayer: layer });
      return result.ok ? null : result.error;
    },
    apply: () => deps.reload(),
    onRefused: (reason) => deps.metrics.fleetRefused(reason),
    api: {
      status: () => {
        const config = deps.holder.current();
        const { at, next } = maintenance.daily();
        return kioskStatus({
          health: deps.health(),
          storeId: config.storeId,
          terminalId: config.terminalId,
          screen: screen(),
          update: deps.metrics.updateStateNow(),
          restart: { pending: maintenance.pendingRestart(), dailyAt: at, nextDailyAt: next },
          now: Date.now(),
        });
      },
      logs: async (query) => (deps.log?.file ? readLogLines(deps.log.file, query, (fields) => deps.log?.redact(fields) ?? fields) : null),
      screenshot,
      restart: () => maintenance.requestRestart('fleet-api'),
    },
  });
  return { fleet, maintenance, attachShell: (actions) => void (shell = actions), shell: () => shell };
}

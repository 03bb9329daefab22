/** The staff health view, put together from every part's own account of itself. No customer data. */
import type { DisplayHealth, FleetConfigHealth, HealthView } from '../../shared/staff-view';
import type { ConfigHolder } from '../config/config-holder';
import type { KioskLogger } from '../log/logger';
import type { HealthStats } from '../staff/health-stats';
import type { BackEnd } from './back-end';
import type { Camera } from './camera';
import type { Handoff } from './handoff';
import type { Scanners } from './scanners';
import type { Vipps } from './vipps';

export interface HealthDeps {
  version: string;
  config: ConfigHolder;
  stats: HealthStats;
  backEnd: BackEnd;
  vipps: Vipps;
  camera: Camera;
  scanners: Scanners;
  handoff: Handoff;
  log: KioskLogger | null;
  staffPin: HealthView['staffPin'];
  /** The fleet configuration's state, when one is set up. */
  fleet?: () => FleetConfigHealth | null;
  /** The Electron kiosk's screen; null in the web shell. */
  display: DisplayHealth | null;
}

export function healthView(deps: HealthDeps): HealthView {
  const config = deps.config.current();
  const source = deps.config.source();
  return {
    version: deps.version,
    startedAt: deps.stats.startedAt,
    config: { source: source.kind, path: source.path, staffPath: source.staffPath, problem: deps.config.problem(), backEnd: deps.backEnd.kind(), vipps: deps.vipps.kind() },
    scanners: {
      camera: { ...deps.camera.feed.state(), enabled: config.scanners.camera.enabled, tuning: deps.camera.feed.tuning(), stalls: deps.camera.stalls().count, lastStallAt: deps.camera.stalls().lastAt },
      keyboard: { enabled: config.scanners.keyboard.enabled, layout: config.scanners.keyboard.layout },
      serial: { ...deps.scanners.serialState(), path: config.scanners.serial.path },
    },
    backEnd: { ...deps.stats.backEnd },
    staffPin: deps.staffPin,
    display: deps.display,
    log: { file: deps.log?.file ?? null, recentProblems: deps.log?.recentProblems() ?? [] },
    handoff: deps.handoff.health(),
    counts: { ...deps.stats.counts },
    fleet: deps.fleet?.() ?? null,
  };
}

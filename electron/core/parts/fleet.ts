/**
 * Running the kiosk from the chain's desk (`fleet`), as a part: the support API (started,
 * restarted or stopped when `fleet.api` changes; a port that is taken is tried again every
 * 30 s) and the signed fleet configuration's checks (`fleet.config`). A kiosk that starts on a
 * refused file still runs its file's `fleet` section when that alone is valid: the desk can
 * still look at it, and a fleet configuration may be what mends it.
 */
import { isSameValue } from '../../shared/same-value';
import type { FleetConfigHealth } from '../../shared/staff-view';
import type { ConfigSource } from '../config/load-config';
import type { KioskConfig } from '../config/config-schema';
import type { FleetRefusal } from '../fleet/fleet-document';
import { FleetConfigFetcher } from '../fleet/fleet-fetcher';
import type { FleetLayer } from '../fleet/fleet-store';
import { startSupportApi, type SupportApi, type SupportApiDeps } from '../fleet/support-api';
import { ListenerError } from '../http/listener';
import type { Logger } from '../log/logger';
import type { KioskPart } from './kiosk-part';

const RETRY_MS = 30_000;

type ApiSettings = NonNullable<NonNullable<KioskConfig['fleet']>['api']>;

export interface FleetPart extends KioskPart {
  health(): FleetConfigHealth | null;
  /** Where the support API listens, while it does. */
  apiAddress(): string | null;
  /** Looks for a new fleet configuration now. */
  checkNow(): Promise<void>;
}

export interface FleetDeps {
  userDataDir: string;
  log: Logger;
  userAgent: string;
  source(): ConfigSource;
  /** The whole configuration as it would run with `layer`: null, or why it cannot. */
  check(layer: FleetLayer): Promise<string | null>;
  /** Applies the stored fleet configuration (the core's reload). */
  apply(): Promise<void>;
  onRefused(reason: FleetRefusal): void;
  api: Omit<SupportApiDeps, 'log'>;
  /** More trusted certificate authorities (tests). */
  extraCa?: string[];
}

export function createFleet(deps: FleetDeps): FleetPart {
  const fetcher = new FleetConfigFetcher({ userDataDir: deps.userDataDir, log: deps.log, check: deps.check, apply: deps.apply, onRefused: deps.onRefused, userAgent: deps.userAgent, extraCa: deps.extraCa });
  let api: SupportApi | null = null;
  let wanted: ApiSettings | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let fromValidConfig = false;
  let queue: Promise<void> = Promise.resolve();

  const listen = async (settings: ApiSettings): Promise<void> => {
    if (!settings.token || settings !== wanted) return;
    try {
      const started = await startSupportApi({ ...settings, token: settings.token }, { ...deps.api, log: deps.log });
      if (settings !== wanted) return void (await started.close()); // the configuration moved on meanwhile
      api = started;
    } catch (error) {
      const message = error instanceof ListenerError ? error.message : `fleet.api: cannot listen on ${settings.host}:${settings.port} (${(error as Error).message})`;
      deps.log.error('fleet-api-failed', { message });
      retry = setTimeout(() => void listen(settings), RETRY_MS);
      retry.unref();
    }
  };
  const stopApi = async () => {
    if (retry) clearTimeout(retry);
    retry = null;
    await api?.close();
    api = null;
  };
  const configure = async (fleet: KioskConfig['fleet']): Promise<void> => {
    const settings = fleet?.api ?? null;
    if (!isSameValue(settings, wanted)) {
      await stopApi();
      wanted = settings;
      if (settings) await listen(settings);
    }
    fetcher.configure(fleet?.config ?? null);
  };
  const queued = (fleet: KioskConfig['fleet']): Promise<void> => {
    const run = queue.then(() => configure(fleet));
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    name: 'fleet',
    async apply(change) {
      fromValidConfig = true;
      await queued(change.after.fleet);
    },
    refuse(problem) {
      if (fromValidConfig || !problem.fleet) return;
      queued(problem.fleet).catch((error: unknown) => deps.log.error('fleet-failed', { message: (error as Error).message }));
    },
    async stop() {
      await queue;
      wanted = null;
      await stopApi();
      await fetcher.stop();
    },
    health() {
      const status = fetcher.status();
      if (!status) return null;
      // The serial is the one the configuration in force was loaded with.
      const applied = deps.source().fleet ?? null;
      return { ...status, serial: applied?.serial ?? null, receivedAt: applied?.receivedAt ?? null };
    },
    apiAddress: () => api?.address() ?? null,
    checkNow: () => fetcher.checkNow(),
  };
}

/**
 * The ways out for the kiosk's metrics (`telemetry`): the Prometheus endpoint and the OTLP push,
 * each started, restarted or stopped when its own settings change (from a refused file too, at
 * start: see `refuse`). An endpoint whose port is
 * taken is logged and tried again every 30 s; it never holds up the rest of the kiosk.
 */
import { isSameValue } from '../../shared/same-value';
import type { KioskConfig } from '../config/config-schema';
import { ListenerError } from '../http/listener';
import type { Logger } from '../log/logger';
import type { KioskMetrics } from '../metrics/kiosk-metrics';
import { OtlpPusher } from '../metrics/otlp-pusher';
import { startPrometheusEndpoint, type PrometheusEndpoint } from '../metrics/prometheus-endpoint';
import type { KioskPart } from './kiosk-part';

const RETRY_MS = 30_000;

type PrometheusSettings = NonNullable<NonNullable<KioskConfig['telemetry']>['prometheus']>;
type OtlpSettings = NonNullable<NonNullable<KioskConfig['telemetry']>['otlp']>;

export interface Telemetry extends KioskPart {
  /** The Prometheus endpoint's address, while it listens. */
  prometheusAddress(): string | null;
  /** The OTLP pusher, while pushing is configured (tests push at once through it). */
  pusher(): OtlpPusher | null;
}

export function createTelemetry(deps: { metrics: KioskMetrics; log: Logger }): Telemetry {
  let endpoint: PrometheusEndpoint | null = null;
  let wanted: PrometheusSettings | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let pusher: OtlpPusher | null = null;

  const listen = async (settings: PrometheusSettings): Promise<void> => {
    if (!settings.token || settings !== wanted) return;
    try {
      const started = await startPrometheusEndpoint({ ...settings, token: settings.token, scrape: () => deps.metrics.scrape(), log: deps.log });
      if (settings !== wanted) return void (await started.close()); // the configuration moved on meanwhile
      endpoint = started;
    } catch (error) {
      const message = error instanceof ListenerError ? error.message : `cannot listen on ${settings.host}:${settings.port} (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
      deps.log.error('telemetry-prometheus-failed', { message });
      retry = setTimeout(() => void listen(settings), RETRY_MS);
      retry.unref();
    }
  };

  const stopEndpoint = async () => {
    if (retry) clearTimeout(retry);
    retry = null;
    await endpoint?.close();
    endpoint = null;
  };

  let otlpSettings: OtlpSettings | null = null;
  let fromValidConfig = false;
  let queue: Promise<void> = Promise.resolve();

  /** Starts, restarts or stops each way out whose settings differ from those it runs with. */
  const configure = async (telemetry: KioskConfig['telemetry']): Promise<void> => {
    const prometheus = telemetry?.prometheus ?? null;
    if (!isSameValue(prometheus, wanted)) {
      await stopEndpoint();
      wanted = prometheus;
      if (wanted) await listen(wanted);
    }
    const otlp = telemetry?.otlp ?? null;
    if (!isSameValue(otlp, otlpSettings)) {
      await pusher?.stop();
      pusher = null;
      otlpSettings = otlp;
      if (otlp) {
        pusher = new OtlpPusher({ ...otlp, collect: () => deps.metrics.collect(), log: deps.log });
        pusher.start();
      }
    }
  };
  /** One change at a time; one that fails is the caller's to report, and the next still runs. */
  const queued = (telemetry: KioskConfig['telemetry']): Promise<void> => {
    const run = queue.then(() => configure(telemetry));
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    name: 'telemetry',
    async apply(change) {
      fromValidConfig = true;
      await queued(change.after.telemetry);
    },
    // A kiosk that starts on a refused file runs the file's own telemetry section when that alone
    // is valid, so that head office sees kiosk_config_valid 0; later refusals keep what runs.
    refuse(problem) {
      if (fromValidConfig || !problem.telemetry) return;
      queued(problem.telemetry).catch((error: unknown) => deps.log.error('telemetry-failed', { message: (error as Error).message }));
    },
    async stop() {
      await queue;
      wanted = null;
      otlpSettings = null;
      await stopEndpoint();
      await pusher?.stop();
      pusher = null;
    },
    prometheusAddress: () => endpoint?.address() ?? null,
    pusher: () => pusher,
  };
}

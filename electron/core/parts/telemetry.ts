/**
 * The ways out for the kiosk's metrics (`telemetry`): the Prometheus endpoint and the OTLP push,
 * each started, restarted or stopped when its own section changes. An endpoint whose port is
 * taken is logged and tried again every 30 s; it never holds up the rest of the kiosk.
 */
import type { KioskConfig } from '../config/config-schema';
import type { Logger } from '../log/logger';
import type { KioskMetrics } from '../metrics/kiosk-metrics';
import { OtlpPusher } from '../metrics/otlp-pusher';
import { startPrometheusEndpoint, type PrometheusEndpoint } from '../metrics/prometheus-endpoint';
import type { KioskPart } from './kiosk-part';

const RETRY_MS = 30_000;

type PrometheusSettings = NonNullable<NonNullable<KioskConfig['telemetry']>['prometheus']>;

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
      deps.log.error('telemetry-prometheus-failed', { message: `cannot listen on ${settings.host}:${settings.port} (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
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

  return {
    name: 'telemetry',
    async apply(change) {
      const telemetry = change.after.telemetry;
      if (change.changed((config) => config.telemetry?.prometheus)) {
        await stopEndpoint();
        wanted = telemetry?.prometheus ?? null;
        if (wanted) await listen(wanted);
      }
      if (change.changed((config) => config.telemetry?.otlp)) {
        await pusher?.stop();
        pusher = null;
        const otlp = telemetry?.otlp;
        if (otlp) {
          pusher = new OtlpPusher({ ...otlp, collect: () => deps.metrics.collect(), log: deps.log });
          pusher.start();
        }
      }
    },
    async stop() {
      wanted = null;
      await stopEndpoint();
      await pusher?.stop();
      pusher = null;
    },
    prometheusAddress: () => endpoint?.address() ?? null,
    pusher: () => pusher,
  };
}

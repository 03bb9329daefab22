/**
 * Pushes the kiosk's metrics to an OTLP/HTTP collector every `intervalSeconds` (telemetry.otlp).
 * A slow or absent collector changes nothing for the customer: a push runs beside everything
 * else, one at a time (a tick that finds the last push still going is skipped, never queued, so
 * memory stays flat however long the collector is away), within its timeout, with the
 * exporter's own retries for 429/502/503/504 inside that time. Failing and recovering are each
 * logged once, not at every push.
 */
import { ExportResultCode } from '@opentelemetry/core';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import type { ResourceMetrics } from '@opentelemetry/sdk-metrics';
import type { Logger } from '../log/logger';

export interface OtlpPushOptions {
  url: string;
  headers: Record<string, string>;
  intervalSeconds: number;
  timeoutMs: number;
  collect(): Promise<ResourceMetrics>;
  log: Logger;
}

export type PushResult = 'sent' | 'failed' | 'skipped';

export class OtlpPusher {
  private readonly exporter: OTLPMetricExporter;
  private timer: ReturnType<typeof setInterval> | null = null;
  private inFlight = false;
  private failures = 0;

  constructor(private readonly options: OtlpPushOptions) {
    this.exporter = new OTLPMetricExporter({ url: options.url, headers: { ...options.headers }, timeoutMillis: options.timeoutMs, concurrencyLimit: 1 });
  }

  start(): void {
    this.timer ??= setInterval(() => void this.push(), this.options.intervalSeconds * 1000);
    this.timer.unref();
  }

  /** One push now (the timer's, or a test's); never throws. */
  async push(): Promise<PushResult> {
    if (this.inFlight) return 'skipped';
    this.inFlight = true;
    try {
      const metrics = await this.options.collect();
      const result = await new Promise<{ code: ExportResultCode; error?: Error }>((resolve) => this.exporter.export(metrics, resolve));
      if (result.code !== ExportResultCode.SUCCESS) throw result.error ?? new Error('the collector did not accept the metrics');
      if (this.failures > 0) this.options.log.info('telemetry-otlp-recovered', { failedPushes: this.failures });
      this.failures = 0;
      return 'sent';
    } catch (error) {
      if (this.failures === 0) this.options.log.warn('telemetry-otlp-failing', { message: (error as Error).message.slice(0, 200) });
      this.failures++;
      return 'failed';
    } finally {
      this.inFlight = false;
    }
  }

  /** In flight right now (at most one). */
  busy(): boolean {
    return this.inFlight;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.exporter.shutdown().catch(() => undefined);
  }
}

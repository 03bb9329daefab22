/** `telemetry`: the metrics a chain's monitoring reads (README, "Watching a fleet"). */
import { z } from 'zod';
import { listenerHost, ListenerTlsSchema } from './listener-schema';
import { httpUrl, ownRecord, text } from './schema-parts';

/** An HTTP header's name (RFC 9110 token). */
const headerName = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/, 'must be an HTTP header name');

export const TelemetrySchema = z.strictObject({
  /** `GET /metrics` in Prometheus' text format, for the agent on the kiosk PC. */
  prometheus: z
    .strictObject({
      /** 127.0.0.1 keeps it on this computer (the agent runs there); a LAN address exposes it. */
      host: listenerHost.default('127.0.0.1'),
      port: z.int().min(1).max(65_535).default(9464),
      /** Certificate and key files: scrapes go over TLS (required for any host but loopback). */
      tls: ListenerTlsSchema.optional(),
      /** The bearer token a scrape must send (16+ characters); or env KIOSK_METRICS_TOKEN. */
      token: text(512).optional(),
    })
    .optional(),
  /** Pushes to an OpenTelemetry collector over OTLP/HTTP. */
  otlp: z
    .strictObject({
      /** The collector's metrics URL, e.g. https://otel.example.com/v1/metrics (http only to this machine). */
      url: httpUrl,
      /** Sent with every push (e.g. an Authorization header); env KIOSK_OTLP_HEADERS adds to and wins over them. */
      headers: ownRecord(headerName, text(4096)).default({}),
      intervalSeconds: z.int().min(1).max(3600).default(60),
      /** One push's deadline, its retries included. */
      timeoutMs: z.int().min(500).max(60_000).default(10_000),
    })
    .optional(),
});

/**
 * `GET /metrics` in Prometheus' text format (telemetry.prometheus), for the agent on the kiosk
 * PC (Grafana Alloy, an OpenTelemetry Collector, Prometheus itself): on 127.0.0.1 unless
 * configured otherwise, and then over TLS (http/listener.ts); only with the bearer token.
 * Nothing else is served.
 */
import { hasBearerToken } from '../http/bearer-token';
import { startListener, type ListenerTls } from '../http/listener';
import type { Logger } from '../log/logger';

export interface PrometheusEndpointOptions {
  host: string;
  port: number;
  /** Certificate and key: scrapes go over TLS (required beyond loopback). */
  tls?: ListenerTls;
  token: string;
  scrape(): Promise<string>;
  log: Logger;
}

export interface PrometheusEndpoint {
  /** host:port it listens on. */
  address(): string;
  close(): Promise<void>;
}

export async function startPrometheusEndpoint(options: PrometheusEndpointOptions): Promise<PrometheusEndpoint> {
  const listener = await startListener('telemetry.prometheus', options, (request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (request.method !== 'GET' || path !== '/metrics') return void response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
    if (!hasBearerToken(request.headers.authorization, options.token)) {
      return void response.writeHead(401, { 'www-authenticate': 'Bearer realm="kiosk metrics"', 'content-type': 'text/plain' }).end('Unauthorized\n');
    }
    options.scrape().then(
      (text) => response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' }).end(text),
      (error: unknown) => {
        options.log.error('telemetry-scrape-failed', { message: (error as Error).message });
        response.writeHead(500, { 'content-type': 'text/plain' }).end('Metrics unavailable\n');
      },
    );
  });
  options.log.info('telemetry-prometheus-listening', { address: listener.address(), scheme: listener.scheme });
  return { address: () => listener.address(), close: () => listener.close() };
}

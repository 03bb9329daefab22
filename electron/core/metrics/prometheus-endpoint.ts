/**
 * `GET /metrics` in Prometheus' text format (telemetry.prometheus), for the agent on the kiosk
 * PC (Grafana Alloy, an OpenTelemetry Collector, Prometheus itself): on 127.0.0.1 unless
 * configured otherwise, and only with the bearer token. Nothing else is served.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { hasBearerToken, isLoopbackHost } from '../http/bearer-token';
import type { Logger } from '../log/logger';

export interface PrometheusEndpointOptions {
  host: string;
  port: number;
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
  const server = http.createServer((request, response) => {
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
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { address, port } = server.address() as AddressInfo;
  const where = `${address.includes(':') ? `[${address}]` : address}:${port}`;
  options.log.info('telemetry-prometheus-listening', { address: where });
  if (!isLoopbackHost(options.host)) options.log.warn('telemetry-prometheus-not-loopback', { message: `metrics are served on ${options.host}: any computer that reaches it may try the token, over plain HTTP` });
  return {
    address: () => where,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

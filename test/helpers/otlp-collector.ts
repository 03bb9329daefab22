/**
 * A loopback OTLP/HTTP collector for tests: records each push (JSON, as the kiosk's exporter
 * sends it) and answers 200, 503 or never, as the test says.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type CollectorMode = 'ok' | 'unavailable' | 'hang';

export interface FakeCollector {
  url: string;
  /** The metric names of each push received (OTLP's names: no `_total`). */
  pushes: string[][];
  /** The resource attributes of each push received (string values). */
  resources: Array<Record<string, string>>;
  /** Requests received, answered or not. */
  requests(): number;
  /** The headers of the first ten requests. */
  headers: http.IncomingHttpHeaders[];
  setMode(mode: CollectorMode): void;
  close(): Promise<void>;
}

interface OtlpJson {
  resourceMetrics?: Array<{
    resource?: { attributes?: Array<{ key: string; value: { stringValue?: string } }> };
    scopeMetrics?: Array<{ metrics?: Array<{ name: string }> }>;
  }>;
}

export async function startFakeCollector(mode: CollectorMode = 'ok'): Promise<FakeCollector> {
  let current = mode;
  let received = 0;
  const pushes: string[][] = [];
  const resources: Array<Record<string, string>> = [];
  const headers: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((request, response) => {
    received++;
    // Only the first few: the memory test shares this process and must measure the kiosk alone.
    if (headers.length < 10) headers.push(request.headers);
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (current === 'hang') return; // never answers; the kiosk's timeout must end it
      if (current === 'unavailable') return void response.writeHead(503).end();
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpJson;
      const attributes = body.resourceMetrics?.[0]?.resource?.attributes ?? [];
      resources.push(Object.fromEntries(attributes.map(({ key, value }) => [key, value.stringValue ?? ''])));
      pushes.push((body.resourceMetrics ?? []).flatMap((resource) => (resource.scopeMetrics ?? []).flatMap((scope) => (scope.metrics ?? []).map((metric) => metric.name))));
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/metrics`,
    pushes,
    resources,
    headers,
    requests: () => received,
    setMode: (next) => {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

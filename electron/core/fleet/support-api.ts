/**
 * The support API (`fleet.api`), the kiosk's most powerful door, built as one: off unless
 * configured, on 127.0.0.1 unless configured otherwise and then only over TLS
 * (http/listener.ts), a bearer token of 32+ characters compared in constant time, a few calls a
 * second at most (before the token is even looked at), small bodies, every call logged with its
 * route, result and caller (never a customer's data, never the query):
 *   GET  /v1/status                   what staff health shows, without any customer data
 *   GET  /v1/logs?since=ISO&limit=N   the redacted log lines as JSON lines, newest last
 *   GET  /v1/screenshot               a PNG of the customer screen while it shows no customer
 *   POST /v1/restart                  a restart as soon as the kiosk is idle (202, with when)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hasBearerToken } from '../http/bearer-token';
import { startListener, type Listener, type ListenerSettings } from '../http/listener';
import { TokenBucket } from '../http/rate-limit';
import type { Logger } from '../log/logger';
import type { RestartPlan } from '../maintenance/idle-restart';
import type { LogLines, LogQuery } from './log-lines';

export type ScreenshotResult = { ok: true; png: Buffer } | { ok: false; status: 409 | 501 | 503; error: string; message: string; screen?: string };

export interface SupportApiDeps {
  log: Logger;
  status(): unknown;
  /** null: this kiosk writes no log file. */
  logs(query: LogQuery): Promise<LogLines | null>;
  screenshot(): Promise<ScreenshotResult>;
  restart(): RestartPlan;
}

export interface SupportApi {
  address(): string;
  scheme: 'https' | 'http';
  close(): Promise<void>;
}

/** "A few calls a second": 3 a second on average, 6 at once. */
const PER_SECOND = 3;
const BURST = 6;
/** No route takes a body: anything over this is refused unread. */
const MAX_BODY_BYTES = 1024;
const LOG_LIMIT = { default: 200, max: 1000, maxBytes: 1024 * 1024 };
const ROUTES = new Map([
  ['/v1/status', 'GET'],
  ['/v1/logs', 'GET'],
  ['/v1/screenshot', 'GET'],
  ['/v1/restart', 'POST'],
]);

export async function startSupportApi(settings: ListenerSettings & { token: string }, deps: SupportApiDeps): Promise<SupportApi> {
  const bucket = new TokenBucket(PER_SECOND, BURST);
  const limited = limitedCallsLog(deps.log);
  const listener: Listener = await startListener('fleet.api', settings, (request, response) => {
    const started = performance.now();
    const path = (request.url ?? '').split('?')[0] ?? '';
    const route = ROUTES.has(path) ? path : '(unknown)';
    const address = request.socket.remoteAddress ?? 'unknown';
    response.on('finish', () => {
      if (response.statusCode !== 429) deps.log.info('fleet-api', { method: request.method, route, status: response.statusCode, address, ms: Math.round(performance.now() - started) });
    });
    response.setHeader('cache-control', 'no-store');
    response.setHeader('x-content-type-options', 'nosniff');
    if (!bucket.take()) {
      limited(address);
      return void json(response.setHeader('retry-after', '1'), 429, { error: 'rate-limited', message: `at most ${PER_SECOND} calls a second` });
    }
    if (!hasBearerToken(request.headers.authorization, settings.token)) {
      return void json(response.setHeader('www-authenticate', 'Bearer realm="kiosk support"'), 401, { error: 'unauthorized', message: 'a valid bearer token is required' });
    }
    const method = ROUTES.get(path);
    if (!method) return void json(response, 404, { error: 'not-found' });
    if (request.method !== method) return void json(response.setHeader('allow', method), 405, { error: 'method-not-allowed', message: `${method} only` });
    void readSmallBody(request).then(
      () => handle(path, request, response, deps),
      () => json(response.setHeader('connection', 'close'), 413, { error: 'body-too-large', message: `at most ${MAX_BODY_BYTES} bytes` }),
    ).catch((error: unknown) => {
      deps.log.error('fleet-api-failed', { route, message: (error as Error).message });
      if (!response.headersSent) json(response, 500, { error: 'internal', message: 'the kiosk could not answer; see its log' });
    });
  });
  deps.log.info('fleet-api-listening', { address: listener.address(), scheme: listener.scheme });
  return { address: () => listener.address(), scheme: listener.scheme, close: () => listener.close() };
}

async function handle(path: string, request: IncomingMessage, response: ServerResponse, deps: SupportApiDeps): Promise<void> {
  switch (path) {
    case '/v1/status':
      return json(response, 200, deps.status());
    case '/v1/logs': {
      const query = logQuery(new URL(request.url ?? '', 'http://kiosk').searchParams);
      if ('error' in query) return json(response, 400, { error: 'bad-request', message: query.error });
      const found = await deps.logs(query);
      if (!found) return json(response, 404, { error: 'no-log-file', message: 'this kiosk writes no log file' });
      response.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'x-kiosk-log-truncated': String(found.truncated) });
      return void response.end(found.lines.length ? `${found.lines.join('\n')}\n` : '');
    }
    case '/v1/screenshot': {
      const shot = await deps.screenshot();
      if (!shot.ok) return json(response, shot.status, { error: shot.error, message: shot.message, ...(shot.screen ? { screen: shot.screen } : {}) });
      response.writeHead(200, { 'content-type': 'image/png', 'content-length': shot.png.length });
      return void response.end(shot.png);
    }
    default:
      return json(response, 202, { restart: deps.restart() });
  }
}

function logQuery(params: URLSearchParams): LogQuery | { error: string } {
  const sinceText = params.get('since');
  const limitText = params.get('limit');
  const since = sinceText === null ? null : /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(sinceText) ? Date.parse(sinceText) : NaN;
  if (Number.isNaN(since)) return { error: 'since: must be an ISO 8601 date or time, e.g. 2026-11-30T12:00:00Z' };
  const limit = limitText === null ? LOG_LIMIT.default : /^\d{1,4}$/.test(limitText) ? Number(limitText) : NaN;
  if (!(limit >= 1 && limit <= LOG_LIMIT.max)) return { error: `limit: must be a whole number from 1 to ${LOG_LIMIT.max}` };
  return { since, limit, maxBytes: LOG_LIMIT.maxBytes };
}

/** Resolves once the body (if any) is read; rejects beyond MAX_BODY_BYTES, unread. */
function readSmallBody(request: IncomingMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return reject(new Error('too large'));
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        request.pause();
        reject(new Error('too large'));
      }
    });
    request.on('end', () => resolve());
    request.on('error', reject);
  });
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(`${JSON.stringify(body)}\n`);
}

/** Refused calls are logged once a second at most, with how many: a flood must not push the real lines out of the log. */
function limitedCallsLog(log: Logger): (address: string) => void {
  let count = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  return (address) => {
    count += 1;
    if (timer) return;
    timer = setTimeout(() => {
      log.warn('fleet-api', { route: '(rate-limited)', status: 429, address, calls: count, message: `${count} call(s) refused: more than ${PER_SECOND} a second` });
      count = 0;
      timer = null;
    }, 1000);
    timer.unref?.();
  };
}

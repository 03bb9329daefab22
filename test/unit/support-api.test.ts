/**
 * The support API's door (fleet/support-api.ts): the token (missing, wrong, right), a few calls
 * a second, capped bodies, routes and methods, every call logged with route, result and caller
 * and never the query; the logs as JSON lines from the kiosk's own log files; TLS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readLogLines } from '../../electron/core/fleet/log-lines';
import { startSupportApi, type SupportApi, type SupportApiDeps } from '../../electron/core/fleet/support-api';
import { createLogger } from '../../electron/core/log/logger';
import { httpsRequest } from '../helpers/https-client';
import { makeTestCertificates } from '../helpers/tls-certificates';

const TOKEN = 'support-token-0123456789abcdef0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };
let api: SupportApi | null = null;
let logged: Array<Record<string, unknown>>;
let restarts: number;

beforeEach(() => {
  logged = [];
  restarts = 0;
});
afterEach(async () => {
  await api?.close();
  api = null;
});

const log = {
  info: (event: string, fields: Record<string, unknown> = {}) => void logged.push({ event, ...fields }),
  warn: (event: string, fields: Record<string, unknown> = {}) => void logged.push({ event, level: 'warn', ...fields }),
  error: (event: string, fields: Record<string, unknown> = {}) => void logged.push({ event, level: 'error', ...fields }),
};

function deps(overrides: Partial<Omit<SupportApiDeps, 'log'>> = {}): SupportApiDeps {
  return {
    log,
    status: () => ({ screen: 'ready', version: '1.2.3' }),
    logs: async () => ({ lines: ['{"time":"2026-11-30T12:00:00.000Z","level":"info","event":"a"}'], truncated: false }),
    screenshot: async () => ({ ok: true, png: Buffer.from([0x89, 0x50, 0x4e, 0x47]) }),
    restart: () => {
      restarts += 1;
      return { reason: 'fleet-api', requestedAt: '2026-11-30T12:00:00.000Z', notBefore: '2026-11-30T12:00:00.000Z', waitingFor: 'customer' };
    },
    ...overrides,
  };
}

async function start(overrides: Partial<Omit<SupportApiDeps, 'log'>> = {}): Promise<string> {
  api = await startSupportApi({ host: '127.0.0.1', port: 0, token: TOKEN }, deps(overrides));
  return `http://${api.address()}`;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The heap in use after a full garbage collection. */
function liveHeap(): number {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}

describe('the support API', () => {
  it('refuses a missing or wrong token with 401, whatever the route; the right one (constant-time) gets through', async () => {
    const base = await start();
    for (const headers of [{} as Record<string, string>, { authorization: 'Bearer wrong' }, { authorization: `Bearer ${TOKEN.slice(0, -1)}` }, { authorization: TOKEN }, { authorization: `Basic ${TOKEN}` }]) {
      const response = await fetch(`${base}/v1/status`, { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="kiosk support"');
      await pause(350); // below the rate limit
    }
    expect((await fetch(`${base}/v1/restart`, { method: 'POST' })).status).toBe(401);
    expect(restarts).toBe(0);
    const ok = await fetch(`${base}/v1/status`, { headers: auth });
    expect([ok.status, await ok.json(), ok.headers.get('cache-control')]).toEqual([200, { screen: 'ready', version: '1.2.3' }, 'no-store']);
  });

  it('routes: 404 elsewhere, 405 with Allow for another method; restart is a POST answering 202 with when', async () => {
    const base = await start();
    expect((await fetch(`${base}/v1/nothing`, { headers: auth })).status).toBe(404);
    await pause(400);
    const wrong = await fetch(`${base}/v1/restart`, { headers: auth });
    expect([wrong.status, wrong.headers.get('allow')]).toEqual([405, 'POST']);
    await pause(400);
    const restart = await fetch(`${base}/v1/restart`, { method: 'POST', headers: auth });
    expect([restart.status, await restart.json()]).toEqual([202, { restart: { reason: 'fleet-api', requestedAt: '2026-11-30T12:00:00.000Z', notBefore: '2026-11-30T12:00:00.000Z', waitingFor: 'customer' } }]);
    await pause(400);
    const shot = await fetch(`${base}/v1/screenshot`, { headers: auth });
    expect([shot.status, shot.headers.get('content-type'), Buffer.from(await shot.arrayBuffer()).subarray(1, 4).toString()]).toEqual([200, 'image/png', 'PNG']);
  });

  it('a few calls a second at most, before the token is looked at: 429 with Retry-After; the flood is logged once a second, not line by line', async () => {
    const base = await start();
    const statuses = await Promise.all(Array.from({ length: 20 }, () => fetch(`${base}/v1/status`, { headers: { authorization: 'Bearer guess' } }).then((response) => response.status)));
    const refused = statuses.filter((status) => status === 429).length;
    // Six at once, and one more for each third of a second the twenty took to arrive.
    expect(refused).toBeGreaterThanOrEqual(11);
    expect(statuses.filter((status) => status === 401)).toHaveLength(20 - refused);
    await pause(1200);
    expect(logged.filter((line) => line.status === 429)).toEqual([expect.objectContaining({ event: 'fleet-api', route: '(rate-limited)', calls: refused, address: '127.0.0.1' })]);
    expect(logged.filter((line) => line.status === 401)).toHaveLength(20 - refused);
    expect((await fetch(`${base}/v1/status`, { headers: auth })).status).toBe(200); // tokens come back
  });

  it('bodies are capped: over 1 KiB is refused with 413, unread', async () => {
    const base = await start();
    const response = await fetch(`${base}/v1/restart`, { method: 'POST', headers: auth, body: 'x'.repeat(4096) });
    expect(response.status).toBe(413);
    expect(restarts).toBe(0);
    await pause(400);
    expect((await fetch(`${base}/v1/restart`, { method: 'POST', headers: auth, body: '{}' })).status).toBe(202);
  });

  it('logs every call with its route, result and caller, never the query or the token', async () => {
    const base = await start();
    await fetch(`${base}/v1/logs?since=2026-11-30T12:00:00Z&limit=5&secret=4712345678`, { headers: auth });
    await pause(400);
    await fetch(`${base}/v1/../etc/passwd`, { headers: auth });
    await pause(400);
    const calls = logged.filter((line) => line.event === 'fleet-api');
    expect(calls.map(({ method, route, status, address }) => ({ method, route, status, address }))).toEqual([
      { method: 'GET', route: '/v1/logs', status: 200, address: '127.0.0.1' },
      { method: 'GET', route: '(unknown)', status: 404, address: '127.0.0.1' },
    ]);
    expect(JSON.stringify(logged)).not.toMatch(/4712345678|since=|support-token/);
  });

  it('logs: since and limit are checked (400), lines go out as JSON lines; a kiosk without a log file says so', async () => {
    const queries: unknown[] = [];
    const base = await start({ logs: async (query) => (queries.push(query), { lines: ['{"a":1}', '{"b":2}'], truncated: true }) });
    const bad = await fetch(`${base}/v1/logs?since=yesterday`, { headers: auth });
    expect([bad.status, (await bad.json()) as unknown]).toEqual([400, { error: 'bad-request', message: expect.stringContaining('since') }]);
    await pause(400);
    expect((await fetch(`${base}/v1/logs?limit=5000`, { headers: auth })).status).toBe(400);
    await pause(400);
    const good = await fetch(`${base}/v1/logs?since=2026-11-30T12:00:00Z&limit=2`, { headers: auth });
    expect([good.status, good.headers.get('content-type'), good.headers.get('x-kiosk-log-truncated'), await good.text()]).toEqual([200, 'application/x-ndjson; charset=utf-8', 'true', '{"a":1}\n{"b":2}\n']);
    expect(queries).toEqual([{ since: Date.parse('2026-11-30T12:00:00Z'), limit: 2, maxBytes: 1024 * 1024 }]);
    await api?.close();
    const none = await start({ logs: async () => null });
    expect((await fetch(`${none}/v1/logs`, { headers: auth })).status).toBe(404);
  });

  it('runs for months: 1,500 calls (most refused by the limit) after 1,500 more grow no memory and leave no socket once closed', { timeout: 60_000 }, async () => {
    const base = await start();
    const call = () => fetch(`${base}/v1/status`, { headers: auth }).then((response) => response.arrayBuffer());
    for (let index = 0; index < 100; index += 1) await call(); // warm up
    // The first 1,500 calls settle what is made once (fetch's own pool, the limiter's buckets, JIT
    // code); a leak grows with every call, so it shows in the next 1,500 as well.
    for (let round = 0; round < 30; round += 1) await Promise.all(Array.from({ length: 50 }, call));
    const before = liveHeap();
    for (let round = 0; round < 30; round += 1) await Promise.all(Array.from({ length: 50 }, call));
    const grownMb = (liveHeap() - before) / 1024 / 1024;
    expect(grownMb).toBeLessThan(2);
    const sockets = () => process.getActiveResourcesInfo().filter((kind) => kind === 'TCPSocketWrap' || kind === 'TCPServerWrap').length;
    await api?.close();
    api = null;
    await pause(200);
    expect(sockets()).toBe(0);
  });

  it('speaks TLS when given a certificate (required beyond loopback)', async () => {
    const certificates = makeTestCertificates();
    try {
      api = await startSupportApi({ host: '127.0.0.1', port: 0, token: TOKEN, tls: { cert: certificates.certFile, key: certificates.keyFile } }, deps());
      expect(api.scheme).toBe('https');
      const answer = await httpsRequest(`https://${api.address()}/v1/status`, { ca: certificates.ca, headers: auth });
      expect(answer.status).toBe(200);
      expect(logged.find((line) => line.event === 'fleet-api-listening')).toMatchObject({ scheme: 'https' });
    } finally {
      certificates.remove();
    }
  });
});

describe('the log lines it sends', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-log-lines-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('come from the log file and the rotated ones, newest last, at or after since, bounded; redacted again with today\'s secrets', async () => {
    const logger = createLogger({ dir: path.join(dir, 'logs'), write: () => undefined, maxFileBytes: 600 });
    const secret = 'late-learned-secret-value';
    for (let index = 0; index < 30; index += 1) logger.info('tick', { index, note: index === 28 ? `said ${secret}` : 'plain' });
    await pause(200);
    const all = await readLogLines(logger.file!, { since: null, limit: 1000, maxBytes: 1 << 20 }, (fields) => fields);
    expect(all.lines.length).toBeGreaterThan(10); // several rotated files read
    const indexes = all.lines.map((line) => (JSON.parse(line) as { index: number }).index);
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    expect(indexes.at(-1)).toBe(29);
    const tail = await readLogLines(logger.file!, { since: null, limit: 5, maxBytes: 1 << 20 }, (fields) => fields);
    expect([tail.lines.map((line) => (JSON.parse(line) as { index: number }).index), tail.truncated]).toEqual([[25, 26, 27, 28, 29], true]);
    const since = JSON.parse(all.lines.at(-3)!) as { time: string };
    const recent = await readLogLines(logger.file!, { since: Date.parse(since.time), limit: 100, maxBytes: 1 << 20 }, (fields) => fields);
    expect(recent.lines.length).toBeGreaterThanOrEqual(3);
    expect(recent.truncated).toBe(false);
    logger.setSecrets([secret]);
    const redacted = await readLogLines(logger.file!, { since: null, limit: 1000, maxBytes: 1 << 20 }, (fields) => logger.redact(fields));
    expect(all.lines.find((line) => line.includes('"index":28'))).toContain(`said ${secret}`); // as written then
    expect(redacted.lines.find((line) => line.includes('"index":28'))).toContain('said [redacted]');
    expect(redacted.lines.join('\n')).not.toContain(secret);
  });
});

/**
 * The kiosk's metrics: what each scan and call adds, the Prometheus endpoint's door (token,
 * path, address), and the OTLP push, which never holds up anything or grows when the
 * collector answers 503 or not at all.
 */
import os from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../electron/core/log/logger';
import { KioskMetrics, type MetricSources } from '../../electron/core/metrics/kiosk-metrics';
import { OtlpPusher } from '../../electron/core/metrics/otlp-pusher';
import { startPrometheusEndpoint, type PrometheusEndpoint } from '../../electron/core/metrics/prometheus-endpoint';
import { startFakeCollector, type FakeCollector } from '../helpers/otlp-collector';

const quiet: Logger = { info() {}, warn() {}, error() {} };
const TOKEN = 'metrics-token-0123456789';
const sources: MetricSources = {
  kiosk: () => ({ storeId: '212', terminalId: 'k1', configValid: true }),
  scannersUp: () => ({ keyboard: true, camera: false }),
  handoff: () => ({ pending: 2, oldestPendingSeconds: 30, delivered: 5, rejected: 1, expired: 0, dropped: 0 }),
};

let endpoint: PrometheusEndpoint | null = null;
let collector: FakeCollector | null = null;
let pusher: OtlpPusher | null = null;
afterEach(async () => {
  await endpoint?.close();
  await pusher?.stop();
  await collector?.close();
  endpoint = null;
  pusher = null;
  collector = null;
});

/** The series of a scrape: name{labels} → value. */
function series(text: string): Map<string, number> {
  return new Map(
    text
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => {
        const at = line.lastIndexOf(' ');
        return [line.slice(0, at), Number(line.slice(at + 1))] as const;
      }),
  );
}

describe('KioskMetrics', () => {
  it('counts each scan by scanner and the screen it led to, and back-end errors by kind', async () => {
    const metrics = new KioskMetrics({ name: 'Counter Loyalty Kiosk', version: '1.2.3' }, sources);
    metrics.session({ scanner: 'keyboard', type: 'identified', scanKind: 'otp', outcome: 'member', ms: 120 });
    metrics.session({ scanner: 'camera', type: 'identified', scanKind: 'otp', outcome: 'notFound', ms: 80 });
    metrics.session({ scanner: 'serial', type: 'identified', scanKind: 'vippsPhone', outcome: 'notFound', ms: 90 });
    metrics.session({ scanner: 'keyboard', type: 'deadline', scanKind: 'otp', ms: 6000 });
    metrics.session({ scanner: 'keyboard', type: 'identified', scanKind: 'otp', outcome: 'serviceProblem', problem: 'unreachable', ms: 10 });
    metrics.session({ scanner: 'keyboard', type: 'identified', scanKind: 'otp', outcome: 'credentialsRefused', ms: 10 });
    metrics.session({ scanner: 'camera', type: 'rejected', reason: 'unknownFormat' });
    metrics.session({ scanner: 'keyboard', type: 'unavailable' });
    metrics.scan('keyboard', 'voided');
    metrics.scan('serial', 'ignored');
    metrics.decodeTimes([0.004, 0.006]);
    metrics.checkIn('sent');
    metrics.checkIn('skipped');
    const scraped = series(await metrics.scrape());
    expect(Object.fromEntries([...scraped].filter(([name]) => name.startsWith('kiosk_scans_total')))).toEqual({
      'kiosk_scans_total{scanner="keyboard",outcome="member"}': 1,
      'kiosk_scans_total{scanner="camera",outcome="codeProblem"}': 1,
      'kiosk_scans_total{scanner="serial",outcome="notMember"}': 1,
      'kiosk_scans_total{scanner="keyboard",outcome="serviceProblem"}': 2,
      'kiosk_scans_total{scanner="keyboard",outcome="needsStaff"}': 2,
      'kiosk_scans_total{scanner="camera",outcome="rejected"}': 1,
      'kiosk_scans_total{scanner="keyboard",outcome="voided"}': 1,
      'kiosk_scans_total{scanner="serial",outcome="ignored"}': 1,
    });
    expect(scraped.get('kiosk_backend_errors_total{kind="timeout"}')).toBe(1);
    expect(scraped.get('kiosk_backend_errors_total{kind="network"}')).toBe(1);
    expect(scraped.get('kiosk_backend_errors_total{kind="credentials"}')).toBe(1);
    expect(scraped.get('kiosk_identify_duration_seconds_count')).toBe(6);
    expect(scraped.get('kiosk_camera_decode_seconds_count')).toBe(2);
    expect(scraped.get('kiosk_vipps_check_ins_total{result="sent"}')).toBe(1);
    expect(scraped.get('kiosk_vipps_check_ins_total{result="skipped"}')).toBe(1);
    expect(scraped.get('kiosk_info{version="1.2.3",store_id="212",terminal_id="k1"}')).toBe(1);
    expect(scraped.get('kiosk_config_valid')).toBe(1);
    expect(scraped.get('kiosk_scanner_up{scanner="camera"}')).toBe(0);
    expect(scraped.get('kiosk_handoff_oldest_pending_seconds')).toBe(30);
    expect(scraped.get('kiosk_handoff_total{result="delivered"}')).toBe(5);
    expect(scraped.get('kiosk_ui_crashes_total')).toBe(0);
    expect([...scraped.keys()].some((name) => name.startsWith('kiosk_update_state'))).toBe(false); // Electron's only
    expect([...scraped.keys()].some((name) => name.startsWith('kiosk_update_release_time_seconds'))).toBe(false);
    metrics.setUpdateState('pending');
    metrics.setPendingRelease(new Date('2026-11-24T09:30:00.000Z'));
    const updating = series(await metrics.scrape());
    expect(updating.get('kiosk_update_state{state="pending"}')).toBe(1);
    expect(updating.get('kiosk_update_release_time_seconds')).toBe(Date.parse('2026-11-24T09:30:00.000Z') / 1000);
    await metrics.shutdown();
  });
});

describe('the Prometheus endpoint', () => {
  const metrics = new KioskMetrics({ name: 'Counter Loyalty Kiosk', version: '1.2.3' }, sources);
  const start = async () => (endpoint = await startPrometheusEndpoint({ host: '127.0.0.1', port: 0, token: TOKEN, scrape: () => metrics.scrape(), log: quiet }));

  it('answers 401 without the token or with a wrong one, 200 with it (any case of "Bearer"), 404 elsewhere', async () => {
    const url = `http://${(await start()).address()}`;
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    expect((await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
    expect((await fetch(`${url}/metrics`, { headers: { authorization: `Basic ${TOKEN}` } })).status).toBe(401);
    const ok = await fetch(`${url}/metrics`, { headers: { authorization: `bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    expect(await ok.text()).toContain('kiosk_info{version="1.2.3",store_id="212",terminal_id="k1"} 1');
    expect((await fetch(`${url}/`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    expect((await fetch(`${url}/metrics`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
  });

  it('listens on loopback as configured, and refuses to serve plain HTTP anywhere else (TLS: test/unit/listeners-tls.test.ts)', async () => {
    expect((await start()).address()).toMatch(/^127\.0\.0\.1:\d+$/);
    await endpoint?.close();
    endpoint = null;
    const elsewhere = startPrometheusEndpoint({ host: '0.0.0.0', port: 0, token: TOKEN, scrape: () => metrics.scrape(), log: quiet });
    await expect(elsewhere).rejects.toThrow(/^telemetry\.prometheus\.tls: is required for a host other than loopback/);
  });
});

/** The heap in use after a full garbage collection. */
function liveHeap(): number {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}

describe('the OTLP push', () => {
  const metrics = new KioskMetrics({ name: 'Counter Loyalty Kiosk', version: '1.2.3' }, sources, Date.now(), 'kiosk-pc-212-3');
  const push = (options: { url: string; timeoutMs?: number; log?: Logger }) =>
    (pusher = new OtlpPusher({ url: options.url, headers: { Authorization: 'Bearer otlp-secret' }, intervalSeconds: 60, timeoutMs: options.timeoutMs ?? 2000, collect: () => metrics.collect(), log: options.log ?? quiet }));

  it('sends the same metrics the Prometheus endpoint serves, with the configured headers', async () => {
    collector = await startFakeCollector('ok');
    metrics.scan('keyboard', 'member');
    expect(await push({ url: collector.url }).push()).toBe('sent');
    const scrapedNames = new Set([...series(await metrics.scrape()).keys()].map((name) => name.replace(/\{.*$/, '').replace(/_(total|count|sum|bucket)$/, '')));
    expect(new Set(collector.pushes[0])).toEqual(scrapedNames);
    expect(collector.headers[0]?.authorization).toBe('Bearer otlp-secret');
    // Which kiosk PC it is (Prometheus' OTLP receiver makes it the `instance` label), so that a
    // fleet's pushes are a series per kiosk, not one series all kiosks overwrite.
    expect(collector.resources[0]).toMatchObject({ 'service.name': 'counter-loyalty-kiosk', 'service.version': '1.2.3', 'service.instance.id': 'kiosk-pc-212-3' });
  });

  it('names the kiosk PC by its host name unless told otherwise', async () => {
    collector = await startFakeCollector('ok');
    const own = new KioskMetrics({ name: 'Counter Loyalty Kiosk', version: '1.2.3' }, sources);
    pusher = new OtlpPusher({ url: collector.url, headers: {}, intervalSeconds: 60, timeoutMs: 2000, collect: () => own.collect(), log: quiet });
    expect(await pusher.push()).toBe('sent');
    expect(collector.resources[0]?.['service.instance.id']).toBe(os.hostname());
    await own.shutdown();
  });

  it('1,000 pushes a collector refuses (503): each one fails alone, one log line, memory stays flat', async () => {
    collector = await startFakeCollector('unavailable');
    const warnings: string[] = [];
    const pushes = push({ url: collector.url, timeoutMs: 200, log: { ...quiet, warn: (event) => void warnings.push(event) } });
    for (let i = 0; i < 500; i++) await pushes.push(); // warm up (V8's and the exporter's caches) before measuring
    const before = liveHeap();
    for (let i = 0; i < 1000; i++) expect(await pushes.push()).toBe('failed');
    // Live objects only (after a full collection): 1 MB is 1 kB kept per failed push.
    const grownMb = (liveHeap() - before) / 1024 / 1024;
    expect(grownMb).toBeLessThan(1);
    expect(warnings).toEqual(['telemetry-otlp-failing']);
    collector.setMode('ok');
    expect(await pushes.push()).toBe('sent');
  }, 60_000);

  it('a collector that never answers: the push ends at its timeout, and pushes meanwhile are skipped, not queued', async () => {
    collector = await startFakeCollector('hang');
    const pushes = push({ url: collector.url, timeoutMs: 500 });
    const first = pushes.push();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await Promise.all([pushes.push(), pushes.push(), pushes.push()])).toEqual(['skipped', 'skipped', 'skipped']);
    expect(pushes.busy()).toBe(true);
    expect(await first).toBe('failed');
    expect(collector.requests()).toBe(1);
  });
});

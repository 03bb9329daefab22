/**
 * A fleet's monitoring against the real thing: Debian's Prometheus scrapes the web shell's
 * metrics endpoint while a customer scans (a member, a stale code, a back end that never
 * answers), and its query API shows what happened; the scrape holds no code, name or number;
 * an OTLP collector that hangs or answers 503 changes nothing the customer sees, and one that
 * works receives the same metrics; a Prometheus trusting the store's certificate scrapes over TLS.
 */
import type { Page } from '@playwright/test';
import { closedPort, MEMBER_ANSWER, startFakeIdentify, type FakeIdentifyServer } from '../helpers/fake-identify-server';
import { expect, test } from '../helpers/fixtures';
import { startFakeCollector, type FakeCollector } from '../helpers/otlp-collector';
import { startPrometheus, type PrometheusServer } from '../helpers/prometheus';
import { makeTestCertificates, type TestCertificates } from '../helpers/tls-certificates';
import type { WebShell } from '../helpers/web-shell';
import { wedgeScan } from '../helpers/wedge';

const TOKEN = 'scrape-token-0123456789abcdef';
const MEMBER_CODE = '123456';
const STALE_CODE = '000000';
const SILENT_CODE = '555555';
/** A Vipps personal QR code (phone form): the number must never become a label. */
const PHONE_CODE = 'https://qr.vipps.no/28/2/01/031/4712345678?v=1';

let backEnd: FakeIdentifyServer;
/** The kiosk of the running test, so that a failure can show what it logged. */
let shown: WebShell | null = null;
let metricsPort = 0;
let prometheus: PrometheusServer | null = null;
let collector: FakeCollector | null = null;

test.beforeEach(async () => {
  backEnd = await startFakeIdentify((identifier) =>
    identifier === MEMBER_CODE ? { status: 200, json: MEMBER_ANSWER } : identifier === SILENT_CODE ? { hang: true } : { status: 404, json: { error: { code: 'UserNotFound' } } },
  );
  metricsPort = await closedPort();
  collector = await startFakeCollector('hang');
});
// eslint-disable-next-line no-empty-pattern
test.afterEach(async ({}, testInfo) => {
  if (shown && testInfo.status !== testInfo.expectedStatus) {
    await testInfo.attach('kiosk log', { body: shown.output(), contentType: 'text/plain' });
    if (prometheus) await testInfo.attach('prometheus log', { body: prometheus.output(), contentType: 'text/plain' });
  }
  shown = null;
  await prometheus?.stop();
  prometheus = null;
  await collector?.close();
  collector = null;
  await backEnd.close();
});

test.use({
  // A fixture, because the back end's and the collector's addresses are known only once they
  // started; Playwright reads a fixture's dependencies from this destructuring: it stays empty.
  // eslint-disable-next-line no-empty-pattern
  kioskConfig: async ({}, use: (config: unknown) => Promise<void>) =>
    use({
      storeId: '212',
      terminalId: 'counter-2',
      idleResetSeconds: 30,
      identify: { baseUrl: backEnd.baseUrl, token: 'test-token-123', timeoutMs: 4000 },
      // Phone-form codes read locally (with no Vipps the default refuses them): the number reaches the back end, never a label.
      personalQr: { phoneForm: 'local' },
      telemetry: {
        prometheus: { port: metricsPort, token: TOKEN },
        otlp: { url: collector?.url ?? '', intervalSeconds: 1, timeoutMs: 1500 },
      },
    }),
});

async function scanTo(page: Page, code: string, screen: string): Promise<void> {
  await wedgeScan(page, code);
  await expect(page.locator(`[data-screen="${screen}"]`)).toBeVisible({ timeout: 15_000 });
  // The main button: Done, Try again after a problem, or Joined? Scan again.
  await page.getByRole('button', { name: /^(Done|Try again|Joined\? Scan again)$/ }).click();
  await expect(page.locator('[data-screen="ready"]')).toBeVisible();
}

async function customerScans(page: Page, kiosk: WebShell): Promise<void> {
  shown = kiosk;
  await page.goto(kiosk.url);
  await expect(page.locator('[data-screen="ready"]')).toBeVisible();
  await scanTo(page, MEMBER_CODE, 'member');
  await scanTo(page, STALE_CODE, 'codeProblem');
  await scanTo(page, SILENT_CODE, 'serviceProblem'); // the back end never answers: the deadline
}

test('a real Prometheus scrapes the kiosk: scans by outcome, the identify histogram and the back-end timeout', async ({ page, kiosk }) => {
  prometheus = await startPrometheus({ target: `127.0.0.1:${metricsPort}`, token: TOKEN });
  await customerScans(page, kiosk);
  await expect
    .poll(async () => (await prometheus!.query('kiosk_scans_total')).map(({ metric, value }) => `${metric.scanner} ${metric.outcome} ${value}`).sort(), { timeout: 15_000 })
    .toEqual(['keyboard codeProblem 1', 'keyboard member 1', 'keyboard serviceProblem 1']);
  const [count] = await prometheus.query('kiosk_identify_duration_seconds_count');
  expect(count?.value).toBe(3);
  expect((await prometheus.query('sum(kiosk_identify_duration_seconds_bucket{le="+Inf"})'))[0]?.value).toBe(3);
  expect((await prometheus.query('kiosk_backend_errors_total')).map(({ metric, value }) => [metric.kind, value])).toEqual([['timeout', 1]]);
  expect((await prometheus.query('up{job="kiosk"}'))[0]?.value).toBe(1);
  expect((await prometheus.query('kiosk_info'))[0]?.metric).toMatchObject({ store_id: '212', terminal_id: 'counter-2', instance: 'kiosk-pc-1' });
  // The alerts' join of a kiosk's series with its store and terminal works on what was scraped.
  expect((await prometheus.query('kiosk_config_valid * on (instance, job) group_left (store_id, terminal_id) kiosk_info'))[0]?.metric).toMatchObject({ instance: 'kiosk-pc-1', store_id: '212', terminal_id: 'counter-2' });
  expect(kiosk.output()).toMatch(new RegExp(`"event":"telemetry-prometheus-listening","address":"127\\.0\\.0\\.1:${metricsPort}"`));
});

test('the endpoint wants its token, and no label of a scrape holds a code, a name or a number', async ({ page, kiosk }) => {
  const url = `http://127.0.0.1:${metricsPort}/metrics`;
  await page.goto(kiosk.url); // the endpoint is up once the kiosk serves
  expect((await fetch(url)).status).toBe(401);
  expect((await fetch(url, { headers: { authorization: 'Bearer not-the-token-000000' } })).status).toBe(401);
  await customerScans(page, kiosk);
  await scanTo(page, PHONE_CODE, 'notMember'); // the back end knows no member with that number
  expect(backEnd.requests.map((request) => (request.body as { identifier: string }).identifier)).toContain('4712345678');
  const text = await (await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
  const labels = [...text.matchAll(/(\w+)="([^"]*)"/g)].map(([, name, value]) => ({ name: name!, value: value! }));
  expect(labels.length).toBeGreaterThan(10);
  const bounded: Record<string, RegExp> = {
    scanner: /^(keyboard|camera|serial)$/,
    outcome: /^(member|notMember|codeProblem|serviceProblem|needsStaff|rejected|ignored|voided)$/,
    kind: /^(timeout|network|server|credentials|bad_answer)$/,
    result: /^(sent|failed|delivered|rejected|expired|dropped)$/,
    state: /^(off|current|checking|pending|error)$/,
    reason: /^(wrong|locked)$/, // kiosk_staff_pin_failures_total
    le: /^([0-9.]+|\+Inf)$/,
    store_id: /^212$/,
    terminal_id: /^counter-2$/,
    version: /^\d+\.\d+\.\d+/,
  };
  for (const { name, value } of labels) {
    expect({ name, value, allowed: bounded[name]?.test(value) ?? false }).toEqual({ name, value, allowed: true });
    for (const secret of [MEMBER_CODE, STALE_CODE, SILENT_CODE, 'Farhan', 'Ahmed', '4711fc2a', '12345678', 'vipps.no', TOKEN]) expect(value).not.toContain(secret);
  }
  expect(text).not.toMatch(/Farhan|4711fc2a|qr\.vipps\.no|test-token-123/);
  expect(text).toMatch(/^kiosk_scans_total\{scanner="keyboard",outcome="notMember"\} 1$/m);
});

test.describe('scraped over TLS', () => {
  let certificates: TestCertificates;
  test.beforeAll(() => void (certificates = makeTestCertificates()));
  test.afterAll(() => certificates.remove());
  test.use({
    // eslint-disable-next-line no-empty-pattern
    kioskConfig: async ({}, use: (config: unknown) => Promise<void>) =>
      use({ storeId: '212', terminalId: 'counter-2', idleResetSeconds: 30, identify: { baseUrl: backEnd.baseUrl, token: 'test-token-123', timeoutMs: 4000 }, telemetry: { prometheus: { port: metricsPort, token: TOKEN, tls: { cert: certificates.certFile, key: certificates.keyFile } } } }),
  });

  test('a real Prometheus scrapes /metrics over TLS (scheme https, tls_config.ca_file), as an agent elsewhere in the store would', async ({ page, kiosk }) => {
    shown = kiosk;
    prometheus = await startPrometheus({ target: `127.0.0.1:${metricsPort}`, token: TOKEN, caFile: certificates.caFile });
    await page.goto(kiosk.url);
    await expect(page.locator('[data-screen="ready"]')).toBeVisible();
    await scanTo(page, MEMBER_CODE, 'member');
    await expect.poll(async () => (await prometheus!.query('kiosk_scans_total')).map(({ metric, value }) => `${metric.scanner} ${metric.outcome} ${value}`), { timeout: 15_000 }).toEqual(['keyboard member 1']);
    expect((await prometheus.query('up{job="kiosk"}'))[0]?.value).toBe(1);
    expect(kiosk.output()).toMatch(new RegExp(`"event":"telemetry-prometheus-listening","address":"127\\.0\\.0\\.1:${metricsPort}","scheme":"https"`));
    // Plain HTTP to it gets nothing.
    await expect(fetch(`http://127.0.0.1:${metricsPort}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).rejects.toThrow();
  });
});

test('an OTLP collector that hangs, then answers 503, changes nothing the customer sees; once it works it receives the metrics', async ({ page, kiosk }) => {
  shown = kiosk;
  await page.goto(kiosk.url);
  await expect(page.locator('[data-screen="ready"]')).toBeVisible();
  const started = Date.now();
  await scanTo(page, MEMBER_CODE, 'member'); // while every push hangs
  collector!.setMode('unavailable');
  await scanTo(page, STALE_CODE, 'codeProblem'); // while every push is refused
  expect(Date.now() - started).toBeLessThan(15_000); // pushes that hang or fail never wait on the customer
  await expect.poll(() => kiosk.output()).toContain('"event":"telemetry-otlp-failing"');
  collector!.setMode('ok');
  await expect.poll(() => collector!.pushes.length, { timeout: 10_000 }).toBeGreaterThan(0);
  const names = collector!.pushes.at(-1) ?? [];
  expect(names).toEqual(expect.arrayContaining(['kiosk_scans', 'kiosk_identify_duration_seconds', 'kiosk_info', 'kiosk_config_valid', 'kiosk_scanner_up']));
  await expect.poll(() => kiosk.output()).toContain('"event":"telemetry-otlp-recovered"');
});

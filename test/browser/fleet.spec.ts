/**
 * Running a kiosk from the chain's desk, end to end through the web shell (`npm run start:web`):
 * a signed fleet configuration served by a loopback HTTPS server the test makes (its own
 * certificate authority, trusted through NODE_EXTRA_CA_CERTS as a chain's private CA would be)
 * changes the terminal ID the next identify sends; a tampered one changes nothing and is
 * counted; the support API refuses a missing or wrong token, and a plain-HTTP LAN binding;
 * status and logs carry no customer data while a member is on screen; a restart waits for the
 * member screen to end (the web shell's restart: every page loads again); a screenshot is
 * refused while a member is on screen.
 */
import type { Page } from '@playwright/test';
import { english as t } from '../helpers/catalogue';
import { closedPort, MEMBER_ANSWER, startFakeIdentify, type FakeIdentifyServer } from '../helpers/fake-identify-server';
import { fleetKeys, signedDocument, startFleetServer, type FleetServer } from '../helpers/fleet-server';
import { expect, test as base } from '../helpers/fixtures';
import { DEMO_PIN, DEMO_PIN_HASH } from '../helpers/demo-pin';
import { httpsRequest } from '../helpers/https-client';
import { makeTestCertificates, type TestCertificates } from '../helpers/tls-certificates';
import { startWebShell, type WebShell } from '../helpers/web-shell';
import { wedgeScan } from '../helpers/wedge';

const TOKEN = 'support-token-0123456789abcdef0123456789';
const METRICS_TOKEN = 'scrape-token-0123456789abcdef';
const auth = { authorization: `Bearer ${TOKEN}` };
const chain = fleetKeys();

const PIN_HASH = DEMO_PIN_HASH;

interface Desk {
  certificates: TestCertificates;
  fleetServer: FleetServer;
  backEnd: FakeIdentifyServer;
  apiPort: number;
  metricsPort: number;
}

// Playwright reads a fixture's dependencies from its first parameter's pattern: `{}` is "none".
/* eslint-disable no-empty-pattern */
const test = base.extend<{ desk: Desk; start: (config?: Record<string, unknown>) => Promise<WebShell> }>({
  desk: async ({}, use) => {
    const certificates = makeTestCertificates();
    const fleetServer = await startFleetServer(certificates);
    const backEnd = await startFakeIdentify((identifier) => (identifier === '123456' ? { status: 200, json: MEMBER_ANSWER } : { status: 404, json: { error: { code: 'UserNotFound' } } }));
    await use({ certificates, fleetServer, backEnd, apiPort: await closedPort(), metricsPort: await closedPort() });
    await fleetServer.close();
    await backEnd.close();
    certificates.remove();
  },
  start: async ({ desk }, use, testInfo) => {
    const shells: WebShell[] = [];
    await use(async (config) => {
      const shell = await startWebShell({
        config: config ?? {
          idleResetSeconds: 30,
          storeId: '212',
          terminalId: 'file-terminal',
          identify: { baseUrl: desk.backEnd.baseUrl, token: 'identify-token-1', timeoutMs: 4000 },
          telemetry: { prometheus: { port: desk.metricsPort, token: METRICS_TOKEN } },
          fleet: { api: { port: desk.apiPort, token: TOKEN }, config: { url: desk.fleetServer.url, publicKey: chain.publicKey, intervalSeconds: 10 } },
          staff: { pinHash: PIN_HASH },
        },
        // The chain's own certificate authority, trusted as the README says: NODE_EXTRA_CA_CERTS.
        env: { NODE_EXTRA_CA_CERTS: desk.certificates.caFile },
      });
      shells.push(shell);
      return shell;
    });
    for (const shell of shells) {
      if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('kiosk log', { body: shell.output(), contentType: 'text/plain' });
      await shell.stop();
    }
  },
});

// A fleet check every 10 s at the fastest, and the staff PIN's scrypt, on a machine others share.
test.describe.configure({ timeout: 90_000 });

const api = (desk: Desk, path: string, init: RequestInit = {}) => fetch(`http://127.0.0.1:${desk.apiPort}${path}`, { ...init, headers: { ...auth, ...(init.headers ?? {}) } });
const status = async (desk: Desk) => (await (await api(desk, '/v1/status')).json()) as { screen: string; terminalId: string; fleet: { serial: number | null; refused: number; lastResult: string | null } | null };
const screen = (page: Page) => page.locator('main[data-screen]');
/** The support API allows a few calls a second: tests that poll it do so gently. */
const gently = { intervals: [500, 1000], timeout: 20_000 };

async function memberOnScreen(page: Page, kiosk: WebShell): Promise<void> {
  await page.goto(kiosk.url);
  await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
  await wedgeScan(page, '123456');
  await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible();
}

test.describe('the signed fleet configuration', () => {
  test('a signed document changes the terminal ID used by the next identify, and staff health shows its serial', async ({ page, desk, start }) => {
    const { document, signature } = signedDocument(chain, { serial: 1, config: { terminalId: 'fleet-terminal' } });
    desk.fleetServer.publish(document, signature);
    const kiosk = await start();
    await expect.poll(async () => (await status(desk)).fleet?.serial, gently).toBe(1);
    expect(await status(desk)).toMatchObject({ terminalId: 'fleet-terminal', fleet: { lastResult: 'applied', refused: 0 } });
    // Staff health: the serial in force and the last check.
    await page.goto(kiosk.url);
    await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
    await page.keyboard.press('Control+Alt+KeyS');
    for (const digit of DEMO_PIN) await page.getByRole('button', { name: digit, exact: true }).click();
    await page.getByRole('button', { name: t('staff.ok'), exact: true }).click();
    const row = page.locator('.staff-health dl > div', { hasText: t('staff.health.fleetConfig') });
    await expect(row).toContainText(/serial 1, received .*; last checked .*: (a new one applied|unchanged); 0 refused since start/);
    await expect(page.getByLabel('Terminal ID')).toHaveValue('fleet-terminal');
    await page.getByRole('button', { name: t('staff.leave') }).click();
    await memberOnScreen(page, kiosk);
    expect((desk.backEnd.requests.at(-1)?.body as { location: { terminalId: string; storeId: string } }).location).toMatchObject({ terminalId: 'fleet-terminal', storeId: '212' });
    expect(kiosk.output()).toMatch(/"event":"fleet-config-applied","serial":1/);
  });

  test('a tampered document changes nothing and is counted (status and kiosk_fleet_config_refused_total)', async ({ page, desk, start }) => {
    const first = signedDocument(chain, { serial: 1, config: { terminalId: 'fleet-terminal' } });
    desk.fleetServer.publish(first.document, first.signature);
    const kiosk = await start();
    await expect.poll(async () => (await status(desk)).fleet?.serial, gently).toBe(1);
    const next = signedDocument(chain, { serial: 2, config: { terminalId: 'good-terminal' } });
    desk.fleetServer.publish(next.document.replace('good-terminal', 'evil-terminal'), next.signature); // changed on the way
    await expect.poll(async () => (await status(desk)).fleet?.refused, { ...gently, timeout: 30_000 }).toBe(1);
    expect(await status(desk)).toMatchObject({ terminalId: 'fleet-terminal', fleet: { serial: 1, lastResult: 'refused' } });
    const scrape = await (await fetch(`http://127.0.0.1:${desk.metricsPort}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    expect(scrape).toMatch(/^kiosk_fleet_config_refused_total\{reason="bad_signature"\} 1$/m);
    expect(scrape).toMatch(/^kiosk_fleet_config_serial 1$/m);
    await memberOnScreen(page, kiosk);
    expect((desk.backEnd.requests.at(-1)?.body as { location: { terminalId: string } }).location.terminalId).toBe('fleet-terminal');
    expect(kiosk.output()).toMatch(/"event":"fleet-config-refused","reason":"bad_signature"/);
    expect(kiosk.output()).not.toContain('evil-terminal');
  });
});

test.describe('the support API', () => {
  test('refuses a missing or a wrong token, and every call is logged with its route, result and caller', async ({ desk, start }) => {
    const kiosk = await start();
    await expect.poll(async () => (await fetch(`http://127.0.0.1:${desk.apiPort}/v1/status`).catch(() => null))?.status, gently).toBe(401);
    expect((await fetch(`http://127.0.0.1:${desk.apiPort}/v1/status`, { headers: { authorization: 'Bearer not-the-token-0123456789abcdef0123' } })).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${desk.apiPort}/v1/restart`, { method: 'POST' })).status).toBe(401);
    expect((await api(desk, '/v1/status')).status).toBe(200);
    await expect.poll(() => kiosk.output()).toMatch(/"event":"fleet-api","method":"GET","route":"\/v1\/status","status":200,"address":"127\.0\.0\.1"/);
    expect(kiosk.output()).toMatch(/"event":"fleet-api","method":"POST","route":"\/v1\/restart","status":401/);
    expect(kiosk.output()).not.toContain(TOKEN);
  });

  test('refuses a plain-HTTP LAN binding: needsStaff naming fleet.api.tls, and nothing listens', async ({ page, desk, start }) => {
    const kiosk = await start({ idleResetSeconds: 30, fleet: { api: { host: '0.0.0.0', port: desk.apiPort, token: TOKEN } } });
    await page.goto(kiosk.url);
    await expect(screen(page)).toHaveAttribute('data-screen', 'needsStaff');
    await expect(page.locator('body')).toContainText('fleet.api.tls');
    expect(kiosk.output()).toContain('fleet.api.tls: is required for a host other than loopback');
    await expect(fetch(`http://127.0.0.1:${desk.apiPort}/v1/status`)).rejects.toThrow();
    expect(kiosk.output()).not.toContain(TOKEN);
  });

  test('status and logs carry no customer data while a member is on screen', async ({ page, desk, start }) => {
    const kiosk = await start();
    await memberOnScreen(page, kiosk);
    const statusText = await (await api(desk, '/v1/status')).text();
    expect(JSON.parse(statusText)).toMatchObject({ screen: 'member', counts: { member: 1 } });
    await page.waitForTimeout(400);
    const logs = await api(desk, '/v1/logs?limit=1000');
    expect(logs.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const logText = await logs.text();
    expect(logText.trim().split('\n').map((line) => (JSON.parse(line) as { event: string }).event)).toEqual(expect.arrayContaining(['config-loaded', 'session']));
    for (const text of [statusText, logText]) {
      for (const customer of ['Farhan', 'Ahmed', '123456', '4711fc2a', '14464', '14,464', 'PLU-100', 'f4190848']) expect(text).not.toContain(customer);
    }
  });

  test('a restart waits for the member screen to end; then every page loads again', async ({ page, desk, start }) => {
    const kiosk = await start();
    await memberOnScreen(page, kiosk);
    await page.evaluate(() => ((window as unknown as { beforeRestart: boolean }).beforeRestart = true));
    const answer = await api(desk, '/v1/restart', { method: 'POST' });
    expect(answer.status).toBe(202);
    expect(((await answer.json()) as { restart: { waitingFor: string; notBefore: string } }).restart).toMatchObject({ waitingFor: 'customer', notBefore: expect.any(String) });
    await page.waitForTimeout(7000); // longer than the quiet moment: nothing happens in front of the customer
    await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { beforeRestart?: boolean }).beforeRestart)).toBe(true);
    const reloaded = page.waitForEvent('load', { timeout: 20_000 });
    await page.getByRole('button', { name: 'Done' }).click();
    await reloaded;
    expect(await page.evaluate(() => (window as unknown as { beforeRestart?: boolean }).beforeRestart)).toBeUndefined();
    await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
    expect(kiosk.output()).toMatch(/"event":"restart","reason":"fleet-api","waitedSeconds":\d+/);
    await wedgeScan(page, '123456'); // the kiosk works on after its restart
    await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible();
  });

  test('a screenshot is refused while a member is on screen; on ready the web shell says why it has none', async ({ page, desk, start }) => {
    const kiosk = await start();
    await memberOnScreen(page, kiosk);
    const refused = await api(desk, '/v1/screenshot');
    expect([refused.status, await refused.json()]).toEqual([409, expect.objectContaining({ error: 'customer-on-screen', screen: 'member' })]);
    await page.getByRole('button', { name: 'Done' }).click();
    await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
    await page.waitForTimeout(400);
    const none = await api(desk, '/v1/screenshot');
    expect([none.status, await none.json()]).toEqual([501, expect.objectContaining({ error: 'not-available', screen: 'ready', message: expect.stringContaining('web shell') })]);
  });

  test('over TLS on loopback too, when given a certificate', async ({ desk, start }) => {
    await start({ idleResetSeconds: 30, fleet: { api: { port: desk.apiPort, token: TOKEN, tls: { cert: desk.certificates.certFile, key: desk.certificates.keyFile } } } });
    await expect
      .poll(async () => (await httpsRequest(`https://127.0.0.1:${desk.apiPort}/v1/status`, { ca: desk.certificates.ca, headers: auth }).catch(() => null))?.status, gently)
      .toBe(200);
  });
});

/**
 * The hand-off to the till, end to end through the web shell (`npm run start:web`): a customer
 * scans, the till gets a signed identification within a second; a till that fails or hangs never
 * changes what the customer sees; a kiosk killed with a delivery pending sends it after it
 * starts again, once; the pull feed serves the next identification to a till holding the token,
 * over TLS too.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Identification } from '../../electron/core/handoff/identification';
import { closedPort } from '../helpers/fake-identify-server';
import { startFakeTill, type FakeTill } from '../helpers/fake-till';
import { expect, test as base } from '../helpers/fixtures';
import { httpsRequest } from '../helpers/https-client';
import { makeTestCertificates, type TestCertificates } from '../helpers/tls-certificates';
import { startWebShell } from '../helpers/web-shell';
import { wedgeScan } from '../helpers/wedge';

const SECRET = 'till-secret-0123456789abcdef';
const TOKEN = 'feed-token-0123456789abcdef';

// Playwright reads a fixture's dependencies from its first parameter's pattern: `{}` is "none".
/* eslint-disable no-empty-pattern */
const test = base.extend<{ till: FakeTill }>({
  till: async ({}, use) => {
    const till = await startFakeTill(SECRET);
    await use(till);
    await till.close();
  },
});

type Use = (config: unknown) => Promise<void>;
const screen = (page: Page) => page.locator('main[data-screen]');
const pushTo = (url: string, extra: Record<string, unknown> = {}) => ({ idleResetSeconds: 30, storeId: '4242', terminalId: 'kiosk-7', handoff: { url, secret: SECRET, ...extra } });

test.describe('pushing to a till', () => {
  test.use({ kioskConfig: async ({ till }: { till: FakeTill }, use: Use) => use(pushTo(till.url)) });

  test('a member scan reaches the till within a second: signed, keyed, with what the till needs and not the code', async ({ page, kiosk, till }) => {
    await page.goto(kiosk.url);
    await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
    await wedgeScan(page, '123456');
    await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible();
    await expect.poll(() => till.accepted.length).toBe(1);
    const [delivery] = till.deliveries;
    // From the customer's screen showing it to the till having it: within a second.
    expect((delivery?.receivedAt ?? Infinity) - Date.parse((till.accepted[0] as Identification).identifiedAt)).toBeLessThan(1000);
    expect(delivery?.signatureValid).toBe(true);
    const identification = till.accepted[0] as Identification;
    expect(delivery?.idempotencyKey).toBe(identification.id);
    expect(identification).toMatchObject({
      schemaVersion: 2,
      kind: 'member',
      identifiedBy: 'appCode',
      firstName: 'Farhan',
      loyaltyUserId: '4711fc2a-3a8f-414f-a9e7-44dd5231dca7',
      points: { amount: 14464, currency: 'points' },
      storeId: '4242',
      terminalId: 'kiosk-7',
      orderLines: [
        { productId: '1001', name: 'Whopper Jr.', quantity: 1, productType: 'REWARD' },
        { productId: '2002', name: null, quantity: 2, productType: 'OFFER' },
      ],
    });
    expect(identification.transactionId).toBe(identification.id);
    expect(delivery?.body).not.toContain('123456');
  });

  test('a Vipps non-member is handed off too, without the phone number, identified by a phone number (a phone-form code)', async ({ page, kiosk, till }) => {
    await page.goto(kiosk.url);
    await wedgeScan(page, 'https://qr.vipps.no/28/2/01/031/4798765432?v=1');
    await expect(screen(page)).toHaveAttribute('data-screen', 'notMember');
    await expect.poll(() => till.accepted.length).toBe(1);
    expect(till.accepted[0]).toMatchObject({ kind: 'notMember', identifiedBy: 'phoneNumber', firstName: null, loyaltyUserId: null });
    expect(till.deliveries[0]?.body).not.toContain('98765432');
  });

  test('a code problem is not handed off: nobody was identified', async ({ page, kiosk, till }) => {
    await page.goto(kiosk.url);
    await wedgeScan(page, '000000');
    await expect(screen(page)).toHaveAttribute('data-screen', 'codeProblem');
    await page.waitForTimeout(500);
    expect(till.deliveries).toEqual([]);
  });

  test('a till that fails twice, then accepts: one accepted delivery, the same key each time', async ({ page, kiosk, till }) => {
    till.answer = ({ call }) => (call <= 2 ? 500 : 200);
    await page.goto(kiosk.url);
    await wedgeScan(page, '234567');
    await expect.poll(() => till.accepted.length, { timeout: 8000 }).toBe(1);
    expect(till.deliveries.map((delivery) => delivery.status)).toEqual([500, 500, 200]);
    expect(new Set(till.deliveries.map((delivery) => delivery.idempotencyKey)).size).toBe(1);
    expect(till.deliveries.every((delivery) => delivery.signatureValid)).toBe(true);
  });

  test('a till that never answers changes nothing the customer sees: the screen, the countdown, Done', async ({ page, kiosk, till }) => {
    till.answer = () => 'hang';
    await page.goto(kiosk.url);
    await wedgeScan(page, '123456');
    await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible();
    // The countdown runs on (a loaded machine may show 29 s too late to be seen: any second after 30).
    await expect(page.getByTestId('countdown')).toHaveText(/^Back to start in 2\d s$/, { timeout: 5000 });
    await page.getByRole('button', { name: 'Done' }).click();
    await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
    await wedgeScan(page, '234567');
    await expect(page.getByRole('heading', { name: 'Hi Ingrid!' })).toBeVisible();
  });
});

test.describe('a till that is down', () => {
  test.use({ kioskConfig: async ({}, use: Use) => use(pushTo(`http://127.0.0.1:${await closedPort()}/till`)) });

  test('changes nothing the customer sees', async ({ page, kiosk }) => {
    await page.goto(kiosk.url);
    await wedgeScan(page, '123456');
    await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible();
    await expect(page.getByTestId('points')).toHaveText('14,464');
    await expect.poll(() => kiosk.output()).toContain('"event":"handoff-retry"');
  });
});

test('a kiosk killed (SIGKILL) with a delivery pending sends it after it starts again, once', async ({ page, till }) => {
  const userData = mkdtempSync(path.join(os.tmpdir(), 'kiosk-handoff-kill-'));
  try {
    till.answer = () => 503;
    const config = pushTo(till.url);
    const first = await startWebShell({ config, userDataDir: userData });
    await page.goto(first.url);
    await wedgeScan(page, '123456');
    await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible();
    await expect.poll(() => till.deliveries.length).toBeGreaterThan(0); // on disk, and failing
    expect(await first.stop('SIGKILL')).toBeNull(); // killed: no clean stop
    const key = till.deliveries[0]?.idempotencyKey;

    till.answer = () => 200;
    const second = await startWebShell({ config, userDataDir: userData });
    try {
      await expect.poll(() => till.accepted.length, { timeout: 8000 }).toBe(1);
      expect((till.accepted[0] as Identification).id).toBe(key);
      expect(second.output()).toContain('"event":"handoff-resumed","pending":1');
      await page.waitForTimeout(1000);
      // Exactly one delivery the till acknowledged, whatever it de-duplicates.
      expect(till.deliveries.filter((delivery) => delivery.status === 200).map((delivery) => delivery.idempotencyKey)).toEqual([key]);
    } finally {
      await second.stop();
    }
  } finally {
    rmSync(userData, { recursive: true, force: true });
  }
});

test('a hand-off that fails inside the kiosk (its journal cannot be written) changes nothing the customer sees', async ({ page, till }) => {
  const userData = mkdtempSync(path.join(os.tmpdir(), 'kiosk-handoff-broken-'));
  mkdirSync(path.join(userData, 'handoff-journal.jsonl')); // a folder where the journal should be
  const shell = await startWebShell({ config: pushTo(till.url), userDataDir: userData });
  try {
    await page.goto(shell.url);
    await wedgeScan(page, '123456');
    await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible();
    await expect(page.getByTestId('points')).toHaveText('14,464');
    await page.getByRole('button', { name: 'Done' }).click();
    await wedgeScan(page, '234567');
    await expect(page.getByRole('heading', { name: 'Hi Ingrid!' })).toBeVisible();
    expect(shell.output()).toContain('"event":"handoff-journal-failed"');
    expect(shell.output()).toContain('"event":"handoff-not-queued"');
    expect(shell.process.exitCode).toBeNull(); // still running
  } finally {
    await shell.stop();
    rmSync(userData, { recursive: true, force: true });
  }
});

test.describe('the pull feed', () => {
  test.use({ kioskConfig: async ({}, use: Use) => use({ idleResetSeconds: 30, handoff: { url: null, listen: { port: await closedPort(), token: TOKEN } } }) });

  test('wrong or missing token: 401; the event stream delivers the next identification', async ({ page, kiosk }) => {
    await expect.poll(() => kiosk.output()).toContain('"event":"handoff-feed-listening"');
    const address = /"event":"handoff-feed-listening","address":"([^"]+)"/.exec(kiosk.output())?.[1];
    const base = `http://${address}/v1/identifications`;
    expect((await fetch(`${base}/latest`)).status).toBe(401);
    expect((await fetch(`${base}/latest`, { headers: { authorization: 'Bearer not-the-token' } })).status).toBe(401);
    expect((await fetch(`${base}/latest`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(204);

    const controller = new AbortController();
    const stream = await fetch(`${base}/events`, { headers: { authorization: `Bearer ${TOKEN}` }, signal: controller.signal });
    const reader = stream.body!.getReader();
    await page.goto(kiosk.url);
    await wedgeScan(page, '234567');
    let text = '';
    while (!/data: .*\n\n/.test(text)) {
      const chunk = await reader.read();
      if (chunk.done) throw new Error(`the stream ended early: ${text}`);
      text += new TextDecoder().decode(chunk.value);
    }
    const event = JSON.parse(/data: (.*)\n\n/.exec(text)?.[1] ?? '{}') as Identification;
    expect(event).toMatchObject({ kind: 'member', identifiedBy: 'appCode', firstName: 'Ingrid', points: { amount: 2750 } });
    expect(text).toContain(`id: ${event.id}\nevent: identification\n`);
    await reader.cancel();
    controller.abort();
    const latest = await fetch(`${base}/latest`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(await latest.json()).toEqual(event);
  });
});

test.describe('the pull feed over TLS (a till elsewhere in the store)', () => {
  let certificates: TestCertificates;
  test.beforeAll(() => void (certificates = makeTestCertificates()));
  test.afterAll(() => certificates.remove());
  // On loopback here (tests listen nowhere else); the same files serve it on a LAN address, where TLS is required.
  test.use({ kioskConfig: async ({}, use: Use) => use({ idleResetSeconds: 30, handoff: { url: null, listen: { port: await closedPort(), token: TOKEN, tls: { cert: certificates.certFile, key: certificates.keyFile } } } }) });

  test('the till reads the event stream and the latest identification over TLS, trusting the store\'s certificate; plain HTTP gets nothing', async ({ page, kiosk }) => {
    await expect.poll(() => kiosk.output()).toMatch(/"event":"handoff-feed-listening","address":"[^"]+","scheme":"https"/);
    const address = /"event":"handoff-feed-listening","address":"([^"]+)"/.exec(kiosk.output())?.[1];
    const base = `https://${address}/v1/identifications`;
    const headers = { authorization: `Bearer ${TOKEN}` };
    expect((await httpsRequest(`${base}/latest`, { ca: certificates.ca })).status).toBe(401);
    expect((await httpsRequest(`${base}/latest`, { ca: certificates.ca, headers })).status).toBe(204);
    await expect(fetch(`http://${address}/v1/identifications/latest`, { headers })).rejects.toThrow();

    const events = new Promise<string>((resolve, reject) => {
      const request = https.get(`${base}/events`, { ca: certificates.ca, headers }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (/data: .*\n\n/.test(text)) {
            request.destroy();
            resolve(text);
          }
        });
      });
      request.on('error', (error) => (request.destroyed ? undefined : reject(error)));
    });
    await page.goto(kiosk.url);
    await wedgeScan(page, '234567');
    const text = await events;
    const event = JSON.parse(/data: (.*)\n\n/.exec(text)?.[1] ?? '{}') as Identification;
    expect(event).toMatchObject({ kind: 'member', firstName: 'Ingrid', points: { amount: 2750 } });
    const latest = await httpsRequest(`${base}/latest`, { ca: certificates.ca, headers });
    expect([latest.status, JSON.parse(latest.body.toString()) as unknown, latest.protocol]).toEqual([200, event, 'TLSv1.3']);
  });
});
/* eslint-enable no-empty-pattern */

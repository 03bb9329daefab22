/**
 * Every scan counts, in Chromium against the web shell: a scan typed the moment the page shows
 * `ready` (when the page is busiest), a burst that stalls once, and a Vipps URL typed by
 * Playwright's `keyboard.type()` (which sends `:` without Shift) each identify once; a person
 * typing never does; a thrown-away burst is logged and counted.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../helpers/fixtures';
import { MEMBER_ANSWER, startFakeIdentify, type FakeIdentifyServer } from '../helpers/fake-identify-server';
import type { WebShell } from '../helpers/web-shell';
import { humanType, position, wedgeScanKeys, type WedgeKey } from '../helpers/wedge';

const PHONE = '4712345678';
const VIPPS_URL = `https://qr.vipps.no/28/2/01/031/${PHONE}?v=1`;

let backEnd: FakeIdentifyServer;
let shown: WebShell | null = null;
test.beforeEach(async () => {
  backEnd = await startFakeIdentify(() => ({ status: 200, json: MEMBER_ANSWER }));
});
// eslint-disable-next-line no-empty-pattern
test.afterEach(async ({}, testInfo) => {
  await backEnd.close();
  // A lost scan must say why: the kiosk's log holds the scan-voided line.
  if (shown && testInfo.status !== testInfo.expectedStatus) await testInfo.attach('kiosk log', { body: shown.output(), contentType: 'text/plain' });
  shown = null;
});

test.use({
  // A fixture, because the back end's address is known only once it started; Playwright reads
  // a fixture's dependencies from this destructuring, so it must stay, empty.
  // eslint-disable-next-line no-empty-pattern
  kioskConfig: async ({}, use: (config: unknown) => Promise<void>) => use({ idleResetSeconds: 30, identify: { baseUrl: backEnd.baseUrl, token: 'test-token-123', timeoutMs: 3000 } }),
});

const identifiers = () => backEnd.requests.map((request) => (request.body as { identifier: string }).identifier);
const usKeys = (text: string): WedgeKey[] =>
  [...text].map((char) => {
    const [code, shift] = position(char);
    return { key: char, code, shift };
  });

async function ready(page: Page, kiosk: WebShell): Promise<void> {
  shown = kiosk;
  await page.goto(kiosk.url);
  await expect(page.locator('[data-screen="ready"]')).toBeVisible();
}

test('a scan typed the moment the page shows ready (keys stamped as the busy page sees them) identifies', async ({ page, kiosk }) => {
  shown = kiosk;
  await page.goto(kiosk.url);
  await page.locator('[data-screen="ready"]').waitFor();
  const readyAt = Date.now();
  // No timestamps of our own: Chromium stamps each key when it gets to it, as with a real
  // scanner while the page is busy with its first frames.
  await page.keyboard.type('123456');
  await page.keyboard.press('Enter');
  expect(Date.now() - readyAt).toBeLessThan(2000); // typed at once, not after the page settled
  await expect(page.locator('[data-screen="member"]')).toBeVisible();
  expect(identifiers()).toEqual(['123456']);
});

test('a burst with a 450 ms stall in the middle identifies once, with the whole code', async ({ page, kiosk }) => {
  await ready(page, kiosk);
  const loyaltyId = '4711fc2a-3a8f-414f-a9e7-44dd5231dca7';
  await wedgeScanKeys(page, usKeys(loyaltyId), (index) => (index === 18 ? 450 : 4));
  await expect(page.locator('[data-screen="member"]')).toBeVisible();
  await page.waitForTimeout(300);
  expect(identifiers()).toEqual([loyaltyId]);
});

test('a person typing the same digits at 90 ms a key never identifies; a scan after it does', async ({ page, kiosk }) => {
  await ready(page, kiosk);
  await humanType(page, '123456', 90);
  await page.waitForTimeout(500);
  await expect(page.locator('[data-screen="ready"]')).toBeVisible();
  expect(identifiers()).toEqual([]);
  await wedgeScanKeys(page, usKeys('123456'));
  await expect(page.locator('[data-screen="member"]')).toBeVisible();
});

test('a Vipps URL typed with keyboard.type() (":" on Semicolon without Shift) identifies with its number', async ({ page, kiosk }) => {
  await ready(page, kiosk);
  await page.keyboard.type(VIPPS_URL);
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-screen="member"]')).toBeVisible();
  expect(identifiers()).toEqual([PHONE]);
});

test('a burst thrown away is logged as scan-voided (length, why, largest gap; never the code)', async ({ page, kiosk }) => {
  await ready(page, kiosk);
  const code = '4711fc2a-3a8f-414f-a9e7-44dd5231dca7';
  await wedgeScanKeys(page, usKeys(code), (index) => (index === 10 ? 650 : 4));
  await expect.poll(() => kiosk.output()).toMatch(/"event":"scan-voided","length":36,"reason":"stalled too long","largestGapMs":6[45]\d/);
  expect(kiosk.output()).not.toContain(code);
  expect(identifiers()).toEqual([]);
});

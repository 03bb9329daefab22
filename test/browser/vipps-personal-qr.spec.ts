/**
 * Personal QR codes as Vipps MobilePay's QR API guide has them, in the web shell against a
 * fake Vipps that records every request (and any that breaks Vipps' published OpenAPI files):
 * a phone-form code under each `personalQr.phoneForm` (exchanged, the default with Vipps, and
 * with the exchange down a service problem, never the number in the code; refused; read
 * locally); a MobilePay code from a configured origin is exchanged too, and a Danish member is
 * identified with no check-in (the Check-in API is Norway's); every Vipps call names the
 * product; and the sandbox has a MobilePay member.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, test } from '../helpers/fixtures';
import { MEMBER_ANSWER, startFakeIdentify, VIPPS_PATHS, type FakeAnswer, type FakeIdentifyServer } from '../helpers/fake-identify-server';
import type { WebShell } from '../helpers/web-shell';
import { wedgeScan } from '../helpers/wedge';

const MEMBER_PHONE = '4712345678';
const GUEST_PHONE = '4798765432';
const DANISH_PHONE = '4520304050';
const MOBILEPAY_ORIGIN = 'https://personal-qr.mobilepay.example';
const MOBILEPAY_QR = `${MOBILEPAY_ORIGIN}/tok-9Zx_1`;
const IDENTIFY_PATH = '/loyalty/v2/identify';
const { productName, version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { productName: string; version: string };

let backEnd: FakeIdentifyServer;
/** What the fake exchange answers, by whole code; unknown codes get 404. */
let exchange: Record<string, FakeAnswer> = {};

test.beforeEach(async () => {
  exchange = {};
  const members = new Set([MEMBER_PHONE, DANISH_PHONE]);
  backEnd = await startFakeIdentify((identifier) => (members.has(identifier) ? { status: 200, json: MEMBER_ANSWER } : { status: 404, json: { error: { code: 'UserNotFound' } } }), {
    exchange: (qrCode) => exchange[qrCode] ?? { status: 404, json: { error: 'QrCodeNotFound' } },
  });
});
test.afterEach(async () => {
  await backEnd.close();
  expect(backEnd.vippsProblems).toEqual([]);
});

function config(vipps: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  // Playwright reads a fixture's dependencies from this destructuring, so it must stay, empty.
  // eslint-disable-next-line no-empty-pattern
  return async ({}, use: (config: unknown) => Promise<void>) =>
    use({
      idleResetSeconds: 30,
      identify: { baseUrl: backEnd.baseUrl, token: 'test-token-123', timeoutMs: 3000 },
      vipps: { baseUrl: backEnd.baseUrl, clientId: 'fb492b5e-7907-4d83-ba20-c7fb60ca35de', clientSecret: 'secret-1', subscriptionKey: 'sub-1', merchantSerialNumber: '654321', timeoutMs: 4000, ...vipps },
      ...extra,
    });
}

const identifiers = () => backEnd.requests.filter((request) => request.url === IDENTIFY_PATH).map((request) => (request.body as { identifier: string }).identifier);
const exchanges = () => backEnd.requests.filter((request) => request.url === VIPPS_PATHS.exchange).map((request) => request.body);
const events = (kiosk: WebShell, event: string) =>
  kiosk
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{') && line.includes(`"event":"${event}"`));

async function open(page: Page, kiosk: WebShell): Promise<void> {
  await page.goto(kiosk.url);
  await expect(page.locator('[data-screen="ready"]')).toBeVisible();
}

test.describe('with Vipps set up (phone-form codes exchanged: the default)', () => {
  test.use({ kioskConfig: config() });

  test('a phone-form code makes one exchange and identifies with the number it gave, not the one in the code', async ({ page, kiosk }) => {
    const code = `https://qr.vipps.no/28/2/01/031/${GUEST_PHONE}?v=1`;
    exchange[code] = { status: 200, json: { msisdn: MEMBER_PHONE, timestamp: 1634025600, version: '2.0' } };
    await open(page, kiosk);
    await wedgeScan(page, code);
    await expect(page.locator('[data-screen="member"]')).toBeVisible();
    expect(exchanges()).toEqual([{ qrCode: code }]);
    expect(identifiers()).toEqual([MEMBER_PHONE]);
  });

  test('with the exchange down (503): a service problem, never the number in the code; logged without it', async ({ page, kiosk }) => {
    const code = `https://qr.vipps.no/28/2/01/031/${MEMBER_PHONE}?v=1`;
    exchange[code] = { status: 503, json: {} };
    await open(page, kiosk);
    await wedgeScan(page, code);
    await expect(page.locator('[data-screen="serviceProblem"]')).toBeVisible();
    expect(exchanges()).toEqual([{ qrCode: code }]);
    expect(identifiers()).toEqual([]);
    expect(events(kiosk, 'vipps-exchange-failed')).toHaveLength(1);
    expect(kiosk.output()).not.toContain(MEMBER_PHONE);
  });

  test('a MobilePay code is not a loyalty code while its origin is not configured: nothing is sent', async ({ page, kiosk }) => {
    await open(page, kiosk);
    await wedgeScan(page, MOBILEPAY_QR);
    await expect(page.locator('[data-screen="codeProblem"]')).toBeVisible();
    await expect(page.locator('body')).toContainText('That is not a loyalty code');
    expect(backEnd.requests).toEqual([]);
  });

  test('every Vipps request names the product: the four Vipps-System-* headers', async ({ page, kiosk }) => {
    const code = `https://qr.vipps.no/28/2/01/031/${MEMBER_PHONE}?v=1`;
    exchange[code] = { status: 200, json: { msisdn: MEMBER_PHONE } };
    await open(page, kiosk);
    await wedgeScan(page, code);
    await expect(page.locator('[data-screen="member"]')).toBeVisible();
    await expect.poll(() => backEnd.requests.map((request) => request.url)).toEqual([VIPPS_PATHS.token, VIPPS_PATHS.exchange, IDENTIFY_PATH, VIPPS_PATHS.checkIn]);
    for (const request of backEnd.requests.filter((each) => each.url !== IDENTIFY_PATH)) {
      expect(request.headers).toMatchObject({
        'vipps-system-name': productName,
        'vipps-system-version': version,
        'vipps-system-plugin-name': productName,
        'vipps-system-plugin-version': version,
      });
    }
  });
});

test.describe('with Vipps set up and phone-form codes refused (personalQr.phoneForm "refuse")', () => {
  test.use({ kioskConfig: config({}, { personalQr: { phoneForm: 'refuse' } }) });

  test('a phone-form code: "Please show the code in your app", counting down, and nothing sent', async ({ page, kiosk }) => {
    await open(page, kiosk);
    await wedgeScan(page, `https://qr.vipps.no/28/2/01/031/${MEMBER_PHONE}?v=1`);
    await expect(page.locator('[data-screen="codeProblem"]')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Please show the code in your app' })).toBeVisible();
    await expect(page.getByTestId('countdown')).toContainText('Back to start in');
    expect(backEnd.requests).toEqual([]);
  });

  test('a token-form code is still exchanged and identified', async ({ page, kiosk }) => {
    exchange['https://qr.vipps.no/p/tok-1'] = { status: 200, json: { msisdn: MEMBER_PHONE, version: '2.0' } };
    await open(page, kiosk);
    await wedgeScan(page, 'https://qr.vipps.no/p/tok-1');
    await expect(page.locator('[data-screen="member"]')).toBeVisible();
    expect(identifiers()).toEqual([MEMBER_PHONE]);
  });
});

test.describe('with Vipps set up and phone-form codes read locally (personalQr.phoneForm "local")', () => {
  test.use({ kioskConfig: config({}, { personalQr: { phoneForm: 'local' } }) });

  test('a phone-form code identifies with the number in it, with no exchange; the member is checked in', async ({ page, kiosk }) => {
    await open(page, kiosk);
    await wedgeScan(page, `https://qr.vipps.no/28/2/01/031/${MEMBER_PHONE}?v=1`);
    await expect(page.locator('[data-screen="member"]')).toBeVisible();
    expect(exchanges()).toEqual([]);
    expect(identifiers()).toEqual([MEMBER_PHONE]);
    await expect.poll(() => backEnd.requests.filter((request) => request.url === VIPPS_PATHS.checkIn).map((request) => request.body)).toEqual([{ phoneNumber: MEMBER_PHONE, isMember: true }]);
  });
});

test.describe("with MobilePay's origin configured (vipps.personalQrOrigins)", () => {
  test.use({ kioskConfig: config({ personalQrOrigins: ['https://qr.vipps.no', MOBILEPAY_ORIGIN] }) });

  test("a MobilePay code is exchanged whole and identifies the Danish member, with no check-in (the Check-in API is Norway's)", async ({ page, kiosk }) => {
    exchange[MOBILEPAY_QR] = { status: 200, json: { msisdn: DANISH_PHONE, timestamp: 1634025600, version: '2.0' } };
    await open(page, kiosk);
    await wedgeScan(page, MOBILEPAY_QR);
    await expect(page.locator('[data-screen="member"]')).toBeVisible();
    expect(exchanges()).toEqual([{ qrCode: MOBILEPAY_QR }]);
    expect(identifiers()).toEqual([DANISH_PHONE]);
    await expect.poll(() => events(kiosk, 'vipps-check-in-skipped')).toHaveLength(1);
    // A Norwegian member after: their check-in goes; the Danish one never did.
    const norwegian = 'https://qr.vipps.no/p/nor-1';
    exchange[norwegian] = { status: 200, json: { msisdn: MEMBER_PHONE, version: '2.0' } };
    await wedgeScan(page, norwegian);
    await expect(page.locator('[data-screen="member"]')).toBeVisible();
    await expect.poll(() => backEnd.requests.filter((request) => request.url === VIPPS_PATHS.checkIn).map((request) => request.body)).toEqual([{ phoneNumber: MEMBER_PHONE, isMember: true }]);
    expect(kiosk.output()).not.toContain(DANISH_PHONE);
  });

  test('a number from outside Norway, Denmark and Finland is never guessed at: serviceProblem, and a clear log line', async ({ page, kiosk }) => {
    exchange[MOBILEPAY_QR] = { status: 200, json: { msisdn: '4915112345678' } };
    await open(page, kiosk);
    await wedgeScan(page, MOBILEPAY_QR);
    await expect(page.locator('[data-screen="serviceProblem"]')).toBeVisible();
    expect(identifiers()).toEqual([]);
    expect(events(kiosk, 'vipps-exchange-failed').join('\n')).toContain('number outside Norway (47), Denmark (45) and Finland (358)');
  });
});

test.describe('on the embedded sandbox', () => {
  test.use({ kioskConfig: { idleResetSeconds: 30 } });

  test("the sandbox's MobilePay member: exchanged by the sandbox, member screen", async ({ page, kiosk }) => {
    await open(page, kiosk);
    await wedgeScan(page, `${MOBILEPAY_ORIGIN}/sandbox-mette`);
    await expect(page.locator('[data-screen="member"]')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Hi Mette!' })).toBeVisible();
  });
});

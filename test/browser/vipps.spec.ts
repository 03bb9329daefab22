/**
 * Vipps personal QR codes in the web shell: what the customer sees, and what the loyalty back
 * end and Vipps (token, QR exchange, loyalty check-in) received, against a fake that records
 * every request. Also: scanners whose layout differs from the PC's, and the embedded sandbox.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, test } from '../helpers/fixtures';
import { MEMBER_ANSWER, startFakeIdentify, VIPPS_PATHS, type FakeAnswer, type FakeIdentifyServer, type FakeVippsAnswers, type RecordedRequest } from '../helpers/fake-identify-server';
import type { WebShell } from '../helpers/web-shell';
import { position, US_POSITIONS, wedgeScan, wedgeScanKeys, type WedgeKey } from '../helpers/wedge';

const PHONE = '4712345678';
const OTHER_PHONE = '4798765432';
const PHONE_QR = `https://qr.vipps.no/28/2/01/031/${PHONE}?v=1`;
const OTHER_PHONE_QR = `https://qr.vipps.no/28/2/01/031/${OTHER_PHONE}?v=1`;
const TOKEN_QR = 'https://qr.vipps.no/p/tok123';
const IDENTIFY_PATH = '/loyalty/v2/identify';

const STORE = { storeId: '4242', terminalId: 'kiosk-7' };
const VIPPS = {
  clientId: 'fb492b5e-7907-4d83-ba20-c7fb60ca35de',
  clientSecret: 'vipps-client-secret',
  subscriptionKey: 'vipps-subscription-key',
  merchantSerialNumber: '654321',
  loyaltyProgramName: 'Burger Club',
};

/** Phone numbers the fake loyalty back end knows; anything else is 404 (not a member). */
const identifyAnswers: Record<string, FakeAnswer> = { [PHONE]: { status: 200, json: MEMBER_ANSWER } };
/**
 * Codes the fake Vipps exchange knows (whole code → phone), as Vipps would answer them: the
 * phone form with the number in it, a token with the number behind it; anything else gets the
 * QR API's published refusal, a 400 problem body.
 */
const exchangeAnswers: Record<string, FakeAnswer> = {
  [TOKEN_QR]: { status: 200, json: { msisdn: PHONE } },
  [PHONE_QR]: { status: 200, json: { msisdn: PHONE, timestamp: 1634025600, version: '2.0' } },
  [OTHER_PHONE_QR]: { status: 200, json: { msisdn: OTHER_PHONE, timestamp: 1634025600, version: '2.0' } },
};

let backEnd: FakeIdentifyServer;
/** What each test's fake Vipps answers to check-ins; reset before every test. */
let checkInAnswer: FakeVippsAnswers['checkIn'];

test.beforeEach(async () => {
  checkInAnswer = undefined;
  backEnd = await startFakeIdentify((identifier) => identifyAnswers[identifier] ?? { status: 404, json: { error: { code: 'UserNotFound' } } }, {
    exchange: (qrCode) => exchangeAnswers[qrCode] ?? { status: 400, json: { title: 'Bad request', status: 400, detail: 'The request body contains one or more invalid parameters.', extraDetails: [{ name: 'qrCode', reason: 'The complete data contained in the QR code is required.' }] } },
    checkIn: (body, call) => checkInAnswer?.(body, call) ?? { status: 200, json: {} },
  });
});
/** The kiosk of the running test, so that a failure can show what it logged. */
let shownKiosk: WebShell | null = null;
// eslint-disable-next-line no-empty-pattern
test.afterEach(async ({}, testInfo) => {
  await backEnd.close();
  // Every request to the fake Vipps kept Vipps MobilePay's published OpenAPI files.
  expect(backEnd.vippsProblems).toEqual([]);
  if (shownKiosk && testInfo.status !== testInfo.expectedStatus) {
    const requests = backEnd.requests.map((request) => `${request.url} ${JSON.stringify(request.body)}`).join('\n');
    await testInfo.attach('kiosk log and requests', { body: `${shownKiosk.output()}\n--- requests received:\n${requests}`, contentType: 'text/plain' });
  }
  shownKiosk = null;
});

/** A kiosk on the fake back end for identify and (unless `vipps` is null) for Vipps. */
function fakeConfig(vipps: Record<string, unknown> | null = VIPPS, extra: Record<string, unknown> = {}) {
  // Playwright reads a fixture's dependencies from this destructuring, so it must stay, empty.
  // eslint-disable-next-line no-empty-pattern
  return async ({}, use: (config: unknown) => Promise<void>) => {
    await use({
      ...STORE,
      idleResetSeconds: 30,
      identify: { baseUrl: backEnd.baseUrl, token: 'test-token-123', timeoutMs: 3000 },
      ...(vipps ? { vipps: { baseUrl: backEnd.baseUrl, timeoutMs: 3000, ...vipps } } : {}),
      ...extra,
    });
  };
}

const requestsTo = (path: string): RecordedRequest[] => backEnd.requests.filter((request) => request.url === path);
const identifiers = (): string[] => requestsTo(IDENTIFY_PATH).map((request) => (request.body as { identifier: string }).identifier);
const vippsRequests = (): RecordedRequest[] => backEnd.requests.filter((request) => (Object.values(VIPPS_PATHS) as string[]).includes(request.url));

/** The kiosk's structured log lines (JSON on stderr) with this event name. */
function logEvents(kiosk: WebShell, event: string): Array<Record<string, unknown>> {
  return kiosk
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => entry.event === event);
}

async function openKiosk(page: Page, kiosk: WebShell): Promise<void> {
  shownKiosk = kiosk;
  await page.goto(kiosk.url);
  await expect(page.locator('[data-screen="ready"]')).toBeVisible();
}

const screen = (page: Page) => page.locator('[data-screen]');

function expectIdentifyRequest(request: RecordedRequest | undefined, identifier: string): void {
  expect(request?.method).toBe('POST');
  expect(request?.headers.authorization).toBe('Bearer test-token-123');
  expect(request?.body).toEqual({ identifier, location: { ...STORE, hasLoyalty: true }, content: false });
}

const { productName, version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { productName: string; version: string };
/** Vipps MobilePay asks every integration to name itself on every call: the product's name and version. */
const SYSTEM_HEADERS = {
  'vipps-system-name': productName,
  'vipps-system-version': version,
  'vipps-system-plugin-name': productName,
  'vipps-system-plugin-version': version,
};

function expectTokenRequest(request: RecordedRequest | undefined): void {
  expect(request?.method).toBe('POST');
  expect(request?.headers).toMatchObject({
    ...SYSTEM_HEADERS,
    client_id: VIPPS.clientId,
    client_secret: VIPPS.clientSecret,
    'ocp-apim-subscription-key': VIPPS.subscriptionKey,
    'merchant-serial-number': VIPPS.merchantSerialNumber,
  });
  expect(request?.body).toBe(''); // Vipps' token call has an empty body
}

function expectVippsCallHeaders(request: RecordedRequest | undefined, bearer: string): void {
  expect(request?.method).toBe('POST');
  expect(request?.headers).toMatchObject({
    ...SYSTEM_HEADERS,
    authorization: `Bearer ${bearer}`,
    'ocp-apim-subscription-key': VIPPS.subscriptionKey,
    'merchant-serial-number': VIPPS.merchantSerialNumber,
  });
}

// ---------------------------------------------------------------------------------------------
// Keyboard-wedge scanners: which physical keys they press, and what the PC's OS makes of them

/** Physical keys of a Norwegian keyboard: what a scanner set to the Norwegian layout presses. */
const NO_POSITIONS: Record<string, [code: string, shift: boolean]> = {
  ':': ['Period', true],
  '/': ['Digit7', true],
  '?': ['Minus', true],
  '=': ['Digit0', true],
  '.': ['Period', false],
  '-': ['Slash', false],
  _: ['Slash', true],
};

/**
 * The characters a Norwegian OS produces for a physical key (unshifted, shifted). Written out
 * here, not taken from the kiosk's tables, so the test checks them rather than repeats them.
 */
const NORWEGIAN_HOST: Record<string, [string, string]> = {
  Semicolon: ['ø', 'Ø'],
  Slash: ['-', '_'],
  Equal: ['\\', '`'],
  Period: ['.', ':'],
  Minus: ['+', '?'],
  Comma: [',', ';'],
  Digit7: ['7', '/'],
  Digit0: ['0', '='],
};

/** What a Norwegian OS makes of a physical key: letters and unshifted digits as on any layout. */
function norwegianHostKey(code: string, shift: boolean): string {
  const letter = /^Key([A-Z])$/.exec(code)?.[1];
  if (letter) return shift ? letter : letter.toLowerCase();
  const pair = NORWEGIAN_HOST[code];
  if (pair) return pair[shift ? 1 : 0];
  const digit = /^Digit([0-9])$/.exec(code)?.[1];
  if (digit && !shift) return digit;
  throw new Error(`no Norwegian character for ${shift ? 'Shift+' : ''}${code}`);
}

/** A scanner that presses its own layout's positions, on a PC whose OS uses the Norwegian layout. */
function onNorwegianHost(text: string, scannerPositions: Record<string, [string, boolean]>): WedgeKey[] {
  return [...text].map((char) => {
    const [code, shift] = position(char, scannerPositions);
    return { code, shift, key: norwegianHostKey(code, shift) };
  });
}

/** A US-layout scanner on a US-layout PC (the usual case). */
const scan = wedgeScan;

/**
 * Records the `key` of every keydown the page receives, from a listener added before the page's
 * scripts run, so before the page bridge's (which withholds scanner keys from the UI); returns
 * a reader. Call before `page.goto`.
 */
async function recordKeys(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { seenWedgeKeys: string[] }).seenWedgeKeys = seen;
    window.addEventListener('keydown', (event) => seen.push(event.key), { capture: true });
  });
  return () => page.evaluate(() => (window as unknown as { seenWedgeKeys: string[] }).seenWedgeKeys.filter((key) => key !== 'Enter'));
}

// ---------------------------------------------------------------------------------------------
// Vipps configured: the fake answers identify and Vipps alike

test.describe('with Vipps configured', () => {
  test.use({ kioskConfig: fakeConfig() });

  test('phone form, member: one exchange (Vipps recommends it), the member screen, one identify with the number, then one check-in (isMember: true)', async ({ page, kiosk }) => {
    await openKiosk(page, kiosk);
    await scan(page, PHONE_QR);
    await expect(screen(page)).toHaveAttribute('data-screen', 'member');
    await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible();

    const identify = requestsTo(IDENTIFY_PATH);
    expect(identify).toHaveLength(1);
    expectIdentifyRequest(identify[0], PHONE);

    await expect.poll(() => requestsTo(VIPPS_PATHS.checkIn).length).toBe(1);
    await expect.poll(() => logEvents(kiosk, 'vipps-check-in')).toEqual([expect.objectContaining({ isMember: true, attempts: 1 })]);
    const [checkIn] = requestsTo(VIPPS_PATHS.checkIn);
    expect(checkIn?.body).toEqual({ phoneNumber: PHONE, isMember: true, loyaltyProgramName: VIPPS.loyaltyProgramName });
    expectVippsCallHeaders(checkIn, 'fake-access-token-1');

    const tokens = requestsTo(VIPPS_PATHS.token);
    expect(tokens).toHaveLength(1);
    expectTokenRequest(tokens[0]);
    expect(requestsTo(VIPPS_PATHS.exchange).map((request) => request.body)).toEqual([{ qrCode: PHONE_QR }]);
    // The token, then the exchange, then the identify with the number it gave, then the check-in.
    expect(backEnd.requests.map((request) => request.url)).toEqual([VIPPS_PATHS.token, VIPPS_PATHS.exchange, IDENTIFY_PATH, VIPPS_PATHS.checkIn]);
    await expect(screen(page)).toHaveAttribute('data-screen', 'member');
  });

  test('phone form, not a member (404): the notMember screen tells them to check their phone; check-in with isMember: false', async ({ page, kiosk }) => {
    await openKiosk(page, kiosk);
    await scan(page, OTHER_PHONE_QR);
    await expect(screen(page)).toHaveAttribute('data-screen', 'notMember');
    await expect(page.getByRole('heading', { name: 'Check your phone to join in Vipps' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Joined? Scan again' })).toBeVisible();
    expect(identifiers()).toEqual([OTHER_PHONE]);
    expectIdentifyRequest(requestsTo(IDENTIFY_PATH)[0], OTHER_PHONE);

    await expect.poll(() => requestsTo(VIPPS_PATHS.checkIn).length).toBe(1);
    await expect.poll(() => logEvents(kiosk, 'vipps-check-in')).toEqual([expect.objectContaining({ isMember: false, attempts: 1 })]);
    const [checkIn] = requestsTo(VIPPS_PATHS.checkIn);
    expect(checkIn?.body).toEqual({ phoneNumber: OTHER_PHONE, isMember: false, loyaltyProgramName: VIPPS.loyaltyProgramName });
    expectVippsCallHeaders(checkIn, 'fake-access-token-1');
    expect(requestsTo(VIPPS_PATHS.token)).toHaveLength(1);
    expect(requestsTo(VIPPS_PATHS.exchange).map((request) => request.body)).toEqual([{ qrCode: OTHER_PHONE_QR }]);
  });

  test('token form: one exchange with the whole code, before the identify with the number it gave; member screen', async ({ page, kiosk }) => {
    await openKiosk(page, kiosk);
    await scan(page, TOKEN_QR);
    await expect(screen(page)).toHaveAttribute('data-screen', 'member');
    await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible();

    const exchanges = requestsTo(VIPPS_PATHS.exchange);
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]?.body).toEqual({ qrCode: TOKEN_QR });
    expectVippsCallHeaders(exchanges[0], 'fake-access-token-1');
    expect(identifiers()).toEqual([PHONE]);
    expectIdentifyRequest(requestsTo(IDENTIFY_PATH)[0], PHONE);

    await expect.poll(() => logEvents(kiosk, 'vipps-check-in')).toHaveLength(1);
    const urls = backEnd.requests.map((request) => request.url);
    expect(urls).toEqual([VIPPS_PATHS.token, VIPPS_PATHS.exchange, IDENTIFY_PATH, VIPPS_PATHS.checkIn]);
    expect(requestsTo(VIPPS_PATHS.checkIn)[0]?.body).toEqual({ phoneNumber: PHONE, isMember: true, loyaltyProgramName: VIPPS.loyaltyProgramName });
    expectTokenRequest(requestsTo(VIPPS_PATHS.token)[0]);
  });

  test('token form that Vipps cannot exchange (its published 400): codeProblem "refresh the code", and no identify or check-in', async ({ page, kiosk }) => {
    await openKiosk(page, kiosk);
    await scan(page, 'https://qr.vipps.no/p/unknown-token');
    await expect(screen(page)).toHaveAttribute('data-screen', 'codeProblem');
    await expect(page.locator('body')).toContainText('Refresh the code in your app and scan again.');
    expect(requestsTo(VIPPS_PATHS.exchange).map((request) => request.body)).toEqual([{ qrCode: 'https://qr.vipps.no/p/unknown-token' }]);
    expect(requestsTo(IDENTIFY_PATH)).toHaveLength(0);
    expect(requestsTo(VIPPS_PATHS.checkIn)).toHaveLength(0);
  });

  test('two customers: two check-ins, one access token (cached), both check-ins with the same bearer', async ({ page, kiosk }) => {
    await openKiosk(page, kiosk);
    await scan(page, PHONE_QR);
    await expect(screen(page)).toHaveAttribute('data-screen', 'member');
    await expect.poll(() => logEvents(kiosk, 'vipps-check-in')).toHaveLength(1);

    await page.getByRole('button', { name: 'Done' }).click();
    await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
    await scan(page, OTHER_PHONE_QR);
    await expect(screen(page)).toHaveAttribute('data-screen', 'notMember');
    await expect.poll(() => logEvents(kiosk, 'vipps-check-in')).toHaveLength(2);

    expect(identifiers()).toEqual([PHONE, OTHER_PHONE]);
    const checkIns = requestsTo(VIPPS_PATHS.checkIn);
    expect(checkIns.map((request) => request.body)).toEqual([
      { phoneNumber: PHONE, isMember: true, loyaltyProgramName: VIPPS.loyaltyProgramName },
      { phoneNumber: OTHER_PHONE, isMember: false, loyaltyProgramName: VIPPS.loyaltyProgramName },
    ]);
    expect(requestsTo(VIPPS_PATHS.token)).toHaveLength(1);
    expectVippsCallHeaders(checkIns[0], 'fake-access-token-1');
    expectVippsCallHeaders(checkIns[1], 'fake-access-token-1');
  });

  test('a check-in that keeps failing (500) never changes the screen, and is tried 3 times, no more', async ({ page, kiosk }) => {
    checkInAnswer = () => ({ status: 500, json: { error: 'boom' } });
    await openKiosk(page, kiosk);
    await scan(page, PHONE_QR);
    await expect(screen(page)).toHaveAttribute('data-screen', 'member');
    await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible();

    // Attempts at about 0 s, 1 s and 4 s; then the sender logs that it gave up.
    await expect.poll(() => requestsTo(VIPPS_PATHS.checkIn).length, { timeout: 10_000 }).toBe(3);
    await expect.poll(() => logEvents(kiosk, 'vipps-check-in-failed'), { timeout: 10_000 }).toEqual([expect.objectContaining({ isMember: true, attempts: 3 })]);
    expect(requestsTo(VIPPS_PATHS.checkIn)).toHaveLength(3);
    for (const checkIn of requestsTo(VIPPS_PATHS.checkIn)) {
      expect(checkIn.body).toEqual({ phoneNumber: PHONE, isMember: true, loyaltyProgramName: VIPPS.loyaltyProgramName });
      expectVippsCallHeaders(checkIn, 'fake-access-token-1');
    }
    expect(logEvents(kiosk, 'vipps-check-in-retry')).toHaveLength(2);
    expect(requestsTo(VIPPS_PATHS.token)).toHaveLength(1); // a 500 is not a stale token
    expect(identifiers()).toEqual([PHONE]);

    // All along, and still: the customer's own screen.
    await expect(screen(page)).toHaveAttribute('data-screen', 'member');
    await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible();
    await expect(page.getByTestId('points')).toHaveText('14,464');
    // The log names no phone number.
    expect(kiosk.output()).not.toContain(PHONE);
  });
});

test.describe('with Vipps configured without a loyalty programme name', () => {
  test.use({ kioskConfig: fakeConfig({ ...VIPPS, loyaltyProgramName: undefined }) });

  test('the check-in body has no loyaltyProgramName key', async ({ page, kiosk }) => {
    await openKiosk(page, kiosk);
    await scan(page, PHONE_QR);
    await expect(screen(page)).toHaveAttribute('data-screen', 'member');
    await expect.poll(() => requestsTo(VIPPS_PATHS.checkIn).length).toBe(1);
    const body = requestsTo(VIPPS_PATHS.checkIn)[0]?.body as Record<string, unknown>;
    expect(body).toEqual({ phoneNumber: PHONE, isMember: true });
    expect(Object.keys(body)).not.toContain('loyaltyProgramName');
  });
});

test.describe('without a vipps section (identify only): phone-form codes refused by default', () => {
  test.use({ kioskConfig: fakeConfig(null) });

  test('the phone form: "Please show the code in your app", and no request at all', async ({ page, kiosk }) => {
    await openKiosk(page, kiosk);
    await scan(page, PHONE_QR);
    await expect(screen(page)).toHaveAttribute('data-screen', 'codeProblem');
    await expect(page.locator('body')).toContainText('Please show the code in your app');
    await expect(page.locator('body')).toContainText('This code holds only a phone number');
    await expect(page.getByTestId('countdown')).toBeVisible();
    expect(backEnd.requests).toEqual([]);
  });
});

test.describe('without a vipps section, phone-form codes read locally (personalQr.phoneForm "local", the chain\'s choice)', () => {
  test.use({ kioskConfig: fakeConfig(null, { personalQr: { phoneForm: 'local' } }) });

  test('the phone form identifies with the number in it (member), with no Vipps request at all', async ({ page, kiosk }) => {
    await openKiosk(page, kiosk);
    await scan(page, PHONE_QR);
    await expect(screen(page)).toHaveAttribute('data-screen', 'member');
    await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible();
    expect(identifiers()).toEqual([PHONE]);
    expectIdentifyRequest(requestsTo(IDENTIFY_PATH)[0], PHONE);
    expect(logEvents(kiosk, 'config-loaded')).toEqual([expect.objectContaining({ backEnd: 'identify', vipps: 'off', numberQr: 'local' })]);

    // Another round trip through main after the member screen: a check-in would have gone by now.
    await scan(page, '100001');
    await expect(screen(page)).toHaveAttribute('data-screen', 'codeProblem');
    expect(identifiers()).toEqual([PHONE, '100001']);
    expect(vippsRequests()).toEqual([]);
    expect(logEvents(kiosk, 'vipps-check-in')).toEqual([]);
    expect(logEvents(kiosk, 'vipps-check-in-failed')).toEqual([]);
  });

  test('a non-member phone gets the plain notMember text (Vipps was not told)', async ({ page, kiosk }) => {
    await openKiosk(page, kiosk);
    await scan(page, OTHER_PHONE_QR);
    await expect(screen(page)).toHaveAttribute('data-screen', 'notMember');
    await expect(page.locator('body')).toContainText('Ask at the till how to join');
    await expect(page.locator('body')).not.toContainText('Check your phone');
    expect(identifiers()).toEqual([OTHER_PHONE]);
    expect(vippsRequests()).toEqual([]);
  });

  test('the token form: codeProblem "This Vipps code is not accepted here", and no request at all', async ({ page, kiosk }) => {
    await openKiosk(page, kiosk);
    await scan(page, TOKEN_QR);
    await expect(screen(page)).toHaveAttribute('data-screen', 'codeProblem');
    await expect(page.locator('body')).toContainText('This Vipps code is not accepted here');
    expect(backEnd.requests).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Scanners on a Norwegian PC

test('the Norwegian host table garbles a US scanner as described (a check of the helper itself)', () => {
  const keys = onNorwegianHost(PHONE_QR, US_POSITIONS);
  expect(keys.map((k) => k.key).join('')).toBe('httpsØ--qr.vipps.no-28-2-01-031-4712345678_v\\1');
  expect(keys.find((k) => k.code === 'Semicolon')).toEqual({ key: 'Ø', code: 'Semicolon', shift: true });
  const norwegian = onNorwegianHost(PHONE_QR, NO_POSITIONS);
  expect(norwegian.map((k) => k.key).join('')).toBe(PHONE_QR);
});

test.describe('a US-layout scanner on a Norwegian PC (kiosk: default scanner layout "us")', () => {
  test.use({ kioskConfig: fakeConfig() });

  test('the phone-form URL arrives as "httpsØ--…_v\\1" and is still read: member, identify with the number', async ({ page, kiosk }) => {
    const seen = await recordKeys(page);
    await openKiosk(page, kiosk);
    await wedgeScanKeys(page, onNorwegianHost(PHONE_QR, US_POSITIONS));
    await expect(screen(page)).toHaveAttribute('data-screen', 'member');
    await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible();
    expect(identifiers()).toEqual([PHONE]);
    expectIdentifyRequest(requestsTo(IDENTIFY_PATH)[0], PHONE);
    await expect.poll(() => requestsTo(VIPPS_PATHS.checkIn).map((request) => request.body)).toEqual([
      { phoneNumber: PHONE, isMember: true, loyaltyProgramName: VIPPS.loyaltyProgramName },
    ]);
    // The page really got the Norwegian characters (seen by a listener registered before the bridge's).
    expect((await seen()).join('')).toContain('httpsØ--qr.vipps.no-28');
  });

  test('the token form too: the exchange gets the code as meant, not as the OS typed it', async ({ page, kiosk }) => {
    await openKiosk(page, kiosk);
    await wedgeScanKeys(page, onNorwegianHost(TOKEN_QR, US_POSITIONS));
    await expect(screen(page)).toHaveAttribute('data-screen', 'member');
    expect(requestsTo(VIPPS_PATHS.exchange).map((request) => request.body)).toEqual([{ qrCode: TOKEN_QR }]);
    expect(identifiers()).toEqual([PHONE]);
  });
});

test.describe('the same US-layout scanner with the kiosk told to trust the OS (scanners.keyboard.layout "host")', () => {
  test.use({ kioskConfig: fakeConfig(VIPPS, { scanners: { keyboard: { layout: 'host' } } }) });

  test('the garbled characters are taken as typed: not a loyalty code, and no request at all', async ({ page, kiosk }) => {
    await openKiosk(page, kiosk);
    await wedgeScanKeys(page, onNorwegianHost(PHONE_QR, US_POSITIONS));
    await expect(screen(page)).toHaveAttribute('data-screen', 'codeProblem');
    await expect(page.locator('body')).toContainText('That is not a loyalty code');
    expect(backEnd.requests).toEqual([]);
  });
});

test.describe('a scanner set to the Norwegian layout on a Norwegian PC (scanners.keyboard.layout "no")', () => {
  test.use({ kioskConfig: fakeConfig(VIPPS, { scanners: { keyboard: { layout: 'no' } } }) });

  test('Norwegian key positions with the right characters: member, identify with the number', async ({ page, kiosk }) => {
    await openKiosk(page, kiosk);
    await wedgeScanKeys(page, onNorwegianHost(PHONE_QR, NO_POSITIONS));
    await expect(screen(page)).toHaveAttribute('data-screen', 'member');
    await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible();
    expect(identifiers()).toEqual([PHONE]);
    expectIdentifyRequest(requestsTo(IDENTIFY_PATH)[0], PHONE);
    await expect.poll(() => requestsTo(VIPPS_PATHS.checkIn).length).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------
// The embedded sandbox (no identify, no vipps section): its own Vipps with its own members.

test.describe('on the embedded sandbox', () => {
  test.use({ kioskConfig: { idleResetSeconds: 30 } });

  test('the phone form of Kari (a member): member screen "Hi Kari!", and the sandbox accepted the check-in', async ({ page, kiosk }) => {
    await openKiosk(page, kiosk);
    await scan(page, PHONE_QR);
    await expect(screen(page)).toHaveAttribute('data-screen', 'member');
    await expect(page.getByRole('heading', { name: 'Hi Kari!' })).toBeVisible();
    await expect(page.getByTestId('points')).toHaveText('820');
    // The sandbox checks credentials, token and body: a check-in it refused would log a failure.
    await expect.poll(() => logEvents(kiosk, 'vipps-check-in')).toEqual([expect.objectContaining({ isMember: true, attempts: 1 })]);
    expect(logEvents(kiosk, 'vipps-check-in-failed')).toEqual([]);
  });

  test('the token form of Ola (not a member): notMember, told to check his phone', async ({ page, kiosk }) => {
    await openKiosk(page, kiosk);
    await scan(page, 'https://qr.vipps.no/p/sandbox-ola');
    await expect(screen(page)).toHaveAttribute('data-screen', 'notMember');
    await expect(page.locator('body')).toContainText('Check your phone to join in Vipps');
    await expect.poll(() => logEvents(kiosk, 'vipps-check-in')).toEqual([expect.objectContaining({ isMember: false, attempts: 1 })]);
    expect(logEvents(kiosk, 'vipps-check-in-failed')).toEqual([]);
  });
});

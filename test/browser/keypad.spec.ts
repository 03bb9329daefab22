/**
 * Typing the code, on the web shell against a back end and a till that record what they get: a
 * member identified by touch and by a keyboard at a person's pace (the same identify request and
 * hand-off as a scan, logged and counted as typed, never with its digits); a wrong code; the rest
 * after three wrong codes, a scan working through it; a scan while the keypad is open; the
 * keypad closing itself when left alone; in Norwegian; turned off in the config and by staff.
 */
import type { Page } from '@playwright/test';
import { english as t, norwegian as nb } from '../helpers/catalogue';
import { closedPort, MEMBER_ANSWER, startFakeIdentify, type FakeIdentifyServer } from '../helpers/fake-identify-server';
import { startFakeTill, type FakeTill } from '../helpers/fake-till';
import { expect, test } from '../helpers/fixtures';
import { DEMO_PIN, DEMO_PIN_HASH } from '../helpers/demo-pin';
import type { WebShell } from '../helpers/web-shell';
import { wedgeScan } from '../helpers/wedge';

const MEMBER_CODE = '100001';
const METRICS_TOKEN = 'keypad-metrics-token-0123456789';
const SECRET = 'till-secret-0123456789abcdef';
const PIN_HASH = DEMO_PIN_HASH;

let backEnd: FakeIdentifyServer;
let till: FakeTill;
let metricsPort = 0;
test.beforeEach(async () => {
  backEnd = await startFakeIdentify((identifier) => (identifier === MEMBER_CODE ? { status: 200, json: MEMBER_ANSWER } : { status: 404, json: { error: { code: 'UserNotFound' } } }));
  till = await startFakeTill(SECRET);
  metricsPort = await closedPort();
});
test.afterEach(async () => {
  await till.close();
  await backEnd.close();
});

type Use = (config: unknown) => Promise<void>;
/** A kiosk on the recording back end, till and metrics endpoint; `extra` merged over it. */
const kioskOn = (extra: Record<string, unknown> = {}) =>
  // Playwright reads a fixture's dependencies from this destructuring: none, so it stays empty.
  // eslint-disable-next-line no-empty-pattern
  async ({}, use: Use) =>
    use({
      storeId: '4242',
      terminalId: 'kiosk-7',
      idleResetSeconds: 30,
      identify: { baseUrl: backEnd.baseUrl, token: 'test-token-123', timeoutMs: 4000 },
      handoff: { url: till.url, secret: SECRET },
      telemetry: { prometheus: { port: metricsPort, token: METRICS_TOKEN } },
      staff: { pinHash: PIN_HASH },
      ...extra,
    });
test.use({ kioskConfig: kioskOn() });

const screen = (page: Page) => page.locator('main[data-screen]');
const keypad = (page: Page) => page.getByRole('dialog', { name: t('keypad.title') });
const key = (page: Page, name: string) => keypad(page).getByRole('button', { name, exact: true });
const boxes = (page: Page) => page.getByTestId('typed-code');
const identifiers = () => backEnd.requests.map((request) => (request.body as { identifier: string }).identifier);

async function ready(page: Page, kiosk: WebShell): Promise<void> {
  await page.goto(kiosk.url);
  await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
}

async function openKeypad(page: Page): Promise<void> {
  await page.getByRole('button', { name: t('ready.typeCode') }).click();
  await expect(keypad(page)).toBeVisible();
}

/** Touches each digit of `code` on the keypad. */
async function touchCode(page: Page, code: string): Promise<void> {
  for (const digit of code) await key(page, digit).click();
  await expect(boxes(page)).toHaveText(code);
}

async function metric(series: string): Promise<number | null> {
  const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : null;
}

/** The result screen's main button: Done, or Try again after a problem. */
async function done(page: Page): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^(${t('common.done')}|${t('common.tryAgain')})$`) }).click();
  await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
}

test('a member identified by typing the code: the request, the screen and the hand-off of a scan; logged and counted as typed, without its digits', async ({ page, kiosk }) => {
  await ready(page, kiosk);
  await openKeypad(page);
  await expect(keypad(page).getByRole('heading', { name: t('keypad.title') })).toBeFocused();
  await expect(key(page, t('keypad.submit'))).toBeDisabled();
  await touchCode(page, MEMBER_CODE.slice(0, 5));
  await expect(key(page, t('keypad.submit'))).toBeDisabled(); // only with 6 digits
  await key(page, '7').click();
  await key(page, t('keypad.delete')).click(); // a wrong last digit, taken back
  await key(page, MEMBER_CODE.at(-1)!).click();
  await expect(page.getByTestId('keypad-status')).toHaveText(t('keypad.entered', { count: 6, digits: [...MEMBER_CODE].join(' ') }));
  await key(page, t('keypad.submit')).click();
  await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible();
  await expect(keypad(page)).toHaveCount(0);
  await expect.poll(() => till.deliveries.length).toBe(1);
  await done(page);

  // The same code scanned: the same request, the same hand-off.
  await wedgeScan(page, MEMBER_CODE);
  await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible();
  // The fake back end answers both with one transaction: the till takes it once, as it should.
  await expect.poll(() => till.deliveries.length).toBe(2);
  expect(identifiers()).toEqual([MEMBER_CODE, MEMBER_CODE]);
  expect(backEnd.requests[0]?.body).toEqual(backEnd.requests[1]?.body);
  expect(backEnd.requests[0]?.body).toEqual({ identifier: MEMBER_CODE, location: { storeId: '4242', terminalId: 'kiosk-7', hasLoyalty: true }, content: false });
  const [typed, scanned] = till.deliveries.map((delivery) => {
    const { identifiedAt, ...rest } = JSON.parse(delivery.body) as Record<string, unknown>;
    return identifiedAt ? rest : null;
  });
  expect(typed).toMatchObject({ kind: 'member', firstName: 'Farhan' });
  expect(typed).toEqual(scanned);

  expect(kiosk.output()).toMatch(/"event":"session","scanner":"keypad","type":"identified","scanKind":"otp","outcome":"member"/);
  expect(kiosk.output()).not.toContain(MEMBER_CODE);
  expect(await metric('kiosk_scans_total{scanner="keypad",outcome="member"}')).toBe(1);
  expect(await metric('kiosk_scans_total{scanner="keyboard",outcome="member"}')).toBe(1);
});

test("a person's keyboard at a person's pace: digits, Backspace, Enter; Escape cancels and clears", async ({ page, kiosk }) => {
  await ready(page, kiosk);
  await openKeypad(page);
  await page.keyboard.type('12', { delay: 150 });
  await expect(boxes(page)).toHaveText('12');
  await page.waitForTimeout(300);
  await page.keyboard.press('Escape');
  await expect(keypad(page)).toHaveCount(0);
  await openKeypad(page);
  await expect(boxes(page)).toHaveText('');
  await page.keyboard.type('10009', { delay: 150 });
  await page.waitForTimeout(300);
  await page.keyboard.press('Backspace');
  await page.keyboard.type('01', { delay: 150 });
  await expect(boxes(page)).toHaveText(MEMBER_CODE);
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible();
  expect(identifiers()).toEqual([MEMBER_CODE]);
  expect(kiosk.output()).not.toContain('scan-voided'); // typing is not a lost scan
});

test('the focus stays inside the keypad, whatever Tab does', async ({ page, kiosk }) => {
  await ready(page, kiosk);
  await openKeypad(page);
  for (let press = 0; press < 20; press++) {
    await page.keyboard.press(press % 3 === 2 ? 'Shift+Tab' : 'Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
  }
});

test('a wrong typed code shows codeProblem', async ({ page, kiosk }) => {
  await ready(page, kiosk);
  await openKeypad(page);
  await touchCode(page, '100404');
  await key(page, t('keypad.submit')).click();
  await expect(screen(page)).toHaveAttribute('data-screen', 'codeProblem');
  await expect(page.getByRole('heading', { name: t('codeProblem.notFound.title') })).toBeVisible();
  expect(identifiers()).toEqual(['100404']);
});

test('three wrong typed codes rest the keypad, said in plain words, logged and counted; a scan still works meanwhile', async ({ page, kiosk }) => {
  test.setTimeout(90_000); // three codes typed and answered, then a scan
  await ready(page, kiosk);
  for (const code of ['100404', '100405', '100406']) {
    await openKeypad(page);
    await touchCode(page, code);
    await key(page, t('keypad.submit')).click();
    await expect(screen(page)).toHaveAttribute('data-screen', 'codeProblem');
    await done(page);
  }
  await openKeypad(page);
  await expect(keypad(page)).toContainText(/Too many wrong codes\. You can type a code again in (2\d|30) s\. Scanning works as usual\./);
  await expect(key(page, '1')).toBeDisabled();
  await key(page, '1').click({ force: true });
  await expect(boxes(page)).toHaveText('');
  // A page that submits anyway (a hostile or reloaded one) is refused by main.
  expect(await page.evaluate(() => window.kiosk?.keypadSubmit('100001'))).toEqual({ ok: false, reason: 'resting' });
  expect(identifiers()).toHaveLength(3);

  await wedgeScan(page, MEMBER_CODE);
  await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible();
  expect(identifiers()).toEqual(['100404', '100405', '100406', MEMBER_CODE]);
  expect(kiosk.output()).toMatch(/"event":"keypad-resting","seconds":30,"wrongCodes":3/);
  expect(await metric('kiosk_keypad_rests_total')).toBe(1);
  expect(await metric('kiosk_scans_total{scanner="keypad",outcome="codeProblem"}')).toBe(3);
  expect(await metric('kiosk_scans_total{scanner="keypad",outcome="ignored"}')).toBe(1);
});

test('a scan while the keypad is open wins: it closes the keypad and identifies what was scanned', async ({ page, kiosk }) => {
  await ready(page, kiosk);
  await openKeypad(page);
  await touchCode(page, '99');
  await wedgeScan(page, MEMBER_CODE);
  await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible();
  await expect(keypad(page)).toHaveCount(0);
  expect(identifiers()).toEqual([MEMBER_CODE]);
  await done(page);
  await openKeypad(page);
  await expect(boxes(page)).toHaveText(''); // nothing of the scanner's keys, nor of the digits before
});

test.describe('left alone', () => {
  test.use({ kioskConfig: kioskOn({ idleResetSeconds: 3 }) });

  test('the keypad closes itself after the idle time, and its digits are gone', async ({ page, kiosk }) => {
    await ready(page, kiosk);
    await openKeypad(page);
    await touchCode(page, '123');
    await expect(keypad(page)).toHaveCount(0, { timeout: 6000 });
    await openKeypad(page);
    await expect(boxes(page)).toHaveText('');
    await expect(key(page, t('keypad.submit'))).toBeDisabled();
    expect(identifiers()).toEqual([]);
  });
});

test.describe('in Norwegian', () => {
  test.use({ kioskConfig: kioskOn({ locale: 'nb' }) });

  test('the button, the keypad and what it says are Norwegian', async ({ page, kiosk }) => {
    await ready(page, kiosk);
    await page.getByRole('button', { name: nb('ready.typeCode') }).click();
    const dialog = page.getByRole('dialog', { name: nb('keypad.title') });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(nb('keypad.body'));
    await expect(dialog.getByRole('button', { name: nb('keypad.delete') })).toBeVisible();
    await expect(dialog.getByRole('button', { name: nb('keypad.cancel') })).toBeVisible();
    for (const digit of '10000') await dialog.getByRole('button', { name: digit, exact: true }).click();
    await expect(page.getByTestId('keypad-status')).toHaveText(nb('keypad.entered', { count: 5, digits: '1 0 0 0 0' }));
    await dialog.getByRole('button', { name: '1', exact: true }).click();
    await dialog.getByRole('button', { name: nb('keypad.submit'), exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Hei, Farhan!' })).toBeVisible();
  });
});

test.describe('turned off', () => {
  test.use({ kioskConfig: kioskOn({ scanners: { keypad: { enabled: false } } }) });

  test('in the config: no "Type your code", and main refuses to open it or take a code', async ({ page, kiosk }) => {
    await ready(page, kiosk);
    await expect(page.getByRole('heading', { name: t('ready.title') })).toBeVisible();
    await expect(page.getByRole('button', { name: t('ready.typeCode') })).toHaveCount(0);
    expect(await page.evaluate(() => window.kiosk?.keypadOpen())).toMatchObject({ enabled: false, open: false });
    expect(await page.evaluate(() => window.kiosk?.keypadSubmit('100001'))).toEqual({ ok: false, reason: 'off' });
    await expect(keypad(page)).toHaveCount(0);
    expect(identifiers()).toEqual([]);
  });
});

test('staff turn it off in staff mode, and the button goes at once', async ({ page, kiosk }) => {
  await ready(page, kiosk);
  await expect(page.getByRole('button', { name: t('ready.typeCode') })).toBeVisible();
  await page.keyboard.press('Control+Alt+KeyS');
  for (const digit of DEMO_PIN) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: t('staff.ok'), exact: true }).click();
  const field = page.getByLabel(t('staff.fields.keypad'));
  await expect(field).toBeChecked();
  await field.uncheck();
  await page.getByRole('button', { name: t('staff.save') }).click();
  await expect(page.getByText(t('staff.saved'))).toBeVisible();
  await page.getByRole('button', { name: t('staff.leave') }).click();
  await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
  await expect(page.getByRole('button', { name: t('ready.typeCode') })).toHaveCount(0);
});

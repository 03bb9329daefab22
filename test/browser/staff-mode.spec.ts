/**
 * Staff mode on the web shell, as staff use it: the two ways in, the PIN pad with its lockout,
 * the settings form typed into with real keys, saving (applied live, written beside the app's
 * data), invalid and locked fields, secrets that never reach the page, "Test connection" in
 * its four outcomes against a test server, and closing after 60 s without input.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { english as t } from '../helpers/catalogue';
import { expect, test as base } from '../helpers/fixtures';
import { closedPort, startFakeIdentify, TEST_VIPPS_CREDENTIALS, type FakeAnswer, type FakeIdentifyServer } from '../helpers/fake-identify-server';
import { wedgeScan } from '../helpers/wedge';

/** The demo PIN 246810 (assets/sandbox-config.json). */
const PIN = '246810';
const PIN_HASH = (JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../assets/sandbox-config.json'), 'utf8')) as { staff: { pinHash: string } }).staff.pinHash;

const IDENTIFY_TOKEN = 'file-token-SECRET123';
const SECRETS = [IDENTIFY_TOKEN, TEST_VIPPS_CREDENTIALS.clientSecret, TEST_VIPPS_CREDENTIALS.subscriptionKey];

/** `backEnd`: a fake identify server per test, answering by identifier (default 404). */
const test = base.extend<{ answers: Record<string, FakeAnswer>; backEnd: FakeIdentifyServer }>({
  answers: [{}, { option: true }],
  backEnd: async ({ answers }, use) => {
    const server = await startFakeIdentify((identifier) => answers[identifier] ?? { status: 404, json: { error: { code: 'UserNotFound' } } });
    await use(server);
    await server.close();
  },
});

/** A kiosk on the fake back end with the demo PIN; `extra` is merged over it. */
const onBackEnd =
  (extra: (baseUrl: string) => Record<string, unknown> = () => ({})) =>
  async ({ backEnd }: { backEnd: FakeIdentifyServer }, use: (config: unknown) => Promise<void>) => {
    await use({
      storeId: '4242',
      terminalId: 'kiosk-7',
      idleResetSeconds: 30,
      identify: { baseUrl: backEnd.baseUrl, token: IDENTIFY_TOKEN, timeoutMs: 3000 },
      staff: { pinHash: PIN_HASH },
      ...extra(backEnd.baseUrl),
    });
  };

const screen = (page: Page) => page.locator('main[data-screen]');
const pinTitle = (page: Page) => page.getByRole('heading', { name: t('staff.pinTitle') });
const panelTitle = (page: Page) => page.getByRole('heading', { name: t('staff.panelTitle'), level: 1 });
const pinMessage = (page: Page) => page.locator('.staff-message');
const staffFile = (configPath: string) => path.join(path.dirname(configPath), 'staff-settings.json');

async function gotoReady(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
}

async function openPinPadByShortcut(page: Page): Promise<void> {
  await page.keyboard.press('Control+Alt+KeyS');
  await expect(pinTitle(page)).toBeVisible();
  await expect(screen(page)).toHaveAttribute('data-screen', 'staff');
}

/** Types a PIN on the on-screen pad and presses OK; resolves once main has answered. */
async function submitPin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click();
  await expect(page.locator('.pin-dots')).toHaveAttribute('aria-label', t('staff.pinEntered', { count: pin.length }));
  await page.getByRole('button', { name: t('staff.ok'), exact: true }).click();
}

/** Opens staff mode with the right PIN and waits for the settings form. */
async function openStaffPanel(page: Page): Promise<void> {
  await openPinPadByShortcut(page);
  await submitPin(page, PIN);
  await expect(panelTitle(page)).toBeVisible();
  await expect(page.getByLabel('Terminal ID')).toBeVisible();
  await expect(screen(page)).toHaveAttribute('data-screen', 'staff');
}

/** Replaces a text field's content with real key presses (select all, then type). */
async function typeInto(page: Page, label: string, text: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await field.pressSequentially(text);
  await expect(field).toHaveValue(text);
}

/** What main says when the page asks for the settings: "closed" when it refuses. */
function settingsAsked(page: Page): Promise<string> {
  return page.evaluate(() =>
    window.kiosk
      ? window.kiosk.staffSettings().then(
          () => 'open',
          (error: Error) => (/Staff mode is closed/.test(error.message) ? 'closed' : error.message),
        )
      : 'no bridge',
  );
}

/**
 * Stops the page's (installed) clock, so that only `fastForward` moves its timers and `performance.now()`.
 * The page's clock keeps running while we ask for its time, and `pauseAt` cannot go back: on a loaded
 * machine the time read can be passed before the pause arrives, so aim a second ahead and ask again if
 * even that was passed.
 */
async function pauseClock(page: Page): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const now = await page.evaluate(() => Date.now());
    try {
      await page.clock.pauseAt(now + 1000);
      return;
    } catch (error) {
      if (attempt >= 5 || !/to the past/.test(String(error))) throw error;
    }
  }
}

async function leaveStaff(page: Page): Promise<void> {
  await page.getByRole('button', { name: t('staff.leave') }).click();
  await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
  await expect.poll(() => settingsAsked(page)).toBe('closed');
}

test.describe('getting in', () => {
  test.use({ kioskConfig: onBackEnd() });

  test('Ctrl+Alt+S opens the PIN pad (data-screen="staff"); Cancel goes back to ready', async ({ page, kiosk }) => {
    await gotoReady(page, kiosk.url);
    await openPinPadByShortcut(page);
    for (const name of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', t('staff.clear'), t('staff.ok')]) {
      await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
    }
    // Only the pad: nothing of the panel before the PIN, and main refuses staff requests.
    await expect(panelTitle(page)).toHaveCount(0);
    expect(await settingsAsked(page)).toBe('closed');
    await page.getByRole('button', { name: t('staff.cancel') }).click();
    await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
  });

  test('five taps on the top-left corner open the PIN pad; four do not', async ({ page, kiosk }) => {
    // Paused, so that five clicks on a loaded machine still fall within the 3 s.
    await page.clock.install();
    await gotoReady(page, kiosk.url);
    await pauseClock(page);
    const corner = page.getByTestId('staff-corner');
    for (let tap = 0; tap < 4; tap += 1) await corner.click();
    await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
    await corner.click();
    await expect(pinTitle(page)).toBeVisible();
    await expect(screen(page)).toHaveAttribute('data-screen', 'staff');
  });

  test('taps spread over more than 3 s do not open it', async ({ page, kiosk }) => {
    await page.clock.install();
    await gotoReady(page, kiosk.url);
    await pauseClock(page);
    const corner = page.getByTestId('staff-corner');
    for (let tap = 0; tap < 4; tap += 1) await corner.click();
    await page.clock.fastForward(3100);
    await corner.click(); // the fifth tap, but the first four are too old now
    await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
    for (let tap = 0; tap < 3; tap += 1) await corner.click();
    await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
    await corner.click(); // five within 3 s
    await expect(pinTitle(page)).toBeVisible();
  });

  test('the right PIN opens the staff panel; "Leave staff mode" returns to ready and main closes too', async ({ page, kiosk, backEnd }) => {
    await gotoReady(page, kiosk.url);
    await openStaffPanel(page);
    await expect(page.getByLabel('Store ID')).toHaveValue('4242');
    await expect(page.getByLabel('Terminal ID')).toHaveValue('kiosk-7');
    await expect(page.getByLabel('Identify URL')).toHaveValue(backEnd.baseUrl);
    await expect(page.getByLabel('Has loyalty')).toBeChecked();
    await expect(page.getByLabel('Idle reset seconds')).toHaveValue('30');
    await expect(page.getByLabel('Language')).toHaveValue('en');
    await expect(page.getByRole('heading', { name: t('staff.healthTitle') })).toBeVisible();
    expect(await settingsAsked(page)).toBe('open');
    await leaveStaff(page);
  });

  test('five wrong PINs lock staff mode, and then even the right PIN is refused', async ({ page, kiosk }) => {
    await gotoReady(page, kiosk.url);
    await openPinPadByShortcut(page);
    for (const left of [4, 3, 2, 1]) {
      await submitPin(page, '1111');
      await expect(pinMessage(page)).toHaveText(t('staff.wrongPin', { count: left }));
    }
    await expect(pinMessage(page)).toHaveText('Wrong PIN. 1 try left before staff mode locks for five minutes.');
    await submitPin(page, '1111');
    await expect(pinMessage(page)).toHaveText(t('staff.locked', { minutes: 5 }));
    await expect(pinMessage(page)).toContainText('locked');

    // The right PIN now: main answers (the dots clear), still locked, the panel stays shut.
    await submitPin(page, PIN);
    await expect(page.locator('.pin-dots')).toHaveAttribute('aria-label', t('staff.pinEntered', { count: 0 }));
    await expect(page.getByRole('button', { name: t('staff.ok'), exact: true })).toBeDisabled();
    await expect(pinMessage(page)).toHaveText(t('staff.locked', { minutes: 5 }));
    await expect(panelTitle(page)).toHaveCount(0);
    expect(await page.evaluate(() => window.kiosk?.staffUnlock('246810'))).toMatchObject({ ok: false, reason: 'locked' });
    expect(await settingsAsked(page)).toBe('closed');
  });
});

test.describe('without a PIN configured', () => {
  test.use({ kioskConfig: { idleResetSeconds: 30 } });

  test('staff mode says it has no PIN and stays closed', async ({ page, kiosk }) => {
    await gotoReady(page, kiosk.url);
    await openPinPadByShortcut(page);
    await submitPin(page, PIN);
    await expect(pinMessage(page)).toHaveText(t('staff.noPin'));
    await expect(panelTitle(page)).toHaveCount(0);
    expect(await settingsAsked(page)).toBe('closed');
    await page.getByRole('button', { name: t('staff.cancel') }).click();
    await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
  });
});

test.describe('settings', () => {
  test.use({ kioskConfig: onBackEnd() });

  test('a new Terminal ID, typed with real keys and saved, is written and applied to the next identify request', async ({ page, kiosk, backEnd }) => {
    await gotoReady(page, kiosk.url);
    await openStaffPanel(page);
    await typeInto(page, 'Terminal ID', 'kiosk-42');
    // Typing in the form is staff's, not a scanner's: nothing was withheld and nothing was scanned.
    expect(backEnd.requests).toHaveLength(0);
    await page.getByRole('button', { name: t('staff.save') }).click();
    await expect(page.getByText(t('staff.saved'))).toBeVisible();
    await expect(page.getByLabel('Terminal ID')).toHaveValue('kiosk-42');

    const file = staffFile(kiosk.configPath);
    expect(existsSync(file)).toBe(true);
    const written = readFileSync(file, 'utf8');
    expect(JSON.parse(written)).toMatchObject({ settings: { terminalId: 'kiosk-42' } });
    for (const secret of SECRETS) expect(written).not.toContain(secret);
    // The provisioning file is left as it was.
    expect(JSON.parse(readFileSync(kiosk.configPath, 'utf8'))).toMatchObject({ terminalId: 'kiosk-7' });

    await leaveStaff(page);
    expect(backEnd.requests).toHaveLength(0);
    await wedgeScan(page, '123456');
    await expect.poll(() => backEnd.requests.length).toBe(1);
    expect(backEnd.requests[0]?.body).toMatchObject({ identifier: '123456', location: { storeId: '4242', terminalId: 'kiosk-42' } });
    await expect(screen(page)).toHaveAttribute('data-screen', 'codeProblem');
  });

  test('a scanner-fast burst of keys into a staff field arrives as text and never triggers a scan', async ({ page, kiosk, backEnd }) => {
    await gotoReady(page, kiosk.url);
    await openStaffPanel(page);
    const field = page.getByLabel('Terminal ID');
    await field.click();
    await page.keyboard.press('ControlOrMeta+a');
    // Keys 4 ms apart ending in Enter, exactly as a wedge scanner types a loyalty code.
    await wedgeScan(page, '998877');
    // The Enter submitted the form (the browser's implicit submission): saved, not scanned.
    await expect(page.getByText(t('staff.saved'))).toBeVisible();
    await expect(field).toHaveValue('998877');
    await expect(screen(page)).toHaveAttribute('data-screen', 'staff');
    expect(JSON.parse(readFileSync(staffFile(kiosk.configPath), 'utf8'))).toMatchObject({ settings: { terminalId: '998877' } });
    expect(backEnd.requests).toHaveLength(0);
    await leaveStaff(page);
    expect(backEnd.requests).toHaveLength(0);
  });

  test('invalid input is named beside its field; nothing is written and the old config still applies', async ({ page, kiosk, backEnd }) => {
    await gotoReady(page, kiosk.url);
    await openStaffPanel(page);
    await typeInto(page, 'Identify URL', 'http://example.com');
    await typeInto(page, 'Idle reset seconds', '1');
    await page.getByRole('button', { name: t('staff.save') }).click();
    await expect(page.locator('.staff-status')).toHaveText(t('staff.notSaved'));

    const url = page.getByLabel('Identify URL');
    await expect(url).toHaveAttribute('aria-invalid', 'true');
    await expect(url).toHaveAccessibleDescription('Identify URL: must be an https URL (plain http only to this machine)');
    const idle = page.getByLabel('Idle reset seconds');
    await expect(idle).toHaveAttribute('aria-invalid', 'true');
    await expect(idle).toHaveAccessibleDescription(/^Idle reset seconds: .*3/);
    // Only those two fields are marked.
    await expect(page.locator('.staff-error')).toHaveCount(2);
    await expect(page.getByLabel('Terminal ID')).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText(t('staff.saved'))).toHaveCount(0);

    expect(existsSync(staffFile(kiosk.configPath))).toBe(false);
    await leaveStaff(page);
    await wedgeScan(page, '123456');
    await expect.poll(() => backEnd.requests.length).toBe(1);
    expect(backEnd.requests[0]?.body).toMatchObject({ identifier: '123456', location: { terminalId: 'kiosk-7' } });
    expect(existsSync(staffFile(kiosk.configPath))).toBe(false);
  });
});

test.describe('saving, again and again', () => {
  test.use({ kioskConfig: onBackEnd() });

  test('a save with nothing changed says saved and leaves no "Saving…"; a failed save after it no longer says saved', async ({ page, kiosk }) => {
    await gotoReady(page, kiosk.url);
    await openStaffPanel(page);
    await page.getByRole('button', { name: t('staff.save') }).click();
    await expect(page.getByText(t('staff.saved'))).toBeVisible();
    await expect(page.getByText(t('staff.saving'))).toHaveCount(0);

    await typeInto(page, 'Idle reset seconds', '1');
    await page.getByRole('button', { name: t('staff.save') }).click();
    await expect(page.locator('.staff-status')).toHaveText(t('staff.notSaved'));
    await expect(page.getByText(t('staff.saved'))).toHaveCount(0);
  });

  test('an emptied Terminal ID goes back to the provisioning file\'s value, and the form shows it', async ({ page, kiosk }) => {
    await gotoReady(page, kiosk.url);
    await openStaffPanel(page);
    await typeInto(page, 'Terminal ID', 'kiosk-42');
    await page.getByRole('button', { name: t('staff.save') }).click();
    await expect(page.getByText(t('staff.saved'))).toBeVisible();
    await expect(page.getByLabel('Terminal ID', { exact: true })).toHaveValue('kiosk-42');
    await page.getByLabel('Terminal ID', { exact: true }).fill('');
    await page.getByRole('button', { name: t('staff.save') }).click();
    await expect(page.getByLabel('Terminal ID', { exact: true })).toHaveValue('kiosk-7');
  });

  test('a scan while the staff panel is open is ignored: no identify request', async ({ page, kiosk, backEnd }) => {
    await gotoReady(page, kiosk.url);
    await openStaffPanel(page);
    await page.getByRole('button', { name: t('staff.testConnection') }).click(); // focus on a button, not a field
    await expect(page.getByTestId('connection-test')).toContainText('Reachable');
    const before = backEnd.requests.length;
    await wedgeScan(page, '123456');
    await expect.poll(() => kiosk.output()).toContain('"event":"scan-ignored"');
    expect(backEnd.requests.length).toBe(before);
    await expect(screen(page)).toHaveAttribute('data-screen', 'staff');
  });
});

test.describe('a field the provisioning file locks', () => {
  test.use({ kioskConfig: onBackEnd(() => ({ locked: ['storeId'] })) });

  test('shows read-only and cannot be changed, not even by a page that asks main directly', async ({ page, kiosk, backEnd }) => {
    await gotoReady(page, kiosk.url);
    await openStaffPanel(page);
    const storeId = page.getByLabel('Store ID');
    await expect(storeId).toBeDisabled();
    await expect(storeId).toHaveValue('4242');
    await expect(page.locator('label[for="field-storeId"]')).toContainText(t('staff.lockedField'));
    await expect(page.getByLabel('Terminal ID')).toBeEnabled();

    const result = await page.evaluate(() => window.kiosk?.staffSave({ values: { storeId: '1' }, secrets: {} }));
    expect(result).toEqual({ ok: false, errors: [{ field: 'storeId', message: 'is locked by the provisioning file', code: 'locked' }] });
    expect(existsSync(staffFile(kiosk.configPath))).toBe(false);

    await leaveStaff(page);
    await wedgeScan(page, '123456');
    await expect.poll(() => backEnd.requests.length).toBe(1);
    expect(backEnd.requests[0]?.body).toMatchObject({ location: { storeId: '4242' } });
  });
});

test.describe('secrets', () => {
  test.use({ kioskConfig: onBackEnd((baseUrl) => ({ vipps: { baseUrl, ...TEST_VIPPS_CREDENTIALS } })) });

  test('never reach the page: not in the DOM, not in any bridge message; secret fields say only "set"', async ({ page, kiosk, backEnd }) => {
    const received: string[] = [];
    page.on('websocket', (ws) => ws.on('framereceived', (frame) => received.push(String(frame.payload))));
    await gotoReady(page, kiosk.url);
    await openStaffPanel(page);

    for (const label of ['Identify token', 'Vipps client secret', 'Vipps subscription key']) {
      const field = page.getByLabel(label);
      await expect(field).toHaveAttribute('type', 'password');
      await expect(field).toHaveAttribute('placeholder', t('staff.secretSet'));
      await expect(field).toHaveValue('');
    }
    await expect(page.getByLabel('Vipps client ID')).toHaveValue(TEST_VIPPS_CREDENTIALS.clientId);
    await page.getByRole('button', { name: t('staff.testConnection') }).click();
    await expect(page.getByTestId('connection-test')).toHaveText(/^Reachable: /);
    await expect(page.getByRole('heading', { name: t('staff.healthTitle') })).toBeVisible();
    // The connection test did use the file's token, in main.
    expect(backEnd.requests.at(-1)?.headers.authorization).toBe(`Bearer ${IDENTIFY_TOKEN}`);

    const html = await page.content();
    for (const secret of SECRETS) expect(html).not.toContain(secret);
    expect(received.some((frame) => frame.includes('"secretsSet"'))).toBe(true); // the settings view did arrive
    for (const secret of SECRETS) expect(received.filter((frame) => frame.includes(secret))).toEqual([]);
    for (const secret of SECRETS) expect(kiosk.output()).not.toContain(secret);
  });

  test('the web shell cannot store new secrets: the field says why, and main refuses one typed anyway', async ({ page, kiosk, backEnd }) => {
    await gotoReady(page, kiosk.url);
    await openStaffPanel(page);
    const reason = t('staff.secretStorage.webShell');
    await expect(page.locator('.staff-note')).toHaveText(reason);
    const token = page.getByLabel('Identify token');
    await expect(token).toBeDisabled();

    // A page that enables the field anyway (React leaves the DOM property alone until the prop changes).
    await token.evaluate((input: HTMLInputElement) => (input.disabled = false));
    await token.pressSequentially('new-token-XYZ');
    await expect(token).toHaveValue('new-token-XYZ');
    await page.getByRole('button', { name: t('staff.save') }).click();
    await expect(page.locator('.staff-status')).toHaveText(t('staff.notSaved'));
    await expect(token).toHaveAccessibleDescription(`Identify token: ${reason}`);
    expect(existsSync(staffFile(kiosk.configPath))).toBe(false);

    // And as main sees it, whatever the page does.
    expect(await page.evaluate(() => window.kiosk?.staffSave({ values: {}, secrets: { 'identify.token': 'new-token-XYZ' } }))).toEqual({
      ok: false,
      errors: [{ field: 'identify.token', message: reason, code: 'secretStorage', params: { storage: 'webShell' } }],
    });
    await leaveStaff(page);
    await wedgeScan(page, '123456');
    await expect.poll(() => backEnd.requests.length).toBe(1);
    expect(backEnd.requests[0]?.headers.authorization).toBe(`Bearer ${IDENTIFY_TOKEN}`);
  });
});

test.describe('Test connection', () => {
  const result = (page: Page) => page.getByTestId('connection-test');
  const runTest = async (page: Page, url: string) => {
    await gotoReady(page, url);
    await openStaffPanel(page);
    await expect(result(page)).toHaveText('');
    await page.getByRole('button', { name: t('staff.testConnection') }).click();
  };

  test.describe('a service that answers', () => {
    test.use({ answers: { 'kiosk-connection-test': { status: 404, json: { error: { code: 'UserNotFound' } } } }, kioskConfig: onBackEnd() });

    test('is reachable', async ({ page, kiosk, backEnd }) => {
      await runTest(page, kiosk.url);
      await expect(result(page)).toHaveText(/^Reachable: the loyalty service answered in \d+ ms\.$/);
      expect(backEnd.requests).toHaveLength(1);
      expect(backEnd.requests[0]?.body).toMatchObject({ identifier: 'kiosk-connection-test', location: { storeId: '4242', terminalId: 'kiosk-7' } });
      await expect(screen(page)).toHaveAttribute('data-screen', 'staff');
    });
  });

  test.describe('a service that refuses the token', () => {
    test.use({ answers: { 'kiosk-connection-test': { status: 401, json: { error: 'Unauthorized' } } }, kioskConfig: onBackEnd() });

    test('says the credentials were refused', async ({ page, kiosk }) => {
      await runTest(page, kiosk.url);
      await expect(result(page)).toHaveText(t('staff.test.credentialsRefused', { detail: 'HTTP 401' }));
    });
  });

  test.describe('a service nobody listens for', () => {
    test.use({
      // eslint-disable-next-line no-empty-pattern
      kioskConfig: async ({}, use: (config: unknown) => Promise<void>) => {
        const port = await closedPort();
        await use({ storeId: '4242', terminalId: 'kiosk-7', identify: { baseUrl: `http://127.0.0.1:${port}`, token: IDENTIFY_TOKEN }, staff: { pinHash: PIN_HASH } });
      },
    });

    test('is not reachable', async ({ page, kiosk }) => {
      await runTest(page, kiosk.url);
      await expect(result(page)).toHaveText(/^Not reachable \(.+\): check the identify URL and the network\.$/);
    });
  });

  test.describe('a service that never answers', () => {
    test.use({ answers: { 'kiosk-connection-test': { hang: true } }, kioskConfig: onBackEnd((baseUrl) => ({ identify: { baseUrl, token: IDENTIFY_TOKEN, timeoutMs: 600 } })) });

    test('times out', async ({ page, kiosk, backEnd }) => {
      await runTest(page, kiosk.url);
      await expect(result(page)).toHaveText(/^Timed out: no answer within \d+ ms\.$/);
      const ms = Number(/within (\d+) ms/.exec((await result(page).textContent()) ?? '')?.[1]);
      expect(ms).toBeGreaterThanOrEqual(590);
      expect(backEnd.requests).toHaveLength(1);
    });
  });
});

test.describe('idle', () => {
  test.use({ kioskConfig: onBackEnd() });

  test('staff mode closes after 60 s without a key or a touch, and main closes it too', async ({ page, kiosk }) => {
    await page.clock.install();
    await gotoReady(page, kiosk.url);
    await openStaffPanel(page);
    await pauseClock(page);
    await page.clock.fastForward('00:50');
    await expect(panelTitle(page)).toBeVisible();
    // A touch restarts the 60 s.
    await panelTitle(page).click();
    await page.clock.fastForward('00:50');
    await expect(panelTitle(page)).toBeVisible();
    expect(await settingsAsked(page)).toBe('open');
    await page.clock.fastForward('00:11');
    await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
    await expect.poll(() => settingsAsked(page)).toBe('closed');
  });

  test('a PIN pad walked away from closes after 30 s, back to the customer screen', async ({ page, kiosk }) => {
    await page.clock.install();
    await gotoReady(page, kiosk.url);
    await openPinPadByShortcut(page);
    await pauseClock(page);
    await page.getByRole('button', { name: '2', exact: true }).click();
    await page.clock.fastForward('00:25');
    await expect(pinTitle(page)).toBeVisible();
    await page.clock.fastForward('00:06');
    await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
  });
});


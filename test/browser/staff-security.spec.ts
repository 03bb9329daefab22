/**
 * Issue 20's reproductions, on the web shell in Chromium, done as a person at the counter would:
 * - staff (or whoever learned the PIN) change the Identify URL to another back end and press
 *   Test connection, Save, and scan: the new address never receives the old token, and the
 *   form says the token must be entered again (two loopback back ends record what each got);
 * - six wrong PINs, the kiosk restarted on the same user data (a pulled plug), and the right
 *   PIN is still refused.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { hashPin } from '../../electron/core/staff/pin-hash';
import { english as t } from '../helpers/catalogue';
import { expect, test as base } from '../helpers/fixtures';
import { MEMBER_ANSWER, startFakeIdentify, type FakeIdentifyServer } from '../helpers/fake-identify-server';
import { startWebShell } from '../helpers/web-shell';
import { wedgeScan } from '../helpers/wedge';

const PIN = '918273';
const OLD_TOKEN = 'chain-token-for-A-Xk29';

/** Two back ends: A, the chain's (in the provisioning file); B, where someone points the kiosk. */
const test = base.extend<{ pinHash: string; a: FakeIdentifyServer; b: FakeIdentifyServer }>({
  // eslint-disable-next-line no-empty-pattern
  pinHash: async ({}, use) => use(await hashPin(PIN, { N: 1024, r: 8, p: 1 })),
  // eslint-disable-next-line no-empty-pattern
  a: async ({}, use) => {
    const server = await startFakeIdentify((identifier) => (identifier === '123456' ? { status: 200, json: MEMBER_ANSWER } : { status: 404, json: { error: { code: 'UserNotFound' } } }));
    await use(server);
    await server.close();
  },
  // eslint-disable-next-line no-empty-pattern
  b: async ({}, use) => {
    const server = await startFakeIdentify(() => ({ status: 404, json: { error: { code: 'UserNotFound' } } }));
    await use(server);
    await server.close();
  },
});

const screen = (page: Page) => page.locator('main[data-screen]');

async function submitPin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click();
  await expect(page.locator('.pin-dots')).toHaveAttribute('aria-label', t('staff.pinEntered', { count: pin.length }));
  await page.getByRole('button', { name: t('staff.ok'), exact: true }).click();
}

/** A PIN main refuses: its answer has come once the dots are cleared. */
async function submitRefusedPin(page: Page, pin: string): Promise<void> {
  await submitPin(page, pin);
  await expect(page.locator('.pin-dots')).toHaveAttribute('aria-label', t('staff.pinEntered', { count: 0 }));
}

async function openPinPad(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
  await page.keyboard.press('Control+Alt+KeyS');
  await expect(page.getByRole('heading', { name: t('staff.pinTitle') })).toBeVisible();
}

test.describe('a changed Identify URL', () => {
  test.use({
    kioskConfig: async ({ a, pinHash }: { a: FakeIdentifyServer; pinHash: string }, use: (config: unknown) => Promise<void>) =>
      use({ storeId: '4242', terminalId: 'kiosk-7', idleResetSeconds: 30, identify: { baseUrl: a.baseUrl, token: OLD_TOKEN, timeoutMs: 3000 }, staff: { pinHash } }),
  });

  test('never receives the old token: Test connection sends nothing, Save asks for the token, a scan still goes to the old back end', async ({ page, kiosk, a, b }) => {
    await openPinPad(page, kiosk.url);
    await submitPin(page, PIN);
    await expect(page.getByRole('heading', { name: t('staff.panelTitle'), level: 1 })).toBeVisible();

    // Point it at B, with real keys.
    const url = page.getByLabel('Identify URL', { exact: true });
    await url.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Backspace');
    await url.pressSequentially(b.baseUrl);
    await expect(url).toHaveValue(b.baseUrl);
    // The form says the token must be entered again for the new address.
    const token = page.getByLabel('Identify token', { exact: true });
    await expect(page.getByText(t('staff.secretNewOrigin'))).toBeVisible();
    await expect(token).toHaveAttribute('aria-describedby', /reenter/);

    // Test connection with the new URL: nothing is sent, and staff are told why.
    await page.getByRole('button', { name: t('staff.testConnection') }).click();
    await expect(page.getByTestId('connection-test')).toHaveText(t('staff.test.secretNeeded'));

    // Save: refused, naming the token field and the new address.
    await page.getByRole('button', { name: t('staff.save') }).click();
    await expect(page.locator('.staff-status')).toHaveText(t('staff.notSaved'));
    await expect(page.locator('#field-identify-token-error')).toHaveText(`Identify token: ${t('staff.issues.secretNewOrigin', { origin: b.baseUrl })}`);
    // Nothing was written for B (the web shell cannot store secrets: there is no staff file at all).
    const staffFile = path.join(path.dirname(kiosk.configPath), 'staff-settings.json');
    expect(() => readFileSync(staffFile, 'utf8')).toThrow();

    // Back with the customer: the scan goes to A, with A's token.
    await page.getByRole('button', { name: t('staff.leave') }).click();
    await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
    await wedgeScan(page, '123456');
    await expect(screen(page)).toHaveAttribute('data-screen', 'member');

    expect(b.requests).toEqual([]);
    expect(a.requests.map((request) => [request.body && (request.body as { identifier?: string }).identifier, request.headers.authorization])).toEqual([['123456', `Bearer ${OLD_TOKEN}`]]);
  });

  test('Test connection with the old URL still works (and goes only there)', async ({ page, kiosk, a, b }) => {
    await openPinPad(page, kiosk.url);
    await submitPin(page, PIN);
    await expect(page.getByRole('heading', { name: t('staff.panelTitle'), level: 1 })).toBeVisible();
    await page.getByRole('button', { name: t('staff.testConnection') }).click();
    await expect(page.getByTestId('connection-test')).toHaveText(/^Reachable: the loyalty service answered in \d+ ms\.$/);
    expect(a.requests.map((request) => request.headers.authorization)).toEqual([`Bearer ${OLD_TOKEN}`]);
    expect(b.requests).toEqual([]);
  });
});

test('six wrong PINs, a restart on the same user data, and the right PIN is still refused', async ({ page, pinHash }) => {
  const userData = mkdtempSync(path.join(os.tmpdir(), 'kiosk-lockout-restart-'));
  const config = { idleResetSeconds: 30, staff: { pinHash } };
  try {
    const first = await startWebShell({ config, userDataDir: userData });
    try {
      await openPinPad(page, first.url);
      for (const left of [4, 3, 2, 1]) {
        await submitRefusedPin(page, '111111');
        await expect(page.locator('.staff-message')).toHaveText(t('staff.wrongPin', { count: left }));
      }
      await submitRefusedPin(page, '111111');
      await expect(page.locator('.staff-message')).toHaveText(t('staff.locked', { minutes: 5 }));
      await submitRefusedPin(page, '111111'); // the sixth, refused unchecked while locked
      await expect(page.locator('.staff-message')).toHaveText(t('staff.locked', { minutes: 5 }));
    } finally {
      // Pulled plug: no clean stop.
      expect(await first.stop('SIGKILL')).toBeNull();
    }

    const second = await startWebShell({ config, userDataDir: userData });
    try {
      await openPinPad(page, second.url);
      await submitRefusedPin(page, PIN);
      await expect(page.locator('.staff-message')).toHaveText(t('staff.locked', { minutes: 5 }));
      await expect(page.getByRole('heading', { name: t('staff.panelTitle'), level: 1 })).toHaveCount(0);
      expect(await page.evaluate(() => window.kiosk?.staffSettings().then(() => 'open', () => 'closed'))).toBe('closed');
      expect(second.output()).not.toContain(PIN);
      expect(JSON.parse(readFileSync(path.join(userData, 'staff-lockout.json'), 'utf8'))).toMatchObject({ version: 1, wrongInARow: 5 });
    } finally {
      await second.stop();
    }
  } finally {
    rmSync(userData, { recursive: true, force: true });
  }
});

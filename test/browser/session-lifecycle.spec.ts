/** Idle reset, duplicate scans, and what is left of a customer after the screen resets. */
import { expect, test } from '../helpers/fixtures';
import { wedgeScan } from '../helpers/wedge';

test.describe('with a short idle reset', () => {
  test.use({ kioskConfig: { idleResetSeconds: 3 } });

  test('a result screen counts down and goes back to ready, leaving no customer data in the page', async ({ page, kiosk }) => {
    await page.goto(kiosk.url);
    await expect(page.locator('[data-screen="ready"]')).toBeVisible();
    // Every view main pushes, as they come: a loaded machine may draw a second of the countdown
    // too late for a look at the screen to catch it, but never skips a push.
    const pushed: string[] = [];
    await page.exposeFunction('recordView', (view: string) => pushed.push(view));
    await page.evaluate(() =>
      window.kiosk?.onState((view) => (window as unknown as { recordView(v: string): void }).recordView(`${view.screen}${'resetInSeconds' in view ? ` ${view.resetInSeconds}` : ''}`)),
    );
    await wedgeScan(page, '123456');
    await expect(page.locator('[data-screen="member"]')).toBeVisible();
    await expect(page.getByTestId('countdown')).toHaveText(/^Back to start in [123] s$/);
    await expect(page.locator('[data-screen="ready"]')).toBeVisible({ timeout: 8000 });
    expect(pushed).toEqual(['identifying', 'member 3', 'member 2', 'member 1', 'ready']);
    const html = await page.content();
    expect(html).not.toContain('Farhan');
    expect(html).not.toContain('14,464');
    // A fresh page asks main for the state: main holds nothing of the customer either.
    const state = await page.evaluate(() => window.kiosk?.getState());
    expect(state).toEqual({ screen: 'ready' });
  });
});

test('the same code scanned twice in a row is identified once', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await expect(page.locator('[data-screen="ready"]')).toBeVisible();
  await wedgeScan(page, '123456');
  await expect(page.locator('[data-screen="member"]')).toBeVisible();
  const screens: string[] = [];
  await page.exposeFunction('recordScreen', (screen: string) => screens.push(screen));
  await page.evaluate(() => window.kiosk?.onState((view) => (window as unknown as { recordScreen(s: string): void }).recordScreen(view.screen)));
  await wedgeScan(page, '123456');
  await page.waitForTimeout(1500);
  expect(screens.filter((screen) => screen !== 'member')).toEqual([]);
  await expect(page.locator('[data-screen="member"]')).toBeVisible();
});

test('a new scan on a result screen starts a new identification', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await expect(page.locator('[data-screen="ready"]')).toBeVisible();
  await wedgeScan(page, '000000');
  await expect(page.locator('[data-screen="codeProblem"]')).toBeVisible();
  await wedgeScan(page, '234567');
  await expect(page.getByRole('heading', { name: 'Hi Ingrid!' })).toBeVisible();
  await expect(page.getByTestId('points')).toHaveText('2,750');
});

test('a page whose bridge reconnects is greeted with the current state', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await expect(page.locator('[data-screen="ready"]')).toBeVisible();
  await wedgeScan(page, '123456');
  await expect(page.locator('[data-screen="member"]')).toBeVisible();
  const first = await page.evaluate(
    (url) =>
      new Promise<{ event: string; payload: { screen: string } }>((resolve) => {
        const socket = new WebSocket(url); // what the page bridge does after a dropped connection
        socket.onmessage = (message) => {
          resolve(JSON.parse(String(message.data)));
          socket.close();
        };
      }),
    `${kiosk.url.replace('http', 'ws')}bridge`,
  );
  expect(first).toMatchObject({ event: 'kiosk:state', payload: { screen: 'member' } });
});

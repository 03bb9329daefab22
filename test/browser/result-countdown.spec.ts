/**
 * Issue 25: every result screen's countdown as a ring draining around its main button; a touch
 * anywhere gives it its full time again (main's, over the contract), the last 5 s marked, and the
 * member screen going sooner once the till has taken the identification.
 */
import type { Page } from '@playwright/test';
import { startFakeTill, type FakeTill } from '../helpers/fake-till';
import { expect, test } from '../helpers/fixtures';
import { wedgeScan } from '../helpers/wedge';

const screen = (page: Page) => page.locator('main[data-screen]');
const ring = (page: Page) => page.getByTestId('countdown-ring');
const secondsLeft = async (page: Page) => Number((await page.getByTestId('countdown').textContent())?.match(/\d+/)?.[0]);
/** The words and the ring read in one go: read one after the other, a tick can fall between them. */
const countdownNow = (page: Page) =>
  page.evaluate(() => ({
    seconds: Number(document.querySelector('[data-testid="countdown"]')?.textContent?.match(/\d+/)?.[0]),
    left: Number(document.querySelector('[data-testid="countdown-ring"]')?.getAttribute('data-left')),
  }));

test.describe('on a kiosk counting 12 s', () => {
  test.use({ kioskConfig: { idleResetSeconds: 12 } });

  for (const [code, name, button] of [
    ['123456', 'member', 'Done'],
    ['000000', 'codeProblem', 'Try again'],
    ['444444', 'serviceProblem', 'Try again'],
    ['333333', 'needsStaff', 'Done'],
  ] as const) {
    test(`${name}: the ring drains around "${button}"; a touch anywhere fills it again, the same result (not announced again)`, async ({ page, kiosk }) => {
      await page.goto(kiosk.url);
      await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
      await wedgeScan(page, code);
      await expect(screen(page)).toHaveAttribute('data-screen', name);
      // The ring hugs the main button.
      const [buttonBox, ringBox] = await Promise.all([page.getByRole('button', { name: button }).boundingBox(), ring(page).locator('.ring').boundingBox()]);
      expect(ringBox && buttonBox && ringBox.x < buttonBox.x && ringBox.x + ringBox.width > buttonBox.x + buttonBox.width && ringBox.y < buttonBox.y).toBe(true);
      await expect.poll(() => secondsLeft(page), { timeout: 6000 }).toBeLessThanOrEqual(9);
      expect(Number(await ring(page).getAttribute('data-left'))).toBeLessThan(0.8);
      const announced = await page.getByTestId('announcer').textContent();
      await page.mouse.click(20, 300); // anywhere: not on a button
      // Full again: 11 or 12 s said, and the ring as full as the words say.
      await expect
        .poll(async () => {
          const { seconds, left } = await countdownNow(page);
          return seconds >= 11 && left > 0.9 ? 'full' : `${seconds} s, ring ${left}`;
        })
        .toBe('full');
      await expect(screen(page)).toHaveAttribute('data-screen', name);
      // The same result, not a new one: the announcer keeps its words (it empties for a new result).
      await expect(page.getByTestId('announcer')).toHaveText(announced ?? '');
    });
  }

  test('the last 5 s are marked, and then it goes back to ready', async ({ page, kiosk }) => {
    await page.goto(kiosk.url);
    await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
    await wedgeScan(page, '123456');
    await expect(screen(page)).toHaveAttribute('data-screen', 'member');
    await expect(ring(page)).toHaveAttribute('data-ending', 'false');
    await expect(ring(page)).toHaveAttribute('data-ending', 'true', { timeout: 10_000 });
    expect(await secondsLeft(page)).toBeLessThanOrEqual(5);
    await expect(screen(page)).toHaveAttribute('data-screen', 'ready', { timeout: 8000 });
  });
});

// The cap is the same rule at any length: on 6 s it is seen in 18 s rather than 36.
test.describe('on a kiosk counting 6 s', () => {
  test.use({ kioskConfig: { idleResetSeconds: 6 } });

  test('a finger kept on the screen cannot keep the customer there: 3× the time at most', async ({ page, kiosk }) => {
    test.setTimeout(60_000);
    await page.goto(kiosk.url);
    await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
    await wedgeScan(page, '123456');
    await expect(screen(page)).toHaveAttribute('data-screen', 'member');
    const started = Date.now();
    // Touches as fast as the page sends them, straight to main as well (a page that misbehaves).
    while ((await screen(page).getAttribute('data-screen')) === 'member' && Date.now() - started < 30_000) {
      await page.mouse.click(20, 300);
      await page.evaluate(() => void window.kiosk?.stillHere());
      await page.waitForTimeout(200);
    }
    const seconds = (Date.now() - started) / 1000;
    expect(await screen(page).getAttribute('data-screen')).toBe('ready');
    // Well past one countdown (the touches worked), and never past the cap (3 × 6 s from when
    // main showed it, a little before this test saw it; a loaded machine sees it late).
    expect(seconds).toBeGreaterThan(2 * 6);
    expect(seconds).toBeLessThan(3 * 6 + 4);
  });
});

test.describe('after the till took the identification', () => {
  const SECRET = 'till-secret-0123456789abcdef';
  let till: FakeTill;
  test.beforeEach(async () => {
    till = await startFakeTill(SECRET);
  });
  test.afterEach(async () => {
    await till.close();
  });
  test.use({
    // eslint-disable-next-line no-empty-pattern
    kioskConfig: async ({}, use: (config: unknown) => Promise<void>) => use({ idleResetSeconds: 60, handoff: { url: till.url, secret: SECRET, clearAfterDeliveredSeconds: 3 } }),
  });

  test('the member screen goes back to ready within handoff.clearAfterDeliveredSeconds, not the full minute', async ({ page, kiosk }) => {
    await page.goto(kiosk.url);
    await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
    await wedgeScan(page, '123456');
    await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible();
    await expect.poll(() => till.accepted.length).toBe(1);
    expect(await secondsLeft(page)).toBeLessThanOrEqual(3);
    await expect(screen(page)).toHaveAttribute('data-screen', 'ready', { timeout: 5000 });
  });
});

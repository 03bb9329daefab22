/**
 * The kiosk as `npm run start:web` runs it, on its embedded sandbox, in Debian's Chromium:
 * a customer scans with a keyboard-wedge scanner and sees each screen.
 */
import { expect, test } from '../helpers/fixtures';
import { humanType, wedgeScan } from '../helpers/wedge';

test('a member scans their one-time code and sees their name, points and picked rewards', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  const root = page.locator('[data-screen]');
  await expect(root).toHaveAttribute('data-screen', 'ready');
  await expect(page.getByRole('heading', { name: 'Scan your loyalty code' })).toBeVisible();

  await wedgeScan(page, '123456');
  await expect(root).toHaveAttribute('data-screen', 'member');
  await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible();
  await expect(page.getByText('Ahmed')).toHaveCount(0); // first name only
  await expect(page.getByTestId('points')).toHaveText('14,464');
  const items = page.getByTestId('items').locator('li');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('1 ×Whopper Jr.Reward'); // name from the catalog
  await expect(items.nth(1)).toContainText('2 ×Offer (2002)'); // no catalog name: its kind and the PLU
  await expect(page.getByTestId('countdown')).toHaveText(/Back to start in \d+ s/);

  await page.getByRole('button', { name: 'Done' }).click();
  await expect(root).toHaveAttribute('data-screen', 'ready');
  await expect(page.locator('body')).not.toContainText('Farhan');
  await expect(page.locator('body')).not.toContainText('14,464');
});

test('a loyalty ID (UUID) identifies too, and a member without picks is told how to pick', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await expect(page.locator('[data-screen="ready"]')).toBeVisible();
  await wedgeScan(page, '4711FC2A-3A8F-414F-A9E7-44DD5231DCA7');
  await expect(page.locator('[data-screen="member"]')).toBeVisible();
  await expect(page.getByText('No rewards picked: choose one in the app and scan again')).toBeVisible();
});

const problems: Array<[string, string, string]> = [
  ['000000', 'codeProblem', 'Refresh the code in your app and scan again.'],
  ['222222', 'codeProblem', 'This code has already been used'],
  ['333333', 'needsStaff', 'Please ask at the till'],
  ['444444', 'serviceProblem', 'For staff: code S-5XX'],
  ['666666', 'serviceProblem', 'For staff: code S-ANS'],
  ['not-a-code', 'codeProblem', 'That is not a loyalty code'],
];
for (const [code, screen, text] of problems) {
  test(`sandbox code ${code} shows ${screen}`, async ({ page, kiosk }) => {
    await page.goto(kiosk.url);
    await expect(page.locator('[data-screen="ready"]')).toBeVisible();
    await wedgeScan(page, code);
    await expect(page.locator('[data-screen]')).toHaveAttribute('data-screen', screen);
    await expect(page.locator('body')).toContainText(text);
  });
}

test('a person typing the same digits on a keyboard does not scan', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await expect(page.locator('[data-screen="ready"]')).toBeVisible();
  await humanType(page, '123456', 80);
  await page.waitForTimeout(500);
  await expect(page.locator('[data-screen]')).toHaveAttribute('data-screen', 'ready');
});

test('the keys of a scan never reach the page as typing', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await expect(page.locator('[data-screen="ready"]')).toBeVisible();
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seenKeys: string[] }).seenKeys = seen;
    for (const type of ['keydown', 'keypress', 'input'] as const) document.addEventListener(type, (event) => seen.push(`${type}:${(event as KeyboardEvent).key ?? ''}`), true);
  });
  await wedgeScan(page, '123456');
  await expect(page.locator('[data-screen="member"]')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { seenKeys: string[] }).seenKeys)).toEqual([]);
});

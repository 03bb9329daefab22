/**
 * The web shell against a test back end that records what it receives: every row of the
 * identify error table, seen as the screen a customer gets and the request the API got.
 */
import { expect, test } from '../helpers/fixtures';
import { MEMBER_ANSWER, startFakeIdentify, type FakeAnswer, type FakeIdentifyServer } from '../helpers/fake-identify-server';
import { wedgeScan } from '../helpers/wedge';

const answers: Record<string, FakeAnswer> = {
  '100001': { status: 200, json: MEMBER_ANSWER },
  '100404': { status: 404, json: { error: { code: 'UserNotFound' } } },
  '100422': { status: 422, json: { error: { code: 'OrderSelectionStatusUnclaimable' } } },
  '100400': { status: 400, json: { error: { code: 'InvalidIdentifier' } } },
  '100401': { status: 401, json: { error: 'Unauthorized' } },
  '100403': { status: 403, json: {} },
  '100500': { status: 500, json: { error: 'boom' } },
  '100200': { status: 200, raw: '<html>Gateway says hi</html>' },
  '100999': { hang: true },
};

let backEnd: FakeIdentifyServer;
test.beforeEach(async () => {
  backEnd = await startFakeIdentify((identifier) => answers[identifier] ?? { status: 404 });
});
test.afterEach(async () => {
  await backEnd.close();
});

test.use({
  // Playwright reads a fixture's dependencies from this destructuring, so it must stay, empty.
  // eslint-disable-next-line no-empty-pattern
  kioskConfig: async ({}, use: (config: unknown) => Promise<void>) => {
    await use({
      storeId: '4242',
      terminalId: 'kiosk-7',
      idleResetSeconds: 30,
      identify: { baseUrl: backEnd.baseUrl, token: 'test-token-123', timeoutMs: 4000 },
      catalog: { 'PLU-100': 'Whopper Jr.' },
    });
  },
});

test('200: the member screen, from one identify request of the documented shape', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await expect(page.locator('[data-screen="ready"]')).toBeVisible();
  await wedgeScan(page, '100001');
  await expect(page.locator('[data-screen="member"]')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible();
  await expect(page.getByTestId('items')).toContainText('Whopper Jr.');
  await expect(page.getByTestId('items')).toContainText('PLU-200');
  expect(backEnd.requests).toHaveLength(1);
  const [request] = backEnd.requests;
  expect(request?.method).toBe('POST');
  expect(request?.url).toBe('/loyalty/v2/identify');
  expect(request?.headers.authorization).toBe('Bearer test-token-123');
  expect(request?.body).toEqual({ identifier: '100001', location: { storeId: '4242', terminalId: 'kiosk-7', hasLoyalty: true }, content: false });
});

const rows: Array<[string, string, string, string]> = [
  ['404', '100404', 'codeProblem', 'Refresh the code in your app and scan again.'],
  ['422 unclaimable', '100422', 'codeProblem', 'This code has already been used'],
  ['400 invalid identifier', '100400', 'codeProblem', 'That code did not work'],
  ['401', '100401', 'needsStaff', 'Your code is fine; this kiosk needs a member of staff.'],
  ['403', '100403', 'needsStaff', 'For staff: code N-AUTH'],
  ['500', '100500', 'serviceProblem', 'For staff: code S-5XX'],
  ['garbage', '100200', 'serviceProblem', 'For staff: code S-ANS'],
  ['no answer', '100999', 'serviceProblem', 'For staff: code S-TO'],
];
for (const [label, code, screen, text] of rows) {
  test(`${label}: ${screen}, after exactly one request`, async ({ page, kiosk }) => {
    await page.goto(kiosk.url);
    await expect(page.locator('[data-screen="ready"]')).toBeVisible();
    await wedgeScan(page, code);
    await expect(page.locator('[data-screen]')).toHaveAttribute('data-screen', screen);
    await expect(page.locator('body')).toContainText(text);
    expect(backEnd.requests.map((r) => (r.body as { identifier: string }).identifier)).toEqual([code]);
  });
}

test('a back end that is down: serviceProblem, and the kiosk keeps working', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await expect(page.locator('[data-screen="ready"]')).toBeVisible();
  await backEnd.close();
  await wedgeScan(page, '100001');
  await expect(page.locator('[data-screen="serviceProblem"]')).toBeVisible();
  await expect(page.locator('body')).toContainText('For staff: code S-NET');
  // A person's Enter, not the scanner's: within 150 ms of the scan's last key it would be the
  // scanner's, and withheld (the refused connection shows its screen that fast).
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter'); // a keyboard user presses Try again
  await expect(page.locator('[data-screen="ready"]')).toBeVisible();
});

test('a code that is not a loyalty code never reaches the back end', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await expect(page.locator('[data-screen="ready"]')).toBeVisible();
  // A Vipps look-alike: the kiosk would otherwise look its number up.
  await wedgeScan(page, 'https://qr.vipps.no.evil.example/28/2/01/031/4712345678?v=1');
  await expect(page.locator('[data-screen="codeProblem"]')).toBeVisible();
  await expect(page.locator('body')).toContainText('That is not a loyalty code');
  await wedgeScan(page, 'DROP TABLE');
  await expect(page.locator('body')).toContainText('That is not a loyalty code');
  expect(backEnd.requests).toHaveLength(0);
});

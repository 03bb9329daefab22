/**
 * Issue 25: every screen tells the customer what happens next, at once. Measured in the page,
 * against a back end that takes 2 s: the read feedback ("Got it", the read tone, the frame's
 * flash) within 100 ms of the scanner's Enter, long before the answer; "Try again" after a
 * problem; the words and the short staff codes of serviceProblem and needsStaff.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { photoFrame } from '../../scripts/camera/photo-frame';
import { decodeStill, loadDecodersForNode } from '../../scripts/camera/still-decoder';
import { MEMBER_ANSWER, startFakeIdentify, type FakeAnswer, type FakeIdentifyServer } from '../helpers/fake-identify-server';
import { expect, test } from '../helpers/fixtures';
import { wedgeScan } from '../helpers/wedge';

const SLOW_MS = 2000;
const answers: Record<string, FakeAnswer> = {
  ...Object.fromEntries([1, 2, 3, 4, 5].map((n) => [`10000${n}`, { delayMs: SLOW_MS, then: { status: 200, json: MEMBER_ANSWER } }])),
  '100404': { status: 404, json: { error: { code: 'UserNotFound' } } },
  '100401': { status: 401, json: { error: 'Unauthorized' } },
  '100500': { status: 500, json: { error: 'boom' } },
  '100999': { hang: true },
  '100012': { status: 200, json: { ...MEMBER_ANSWER, order: [] } },
  ...Object.fromEntries(['4798765432', '4798765433', '4798765434'].map((phone) => [phone, { status: 404, json: { error: { code: 'UserNotFound' } } }])),
};
const JOIN_URL = 'https://join.burger.example/club?from=kiosk';
const NOT_MEMBER_PHONE_QR = 'https://qr.vipps.no/28/2/01/031/4798765432?v=1';

let backEnd: FakeIdentifyServer;
test.beforeEach(async () => {
  backEnd = await startFakeIdentify((identifier) => answers[identifier] ?? { status: 404 });
});
test.afterEach(async () => {
  await backEnd.close();
});
test.use({
  // eslint-disable-next-line no-empty-pattern
  kioskConfig: async ({}, use: (config: unknown) => Promise<void>) => {
    await use({
      idleResetSeconds: 30,
      identify: { baseUrl: backEnd.baseUrl, token: 'test-token-123', timeoutMs: 3000 },
      catalog: { 'PLU-100': 'Whopper Jr.' },
      // No Vipps: a phone number from a personal QR code is looked up as it is, and a non-member gets the join link.
      personalQr: { phoneForm: 'local' },
      joinUrl: JOIN_URL,
    });
  },
});

const screen = (page: Page) => page.locator('main[data-screen]');

/** In the page, from its first script: when each scanner Enter came, each "Got it" showed, each sound started. */
async function recordTimes(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const times = { enter: [] as number[], gotIt: [] as number[], member: [] as number[], sounds: [] as Array<{ sound: string; at: number }> };
    Object.assign(window, { feedbackTimes: times });
    window.addEventListener('keydown', (event) => event.key === 'Enter' && times.enter.push(performance.now()), { capture: true });
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      times.sounds.push({ sound: (this.src.split('/').pop() ?? '').split('-')[0] ?? '', at: performance.now() });
      return play.call(this);
    };
    new MutationObserver(() => {
      const text = document.querySelector('h1')?.textContent ?? '';
      if (text === 'Got it, you can lower your phone' && times.gotIt.length < times.enter.length) times.gotIt.push(performance.now());
      if (text.startsWith('Hi ') && times.member.length < times.enter.length) times.member.push(performance.now());
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
}
type Times = { enter: number[]; gotIt: number[]; member: number[]; sounds: Array<{ sound: string; at: number }> };
const times = (page: Page) => page.evaluate(() => (window as unknown as { feedbackTimes: Times }).feedbackTimes);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Infinity;

test('a code read: "Got it", the read tone and the flash within 100 ms of the scanner\'s Enter, the answer 2 s later with its own sound', async ({ page, kiosk }) => {
  test.setTimeout(60_000);
  await recordTimes(page);
  await page.goto(kiosk.url);
  const READS = 5;
  for (let read = 0; read < READS; read += 1) {
    await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
    await wedgeScan(page, `10000${read + 1}`); // another customer each time: never the same code seen again
    await expect(page.getByRole('heading', { name: 'Got it, you can lower your phone' })).toBeVisible();
    await expect(screen(page)).toHaveAttribute('data-screen', 'identifying');
    await expect(page.getByTestId('read-frame')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible({ timeout: 6000 });
    await page.getByRole('button', { name: 'Done' }).click();
  }
  const measured = await times(page);
  expect(measured.enter).toHaveLength(READS);
  const tones = measured.sounds.filter((sound) => sound.sound === 'read');
  const gotIt = measured.enter.map((enter, index) => (measured.gotIt[index] ?? Infinity) - enter);
  const tone = measured.enter.map((enter, index) => (tones[index]?.at ?? Infinity) - enter);
  const answer = measured.enter.map((enter, index) => (measured.member[index] ?? Infinity) - enter);
  const list = (values: number[]) => values.map((value) => value.toFixed(0)).join(', ');
  console.log(`read feedback after the scanner's Enter (ms), ${READS} reads: "Got it" ${list(gotIt)}; read tone ${list(tone)}; the answer ${list(answer)}`);
  // Each read is answered on screen long before the back end; the median within 100 ms (one
  // read may lose more on a machine whose two cores are shared by several test runs).
  expect(median(gotIt)).toBeLessThan(100);
  expect(median(tone)).toBeLessThan(100);
  for (let read = 0; read < READS; read += 1) expect(gotIt[read] ?? Infinity).toBeLessThan((answer[read] ?? 0) - SLOW_MS / 2);
  expect(Math.min(...answer)).toBeGreaterThan(SLOW_MS - 100);
  // The result's sound stays: read, then success, for each customer.
  expect(measured.sounds.map((sound) => sound.sound)).toEqual(Array.from({ length: READS }, () => ['read', 'success']).flat());
});

test('with reduced motion the frame does not flash: it stands filled', async ({ page, kiosk }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(kiosk.url);
  await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
  await wedgeScan(page, '100999');
  const frame = page.getByTestId('read-frame');
  await expect(frame).toBeVisible();
  expect(await frame.evaluate((element) => element.getAnimations().length)).toBe(0);
});

test('codeProblem: "Try again" goes back to scanning', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await wedgeScan(page, '100404');
  await expect(screen(page)).toHaveAttribute('data-screen', 'codeProblem');
  await expect(page.getByRole('button', { name: 'Done' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
});

test('serviceProblem: they can still pay, a code for the cashier, and "Try again" goes back to scanning', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await wedgeScan(page, '100500');
  await expect(screen(page)).toHaveAttribute('data-screen', 'serviceProblem');
  await expect(page.locator('.lead')).toHaveText('You can still pay: the cashier can add the points later. Try again in a moment, or ask at the till.');
  await expect(page.getByTestId('staff-code')).toHaveText('For staff: code S-5XX');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
  await wedgeScan(page, '100999'); // past identify.timeoutMs
  await expect(page.getByTestId('staff-code')).toHaveText('For staff: code S-TO', { timeout: 6000 });
});

test('needsStaff (credentials refused): "ask at the till", they can still pay, code N-AUTH', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await wedgeScan(page, '100401');
  await expect(screen(page)).toHaveAttribute('data-screen', 'needsStaff');
  await expect(page.getByRole('heading', { name: 'Please ask at the till' })).toBeVisible();
  await expect(page.locator('.lead')).toContainText('You can still pay: the cashier can add the points later.');
  await expect(page.getByTestId('staff-code')).toHaveText('For staff: code N-AUTH');
});

test('member: "Your points" over the number, the picks with their tags, an unnamed offer as "Offer (PLU-200)"', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
  await page.getByRole('button', { name: 'Larger text' }).click();
  await wedgeScan(page, '100001');
  await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible({ timeout: 6000 });
  await expect(page.locator('.points-label')).toHaveText('Your points');
  await expect(page.getByTestId('points')).toHaveText('14,464');
  // One line, even in larger text.
  const points = await page.getByTestId('points').evaluate((element) => ({ height: element.getBoundingClientRect().height, line: parseFloat(getComputedStyle(element).lineHeight) }));
  expect(points.height).toBeLessThan(points.line * 1.5);
  const rows = page.getByTestId('items').locator('li');
  await expect(rows).toHaveText(['1 ×Whopper Jr.Reward', '2 ×Offer (PLU-200)']);
  // The tag is as large as the item's name, and beside it (on its line).
  const [name, tag] = await rows.first().evaluate((row) => ['.item-name', '.item-kind'].map((selector) => {
    const element = row.querySelector(selector) as HTMLElement;
    const box = element.getBoundingClientRect();
    return { size: parseFloat(getComputedStyle(element).fontSize), top: box.top, bottom: box.bottom, left: box.left, right: box.right };
  }));
  expect(tag?.size).toBe(name?.size);
  expect((tag?.left ?? 0) - (name?.right ?? 0)).toBeLessThan(80);
  expect(Math.abs((tag?.top ?? 0) + (tag?.bottom ?? 0) - (name?.top ?? 0) - (name?.bottom ?? 0)) / 2).toBeLessThan(12);
});

test('member with nothing picked: told to choose one in the app, no empty "Ready at the till" list', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await wedgeScan(page, '100012');
  await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible();
  await expect(page.getByTestId('no-items')).toHaveText('No rewards picked: choose one in the app and scan again');
  await expect(page.getByText('Ready at the till')).toHaveCount(0);
});

test('notMember without Vipps: the join link as a QR code a phone reads, "Joined? Scan again", twice the time', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await wedgeScan(page, NOT_MEMBER_PHONE_QR);
  await expect(screen(page)).toHaveAttribute('data-screen', 'notMember');
  await expect(page.getByRole('heading', { name: 'You are not a member yet' })).toBeVisible();
  await expect(page.locator('.lead')).toHaveText('Scan this code with your phone camera to join, and collect points on every visit.');
  // idleResetSeconds is 30: notMember stays 60.
  expect(Number((await page.getByTestId("countdown").textContent())?.match(/\d+/)?.[0])).toBeGreaterThan(30); // past 30: longer than any other screen, however late this reads it
  const picture = path.join(mkdtempSync(path.join(os.tmpdir(), 'join-qr-')), 'join.png');
  writeFileSync(picture, await page.getByTestId('join-qr').screenshot());
  await loadDecodersForNode();
  expect((await decodeStill(await photoFrame(picture, { width: 1280, height: 720 }))).text).toBe(JOIN_URL);
  await page.getByRole('button', { name: 'Joined? Scan again' }).click();
  await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
});

test('notMember with the join QR code fits every layout, in larger text, with no scrolling', async ({ page, kiosk }) => {
  for (const [index, viewport] of [
    { width: 1080, height: 1920 },
    { width: 1920, height: 1080 },
    { width: 800, height: 1280 },
  ].entries()) {
    await page.setViewportSize(viewport);
    await page.goto(kiosk.url);
    await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
    await page.getByRole('button', { name: 'Larger text' }).click();
    await wedgeScan(page, `https://qr.vipps.no/28/2/01/031/479876543${2 + index}?v=1`); // another customer each time
    await expect(page.getByTestId('join-qr')).toBeVisible();
    const overflow = await page.evaluate(() => {
      const stage = document.querySelector('.stage');
      return stage ? stage.scrollHeight > stage.clientHeight || stage.scrollWidth > stage.clientWidth : true;
    });
    expect({ ...viewport, overflow }).toEqual({ ...viewport, overflow: false });
    await expect(page.getByTestId('join-qr')).toBeInViewport({ ratio: 1 });
    await expect(page.getByRole('button', { name: 'Joined? Scan again' })).toBeInViewport({ ratio: 1 });
    await page.getByRole('button', { name: 'Joined? Scan again' }).click();
  }
});

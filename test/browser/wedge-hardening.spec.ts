/**
 * Keyboard-wedge input on real hardware's terms, in Chromium: chords, control characters and
 * dead keys inside a burst never reach the UI or act as shortcuts; a burst that stalls too
 * long is no code at all; a German PC reads a US scanner's URL; a person typing never scans.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../helpers/fixtures';
import { humanType, position, wedgeScanKeys, type WedgeKey } from '../helpers/wedge';

/** Records every keydown that gets past the page bridge, as the React UI would see it. Call after `goto`. */
async function recordUiKeys(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { uiKeys: string[] }).uiKeys = seen;
    document.addEventListener('keydown', (event) => seen.push(event.ctrlKey ? `Ctrl+${event.key}` : event.key));
  });
  return () => page.evaluate(() => (window as unknown as { uiKeys: string[] }).uiKeys);
}

/** A US scanner's keys on a US PC. */
const usKeys = (text: string): WedgeKey[] =>
  [...text].map((char) => {
    const [code, shift] = position(char);
    return { key: char, code, shift };
  });

async function ready(page: Page, url: string): Promise<() => Promise<string[]>> {
  await page.goto(url);
  await expect(page.locator('[data-screen="ready"]')).toBeVisible();
  // A marker that a reload (Ctrl+R acting as a shortcut) would wipe.
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  return recordUiKeys(page);
}

test('a Ctrl chord inside a burst is a control character: refused as a code, never a shortcut, never seen by the UI', async ({ page, kiosk }) => {
  const uiKeys = await ready(page, kiosk.url);
  await wedgeScanKeys(page, [...usKeys('123'), { key: 'r', code: 'KeyR', shift: false, ctrl: true }, ...usKeys('456')]);
  await expect(page.locator('[data-screen="codeProblem"]')).toBeVisible();
  await expect(page.locator('body')).toContainText('That is not a loyalty code');
  expect(await uiKeys()).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
});

test('an Alt chord inside a burst voids it: nothing is identified and the UI sees nothing', async ({ page, kiosk }) => {
  const uiKeys = await ready(page, kiosk.url);
  await wedgeScanKeys(page, [...usKeys('123'), { key: 'f', code: 'KeyF', shift: false, alt: true }, ...usKeys('456')]);
  await page.waitForTimeout(500); // a scan would have left `ready` well within this
  await expect(page.locator('[data-screen="ready"]')).toBeVisible();
  expect(await uiKeys()).toEqual([]);
});

test('a scanner suffix of CR LF (Enter, then Ctrl+J) scans once and leaves nothing for the UI', async ({ page, kiosk }) => {
  const uiKeys = await ready(page, kiosk.url);
  await wedgeScanKeys(page, [...usKeys('123456'), { key: 'Enter', code: 'Enter', shift: false }, { key: 'j', code: 'KeyJ', shift: false, ctrl: true }]);
  await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible();
  expect(await uiKeys()).toEqual([]);
});

test('a burst that stalls too long identifies nothing (its tail alone would be a wrong code)', async ({ page, kiosk }) => {
  await ready(page, kiosk.url);
  // 4711fc2a-…: a loyalty ID whose last six characters, alone, would not be it. Stalls of up to
  // 500 ms are survived (wedge-stalls.spec.ts); one of 700 ms is not.
  await wedgeScanKeys(page, usKeys('4711fc2a-3a8f-414f-a9e7-44dd5231dca7'), (index) => (index === 12 ? 700 : 4));
  await page.waitForTimeout(500);
  await expect(page.locator('[data-screen="ready"]')).toBeVisible();
  // The next, unbroken scan works.
  await wedgeScanKeys(page, usKeys('234567'));
  await expect(page.getByRole('heading', { name: 'Hi Ingrid!' })).toBeVisible();
});

test('a US scanner on a German PC: a dead key and garbled punctuation still read as the URL, and never reach the UI', async ({ page, kiosk }) => {
  const uiKeys = await ready(page, kiosk.url);
  // What a German OS makes of the US positions: ':' Ö, '/' -, '?' _, '=' ´ (a dead key).
  const german: Record<string, string> = { ':': 'Ö', '/': '-', '?': '_', '=': 'Dead' };
  const url = 'https://qr.vipps.no/28/2/01/031/4712345678?v=1';
  const keys = [...url].map((char): WedgeKey => {
    const [code, shift] = position(char);
    return { key: german[char] ?? char, code, shift };
  });
  await wedgeScanKeys(page, keys);
  await expect(page.getByRole('heading', { name: 'Hi Kari!' })).toBeVisible();
  expect(await uiKeys()).toEqual([]);
});

test('a person typing a code on a keyboard never scans, however the code looks', async ({ page, kiosk }) => {
  await ready(page, kiosk.url);
  await humanType(page, '123456', 90);
  await page.waitForTimeout(500);
  await expect(page.locator('[data-screen="ready"]')).toBeVisible();
});

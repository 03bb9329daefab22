/**
 * `npm run screenshots`: a picture of each screen for the README, taken from the web shell on
 * the embedded sandbox in Debian's Chromium, reached the way a customer reaches them (a
 * keyboard-wedge scan of the sandbox's codes, or the keypad for typing one), in portrait and landscape. Writes
 * docs/screenshots/<orientation>/<screen>.png.
 */
import { chromium, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/helpers/chromium';
import { startWebShell } from '../test/helpers/web-shell';
import { wedgeScan } from '../test/helpers/wedge';
import { buildIfStale } from './build';

const out = path.resolve(import.meta.dirname, '../docs/screenshots');
/** Screen → sandbox code that leads there (null: the start screen). */
const shots: Array<[string, string | null]> = [
  ['ready', null],
  ['identifying', '555555'],
  ['member', '123456'],
  ['notMember', 'https://qr.vipps.no/p/sandbox-ola'],
  ['codeProblem', '000000'],
  ['serviceProblem', '444444'],
  ['needsStaff', '333333'],
];
/** Every screen in both orientations (a 1080×1920 portrait kiosk, a 1920×1080 landscape one). */
const orientations = [
  { name: 'portrait', viewport: { width: 1080, height: 1920 } },
  { name: 'landscape', viewport: { width: 1920, height: 1080 } },
] as const;

await buildIfStale();
// The sandbox sample config's demo PIN (246810) opens staff mode for its two pictures.
const sample = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../assets/sandbox-config.json'), 'utf8')) as { staff: { pinHash: string } };
const shell = await startWebShell({ config: { idleResetSeconds: 60, staff: sample.staff } });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  for (const orientation of orientations) {
    const dir = path.join(out, orientation.name);
    mkdirSync(dir, { recursive: true });
    const page = await browser.newPage({ viewport: orientation.viewport, deviceScaleFactor: 0.5, reducedMotion: 'reduce' });
    await page.goto(shell.url);
    await page.locator('[data-screen="ready"]').waitFor();
    for (const [screen, code] of shots) {
      if (code) await wedgeScan(page, code);
      await page.locator(`[data-screen="${screen}"]`).waitFor();
      await shoot(page, path.join(dir, `${screen}.png`));
    }
    await page.getByRole('button', { name: 'Done' }).click();
    await page.locator('[data-screen="ready"]').waitFor();
    await keypadShot(page, dir);
    if (orientation.name === 'landscape') await staffShots(page, dir);
    if (orientation.name === 'portrait') {
      // The customer's own options: Norwegian, larger text and high contrast.
      await page.getByRole('radio', { name: 'Norsk bokmål' }).click();
      await page.getByRole('button', { name: 'Større tekst, høy kontrast' }).click();
      await shoot(page, path.join(dir, 'ready-nb-high-contrast.png'));
      await wedgeScan(page, '123456');
      await page.locator('[data-screen="member"]').waitFor();
      await shoot(page, path.join(dir, 'member-nb-high-contrast.png'));
      await page.getByRole('button', { name: 'Ferdig' }).click();
      await page.locator('[data-screen="ready"]').waitFor();
      await staffShots(page, dir);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await shell.stop();
}

async function shoot(page: Page, file: string): Promise<void> {
  await page.screenshot({ path: file });
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}

/** The keypad for typing the code, four digits in. */
async function keypadShot(page: Page, dir: string): Promise<void> {
  await page.getByRole('button', { name: 'Type your code' }).click();
  const keypad = page.getByRole('dialog', { name: 'Type your code' });
  for (const digit of '1234') await keypad.getByRole('button', { name: digit, exact: true }).click();
  await shoot(page, path.join(dir, 'keypad.png'));
  await keypad.getByRole('button', { name: 'Cancel' }).click();
  await keypad.waitFor({ state: 'detached' });
}

/** Staff mode: the PIN pad, then the panel. */
async function staffShots(page: Page, dir: string): Promise<void> {
  // Keys within 150 ms of a scanner burst belong to it (key-policy.ts): wait like a person would.
  await page.waitForTimeout(300);
  await page.keyboard.press('Control+Alt+KeyS');
  await page.locator('[data-screen="staff"]').waitFor();
  await shoot(page, path.join(dir, 'staff-pin.png'));
  for (const digit of '246810') await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'OK' }).click();
  await page.getByRole('heading', { name: 'Health' }).waitFor();
  await shoot(page, path.join(dir, 'staff.png'));
  // Main ignores scans while staff mode is open: close it before the next page scans.
  await page.getByRole('button', { name: 'Leave staff mode' }).click();
  await page.locator('[data-screen="ready"]').waitFor();
}

/**
 * `npm run screenshots`: a picture of each screen for the README, taken from the web shell on
 * the embedded sandbox in Debian's Chromium, reached the way a customer reaches them (a
 * keyboard-wedge scan of the sandbox's codes). Writes docs/screenshots/<screen>.png.
 */
import { chromium } from '@playwright/test';
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

await buildIfStale();
mkdirSync(out, { recursive: true });
// The sandbox sample config's demo PIN (2468) opens staff mode for its two pictures.
const sample = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../assets/sandbox-config.json'), 'utf8')) as { staff: { pinHash: string } };
const shell = await startWebShell({ config: { idleResetSeconds: 60, staff: sample.staff } });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1080, height: 1920 }, deviceScaleFactor: 0.5, reducedMotion: 'reduce' });
  await page.goto(shell.url);
  for (const [screen, code] of shots) {
    if (code) await wedgeScan(page, code);
    await page.locator(`[data-screen="${screen}"]`).waitFor();
    const file = path.join(out, `${screen}.png`);
    await page.screenshot({ path: file });
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
  // Staff mode: the PIN pad, then the panel.
  await page.getByRole('button', { name: 'Done' }).click();
  await page.locator('[data-screen="ready"]').waitFor();
  // Keys within 150 ms of a scanner burst belong to it (key-policy.ts): wait like a person would.
  await page.waitForTimeout(300);
  await page.keyboard.press('Control+Alt+KeyS');
  await page.locator('[data-screen="staff"]').waitFor();
  for (const [name, shot] of [['staff-pin', null], ['staff', '2468']] as const) {
    if (shot) {
      for (const digit of shot) await page.getByRole('button', { name: digit, exact: true }).click();
      await page.getByRole('button', { name: 'OK' }).click();
      await page.getByRole('heading', { name: 'Health' }).waitFor();
    }
    const file = path.join(out, `${name}.png`);
    await page.screenshot({ path: file });
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
} finally {
  await browser.close();
  await shell.stop();
}

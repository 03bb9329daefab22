/**
 * `npm run screenshots`: a picture of each screen for the README, taken from the web shell on
 * the embedded sandbox in Debian's Chromium, reached the way a customer reaches them (a
 * keyboard-wedge scan of the sandbox's codes). Writes docs/screenshots/<screen>.png.
 */
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
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
const shell = await startWebShell({ config: { idleResetSeconds: 60 } });
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
} finally {
  await browser.close();
  await shell.stop();
}

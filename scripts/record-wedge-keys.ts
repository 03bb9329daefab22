/**
 * Records key sequences as Chromium stamps them, for the wedge detector's unit tests
 * (test/fixtures/wedge/*.json): Playwright types each code the way a fast scanner does (and a
 * person, 60–150 ms a key), into a page that is made busy for a while at a chosen key, as the
 * kiosk's page is right after `ready` or on a loaded machine. Each file holds what the page's
 * keydown listener saw: key, code, Shift and `event.timeStamp`.
 *   tsx scripts/record-wedge-keys.ts
 */
import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/helpers/chromium';

const OUT = path.resolve(import.meta.dirname, '../test/fixtures/wedge');
const PAGE = `<!doctype html><body><script>
  window.keys = [];
  window.busyAt = -1; window.busyMs = 0;
  addEventListener('keydown', (event) => {
    window.keys.push({ key: event.key, code: event.code, shift: event.shiftKey, time: Math.round(event.timeStamp * 10) / 10 });
    // The page is busy (a render, a camera frame, a garbage collection) right after this key.
    if (window.keys.length === window.busyAt) { const until = performance.now() + window.busyMs; while (performance.now() < until); }
  });
</script></body>`;

interface Recording {
  what: string;
  text: string;
  keys: Array<{ key: string; code: string; shift: boolean; time: number }>;
}

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  const recordings: Recording[] = [];
  const record = async (what: string, text: string, options: { delay?: number; busyAt?: number; busyMs?: number }) => {
    await page.setContent(PAGE);
    await page.evaluate(([at, ms]) => Object.assign(window, { busyAt: at, busyMs: ms }), [options.busyAt ?? -1, options.busyMs ?? 0]);
    await page.keyboard.type(text, { delay: options.delay ?? 0 });
    await page.keyboard.press('Enter', { delay: 0 });
    recordings.push({ what, text, keys: await page.evaluate(() => (window as unknown as { keys: Recording['keys'] }).keys) });
  };
  const vipps = 'https://qr.vipps.no/28/2/01/031/4712345678?v=1';
  await record('scanner-fast, no stall', vipps, {});
  await record('page busy 130 ms after the 1st key', '123456', { busyAt: 1, busyMs: 130 });
  await record('page busy 450 ms after the 10th key', vipps, { busyAt: 10, busyMs: 450 });
  await record('page busy 450 ms after the last character (before Enter)', '4711fc2a-3a8f-414f-a9e7-44dd5231dca7', { busyAt: 36, busyMs: 450 });
  await record('a person, 90 ms a key', '123456', { delay: 90 });
  await record('a person, 60 ms a key', vipps, { delay: 60 });
  await browser.close();
  for (const [index, recording] of recordings.entries()) {
    writeFileSync(path.join(OUT, `recorded-${index + 1}.json`), `${JSON.stringify(recording, null, 1)}\n`);
  }
  console.log(`wrote ${recordings.length} recordings to ${OUT}`);
}

void main();

import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/helpers/chromium';
import { startWebShell } from './test/helpers/web-shell';
import { buildIfStale } from './scripts/build';
await buildIfStale();
const shell = await startWebShell({ config: { idleResetSeconds: 60 } });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  for (const [name, viewport] of [['tablet', { width: 800, height: 1280 }], ['portrait', { width: 1080, height: 1920 }], ['landscape', { width: 1920, height: 1080 }]] as const) {
    const page = await browser.newPage({ viewport, deviceScaleFactor: 0.5 });
    await page.goto(shell.url);
    await page.locator('[data-screen="ready"]').waitFor();
    for (const larger of [false, true]) {
      if (larger) await page.getByRole('button', { name: 'Larger text' }).click();
      await page.waitForTimeout(300);
      const o = await page.evaluate(() => { const s = document.querySelector('.stage')!; return [s.scrollHeight, s.clientHeight]; });
      console.log(name, larger, o);
      await page.screenshot({ path: `/tmp/exp22/${name}-${larger}-ready.png` });
    }
    await page.close();
  }
} finally { await browser.close(); await shell.stop(); }

/**
 * Renders assets/icon.svg to assets/icon.png (1024×1024), the picture electron-builder turns
 * into each platform's icon (.ico, .icns, Linux sizes). Run after changing the SVG:
 *   tsx scripts/render-icon.ts
 */
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/helpers/chromium';

const assets = path.resolve(import.meta.dirname, '../assets');
const svg = readFileSync(path.join(assets, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: path.join(assets, 'icon.png'), omitBackground: true });
  console.log('Wrote assets/icon.png');
} finally {
  await browser.close();
}

/**
 * The web shell's page as Chromium loads it: small and compressed, with a favicon and nothing
 * missing; its scripts cached between tabs; and the camera opened only once the customer's
 * first screen is up, never ahead of it, its decoder loaded only once a camera opens.
 */
import type { CDPSession } from '@playwright/test';
import { expect, test } from '../helpers/fixtures';

test('the page loads compressed, with small bridges, a favicon and not one failed request', async ({ page, kiosk }) => {
  const failed: string[] = [];
  const scripts = new Map<string, { encoding: string | undefined; bytes: number }>();
  page.on('console', (message) => message.type() === 'error' && failed.push(`console: ${message.text()}`));
  page.on('requestfailed', (request) => failed.push(`${request.url()}: ${request.failure()?.errorText}`));
  page.on('response', async (response) => {
    if (response.status() >= 400) failed.push(`${response.url()}: ${response.status()}`);
    if (!response.url().endsWith('.js')) return;
    const headers = await response.allHeaders();
    const sizes = await response.request().sizes();
    scripts.set(new URL(response.url()).pathname.split('/').slice(2).join('/'), { encoding: headers['content-encoding'], bytes: sizes.responseBodySize });
  });
  await page.goto(kiosk.url);
  await expect(page.locator('[data-screen="ready"]')).toBeVisible();
  // The capture page comes after the ready screen: wait for its bridge. It tries the camera
  // (this Chromium has none) and leaves its decoder unloaded: nothing to decode.
  await expect.poll(() => scripts.has('capture-bridge.js')).toBe(true);
  await expect.poll(() => kiosk.output()).toMatch(/"event":"camera-state","state":"unavailable"/);
  expect(scripts.has('capture/capture-worker.js')).toBe(false);

  for (const name of ['page-bridge.js', 'capture-bridge.js']) {
    expect(scripts.get(name)?.encoding, name).toBe('br');
    expect(scripts.get(name)?.bytes, name).toBeLessThanOrEqual(20 * 1024);
  }
  // The decoder (over 1 MB) is served compressed too, when a camera opens (camera.spec.ts reads with it).
  const worker = await page.request.get(new URL('capture/capture-worker.js', kiosk.url).href, { headers: { 'accept-encoding': 'br' } });
  expect(worker.status()).toBe(200);
  expect(worker.headers()['content-encoding']).toBe('br');
  const ui = [...scripts.keys()].find((name) => /^assets\/index-[\w-]{8}\.js$/.test(name));
  expect(ui && scripts.get(ui)?.encoding).toBe('br');

  const icon = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(icon).toMatch(/^\.\/assets\/icon-[\w-]{8}\.svg$/);
  const answer = await page.request.get(new URL(icon ?? '', kiosk.url).href);
  expect(answer.status()).toBe(200);
  expect(answer.headers()['content-type']).toBe('image/svg+xml');
  expect(failed).toEqual([]);
});

test("a second tab takes the UI's hashed scripts from the browser's cache", async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await expect(page.locator('[data-screen="ready"]')).toBeVisible();

  const second = await page.context().newPage();
  const cdp: CDPSession = await page.context().newCDPSession(second);
  const fromNetwork: string[] = [];
  const cached: string[] = [];
  await cdp.send('Network.enable');
  cdp.on('Network.requestServedFromCache', () => cached.push('memory or disk'));
  cdp.on('Network.responseReceived', (event) => {
    const { url, fromDiskCache } = event.response;
    if (!/\/assets\/index-[\w-]{8}\.js$/.test(url)) return;
    if (fromDiskCache) cached.push(url);
    else fromNetwork.push(url);
  });
  await second.goto(kiosk.url);
  await expect(second.locator('[data-screen="ready"]')).toBeVisible();
  expect(fromNetwork).toEqual([]);
  expect(cached.length).toBeGreaterThan(0);
});

test("the camera's page is opened once the first screen is up, not before", async ({ page, kiosk }) => {
  // Records, in the page, when the UI first showed a screen and when the capture frame arrived.
  await page.addInitScript(`
    window.__order = [];
    new MutationObserver(() => {
      if (!window.__order.includes('screen') && document.querySelector('[data-screen]')) window.__order.push('screen');
      if (!window.__order.includes('camera') && document.querySelector('iframe[src="capture/capture.html"]')) window.__order.push('camera');
    }).observe(document, { subtree: true, childList: true, attributes: true });
  `);
  await page.goto(kiosk.url);
  await expect(page.locator('[data-screen="ready"]')).toBeVisible();
  await expect(page.locator('iframe[src="capture/capture.html"]')).toHaveCount(1);
  expect(await page.evaluate(() => (window as unknown as { __order: string[] }).__order)).toEqual(['screen', 'camera']);
  // The capture page it opened is working: it tries the camera (this Chromium has none) and tells main.
  await expect.poll(() => kiosk.output()).toMatch(/"event":"camera-state","state":"(starting|unavailable)"/);
});

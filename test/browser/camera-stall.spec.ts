/**
 * A capture page whose frames stop, in Debian's Chromium: Chromium's fake camera loops its video
 * forever, so the test makes the frames stop the way a kiosk meets it, with nothing ending and
 * nothing crashing: the capture worker's thread is stopped (paused in Chromium's debugger, over
 * the DevTools protocol, as a decode stuck in WebAssembly would hold it, without burning a core
 * the way a busy loop would on this shared machine), so it reads no frame and its heartbeat stops.
 * Main must see the silence after 10 s, count and log it, and have the capture page start over
 * (here a hidden frame of the UI page, which reloads itself); the new worker reads the code again.
 */
import path from 'node:path';
import { english as t } from '../helpers/catalogue';
import type { Browser } from '@playwright/test';
import { closedPort } from '../helpers/fake-identify-server';
import { useFakeCamera } from '../helpers/fake-camera';
import { expect, test } from '../helpers/fixtures';
import { DEMO_PIN, DEMO_PIN_HASH } from '../helpers/demo-pin';
import { qrFrame } from '../helpers/qr-frames';
import { writeY4m } from '../helpers/y4m';

const LOYALTY_ID = '4711fc2a-3a8f-414f-a9e7-44dd5231dca7';
const TOKEN = 'stall-metrics-token-0123456789';

const PIN_HASH = DEMO_PIN_HASH;
const camera = useFakeCamera();
let metricsPort = 0;

test.beforeAll(async () => {
  metricsPort = await closedPort();
});

test.use({
  // The back end's address is known only once it started; Playwright reads a fixture's
  // dependencies from this destructuring: it stays empty.
  // eslint-disable-next-line no-empty-pattern
  kioskConfig: async ({}, use: (config: unknown) => Promise<void>) =>
    use({
      idleResetSeconds: 60,
      identify: { baseUrl: camera.backEnd().baseUrl, token: 'cam-token' },
      scanners: { camera: { fps: 10 } },
      telemetry: { prometheus: { port: metricsPort, token: TOKEN } },
      staff: { pinHash: PIN_HASH },
    }),
});

test('frames that stop for 10 s restart the capture page, counted and logged, and the camera reads again', async ({ kiosk }) => {
  test.setTimeout(120_000);
  const video = path.join(camera.dir(), 'camera.y4m');
  await writeY4m(video, 640, 480, 10, (function* () {
    for (let i = 0; i < 20; i++) yield qrFrame(LOYALTY_ID, { width: 640, height: 480, modulePx: 6, noise: 3, seed: i });
  })());
  const browser = await camera.launch(video);
  const page = await browser.newPage();
  await page.goto(kiosk.url);
  await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible({ timeout: 20_000 });

  const worker = page.workers().find((candidate) => candidate.url().endsWith('/capture/capture-worker.js'));
  if (!worker) throw new Error(`no capture worker among ${page.workers().map((each) => each.url()).join(', ')}`);
  await stopWorkerThread(browser);
  const hungAt = Date.now();
  const readBefore = camera.backEnd().requests.length;

  await expect.poll(() => kiosk.output(), { timeout: 20_000 }).toMatch(/"event":"camera-stalled","silentSeconds":\d+,"stalls":1/);
  expect(camera.backEnd().requests).toHaveLength(readBefore); // nothing was read while it hung
  const stalledAfterMs = Date.now() - hungAt;
  expect(Number(/"event":"camera-stalled","silentSeconds":(\d+)/.exec(kiosk.output())?.[1])).toBeGreaterThanOrEqual(10);
  // The last heartbeat before the hang came up to 2 s before it; the silence itself is 10 s or more.
  expect(stalledAfterMs).toBeGreaterThan(7500);
  expect(kiosk.output()).toMatch(/"event":"camera-state","state":"unavailable","detail":"FramesStalled"/);

  // The page started over: a new worker reads, and the code that was out of sight for more than
  // the duplicate window identifies again.
  await expect.poll(() => page.workers().some((each) => each !== worker && each.url().endsWith('/capture/capture-worker.js')), { timeout: 20_000 }).toBe(true);
  await expect.poll(() => camera.backEnd().requests.length, { timeout: 30_000 }).toBeGreaterThan(readBefore);
  await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible();
  expect(kiosk.output().match(/"event":"camera-stalled"/g)).toHaveLength(1);

  const scrape = await fetch(`http://127.0.0.1:${metricsPort}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  const metrics = await scrape.text();
  expect(metrics).toMatch(/^kiosk_camera_stalls_total 1$/m);
  expect(metrics).toMatch(/^kiosk_scanner_up\{scanner="camera"\} 1$/m);

  // Staff see it in the health view.
  await page.keyboard.press('Control+Alt+KeyS');
  for (const digit of DEMO_PIN) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: t('staff.ok'), exact: true }).click();
  const cameraRow = page.locator('.staff-health dl > div', { has: page.getByText(t('staff.health.camera'), { exact: true }) }).locator('dd');
  await expect(cameraRow).toContainText(/restarted 1× after its frames stopped, last /);
});

/** Pauses the capture worker's thread in Chromium's debugger: it runs no more code, reads no frame. */
async function stopWorkerThread(browser: Browser): Promise<void> {
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; type: string; url: string }> };
  const target = targetInfos.find((each) => each.type === 'worker' && each.url.endsWith('/capture/capture-worker.js'));
  if (!target) throw new Error('the capture worker is not among the browser\'s targets');
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
  let id = 0;
  for (const method of ['Debugger.enable', 'Debugger.pause']) await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: ++id, method }) });
}

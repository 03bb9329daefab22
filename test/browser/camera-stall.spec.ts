/**
 * A capture page whose frames stop, in Debian's Chromium: Chromium's fake camera loops its video
 * forever, so the test makes the frames stop the way a kiosk meets it, with nothing ending and
 * nothing crashing: the capture worker is held in an endless loop (as a decode stuck in
 * WebAssembly would hold it), so it reads no frame and its heartbeat stops. Main must see the
 * silence after 10 s, count and log it, and have the capture page start over (here a hidden frame
 * of the UI page, which reloads itself); the new worker reads the code again.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { english as t } from '../helpers/catalogue';
import { closedPort } from '../helpers/fake-identify-server';
import { useFakeCamera } from '../helpers/fake-camera';
import { expect, test } from '../helpers/fixtures';
import { qrFrame } from '../helpers/qr-frames';
import { writeY4m } from '../helpers/y4m';

const LOYALTY_ID = '4711fc2a-3a8f-414f-a9e7-44dd5231dca7';
const TOKEN = 'stall-metrics-token-0123456789';
/** The demo PIN 2468 (assets/sandbox-config.json). */
const PIN_HASH = (JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../assets/sandbox-config.json'), 'utf8')) as { staff: { pinHash: string } }).staff.pinHash;
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
  test.setTimeout(90_000);
  const video = path.join(camera.dir(), 'camera.y4m');
  await writeY4m(video, 640, 480, 10, (function* () {
    for (let i = 0; i < 20; i++) yield qrFrame(LOYALTY_ID, { width: 640, height: 480, modulePx: 6, noise: 3, seed: i });
  })());
  const page = await (await camera.launch(video)).newPage();
  await page.goto(kiosk.url);
  await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible({ timeout: 20_000 });
  expect(camera.backEnd().requests).toHaveLength(1);

  const worker = page.workers().find((candidate) => candidate.url().endsWith('/capture/capture-worker.js'));
  if (!worker) throw new Error(`no capture worker among ${page.workers().map((each) => each.url()).join(', ')}`);
  const hungAt = Date.now();
  // Never settles while the loop runs; it ends with an error once the worker is gone.
  void worker.evaluate(() => {
    for (;;) {
      // a decode that never returns
    }
  }).catch(() => undefined);

  await expect.poll(() => kiosk.output(), { timeout: 20_000 }).toMatch(/"event":"camera-stalled","silentSeconds":1\d,"stalls":1/);
  const stalledAfterMs = Date.now() - hungAt;
  // The last heartbeat before the hang came up to 2 s before it; the silence itself is 10 s or more.
  expect(stalledAfterMs).toBeGreaterThan(7500);
  expect(kiosk.output()).toMatch(/"event":"camera-state","state":"unavailable","detail":"FramesStalled"/);

  // The page started over: a new worker reads, and the code that was out of sight for more than
  // the duplicate window identifies again. (The stuck worker's thread ends with its page; with
  // Playwright's debugger attached to it, Chromium may take its time, so the test does not wait.)
  await expect.poll(() => page.workers().some((each) => each !== worker && each.url().endsWith('/capture/capture-worker.js')), { timeout: 15_000 }).toBe(true);
  await expect.poll(() => camera.backEnd().requests.length, { timeout: 20_000 }).toBe(2);
  await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible();
  expect(kiosk.output().match(/"event":"camera-stalled"/g)).toHaveLength(1);

  const scrape = await fetch(`http://127.0.0.1:${metricsPort}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  const metrics = await scrape.text();
  expect(metrics).toMatch(/^kiosk_camera_stalls_total 1$/m);
  expect(metrics).toMatch(/^kiosk_scanner_up\{scanner="camera"\} 1$/m);

  // Staff see it in the health view.
  await page.keyboard.press('Control+Alt+KeyS');
  for (const digit of '2468') await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: t('staff.ok'), exact: true }).click();
  const cameraRow = page.locator('.staff-health dd').nth(5);
  await expect(page.locator('.staff-health dt').nth(5)).toHaveText(t('staff.health.camera'));
  await expect(cameraRow).toContainText(/restarted 1× after its frames stopped, last /);
});

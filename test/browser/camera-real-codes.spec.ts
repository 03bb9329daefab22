/**
 * The camera against codes nobody here drew: Chromium's fake camera plays a video made from two
 * photographs of the shared corpus (the second an inverted code, light on dark), and a loyalty
 * ID drawn light on dark as a phone in dark mode shows it. The corpus photos hold no loyalty
 * code, so reading them shows "not a loyalty code"; @zxing/library alone reads neither inverted
 * code, so these also show that ZXing-C++ runs in the capture worker.
 */
import path from 'node:path';
import { photoFrame } from '../../scripts/camera/photo-frame';
import { CORPUS_DIR } from '../../scripts/camera/qr-corpus';
import { useFakeCamera } from '../helpers/fake-camera';
import { expect, test } from '../helpers/fixtures';
import { qrFrame, sceneFrame } from '../helpers/qr-frames';
import { writeY4m } from '../helpers/y4m';

const WIDTH = 640;
const HEIGHT = 480;
const FPS = 10;
const LOYALTY_ID = '4711fc2a-3a8f-414f-a9e7-44dd5231dca7';

const camera = useFakeCamera();

test.use({
  // A fixture, because the back end's address is known only once it started; Playwright reads
  // a fixture's dependencies from this destructuring, so it must stay, empty.
  // eslint-disable-next-line no-empty-pattern
  kioskConfig: async ({}, use: (config: unknown) => Promise<void>) => use({ idleResetSeconds: 30, identify: { baseUrl: camera.backEnd().baseUrl, token: 'cam-token' }, scanners: { camera: { fps: FPS } } }),
});

/** `count` frames of `frame`, each with a little sensor noise of its own. */
function* noisy(frame: Uint8Array | Uint8ClampedArray, count: number) {
  for (let i = 0; i < count; i++) yield Uint8ClampedArray.from(frame, (value, at) => value + ((at * 7919 + i * 104729) % 5) - 2);
}

/** A video: 1 s of empty scene, then 3 s of `frame`. */
async function video(frame: Uint8Array | Uint8ClampedArray): Promise<string> {
  const file = path.join(camera.dir(), 'camera.y4m');
  const frames = function* () {
    for (let i = 0; i < FPS; i++) yield sceneFrame(WIDTH, HEIGHT, 3, i + 1);
    yield* noisy(frame, 3 * FPS);
  };
  await writeY4m(file, WIDTH, HEIGHT, FPS, frames());
  return file;
}

async function showToCamera(url: string, videoFile: string) {
  const page = await (await camera.launch(videoFile)).newPage();
  await page.goto(url);
  return page;
}

/** When the camera sent a scan that was not a loyalty code, by the kiosk's log (ms). */
const cameraRejections = (output: string) =>
  [...output.matchAll(/^\{"time":"([^"]+)","level":"info","event":"session","scanner":"camera","type":"rejected"/gm)].map(([, time]) => Date.parse(time!));

test('one video of two corpus photos, a printed code then an inverted one (light on dark): each is read and told it is not a loyalty code; nothing is sent', async ({ kiosk }) => {
  const printed = await photoFrame(path.join(CORPUS_DIR, 'qrcode-1/1.webp'), { width: WIDTH, height: HEIGHT });
  const inverted = await photoFrame(path.join(CORPUS_DIR, 'qrcode-2/qr-inv-1.webp'), { width: WIDTH, height: HEIGHT });
  // Each photo is in view for 3 s, within the kiosk's 3 s window for a code seen again, so each
  // can make one scan and no more. The second photo comes 5 s after the first; the looping video
  // shows the first again 24 s after it. Two rejections less than 12 s apart therefore mean both
  // photos were read, the second one too.
  const file = path.join(camera.dir(), 'camera.y4m');
  const frames = function* () {
    for (let i = 0; i < FPS; i++) yield sceneFrame(WIDTH, HEIGHT, 3, i + 1);
    yield* noisy(printed.data, 3 * FPS);
    for (let i = 0; i < 2 * FPS; i++) yield sceneFrame(WIDTH, HEIGHT, 3, i + 100);
    yield* noisy(inverted.data, 3 * FPS);
    for (let i = 0; i < 15 * FPS; i++) yield sceneFrame(WIDTH, HEIGHT, 3, i + 200);
  };
  await writeY4m(file, WIDTH, HEIGHT, FPS, frames());
  const page = await showToCamera(kiosk.url, file);

  await expect(page.locator('[data-screen="codeProblem"]')).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('body')).toContainText('That is not a loyalty code');
  await expect.poll(() => cameraRejections(kiosk.output()).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
  // The customer steps back to the start, so the second photo's answer is a screen of its own
  // (unless a loaded machine was so slow that the second photo was read already).
  if (cameraRejections(kiosk.output()).length === 1) {
    await page.getByRole('button', { name: 'Try again' }).click();
  }
  await expect.poll(() => cameraRejections(kiosk.output()).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
  const [first, second] = cameraRejections(kiosk.output()) as [number, number];
  expect(second - first).toBeLessThan(12_000);
  await expect(page.locator('[data-screen="codeProblem"]')).toBeVisible();
  await expect(page.locator('body')).toContainText('That is not a loyalty code');
  expect(camera.backEnd().requests).toHaveLength(0);
});

test('a loyalty ID shown light on dark (a phone in dark mode) identifies the member', async ({ kiosk }) => {
  const frame = qrFrame(LOYALTY_ID, { width: WIDTH, height: HEIGHT, modulePx: 5, inverted: true });
  const page = await showToCamera(kiosk.url, await video(frame));
  await expect(page.locator('[data-screen="member"]')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible();
  expect(camera.backEnd().requests.map((request) => (request.body as { identifier: string }).identifier)).toEqual([LOYALTY_ID]);
});

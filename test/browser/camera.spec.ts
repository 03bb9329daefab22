/**
 * Camera scans in Debian's Chromium: its fake camera plays a Y4M video the test writes from a
 * QR code it generates (blank frames first, then the code). The web shell's capture page reads
 * it through the same code path as Electron's hidden capture window.
 */
import type { Browser } from '@playwright/test';
import path from 'node:path';
import { useFakeCamera } from '../helpers/fake-camera';
import { expect, test } from '../helpers/fixtures';
import { qrFrame, sceneFrame } from '../helpers/qr-frames';
import { wedgeScan } from '../helpers/wedge';
import { writeY4m } from '../helpers/y4m';

const WIDTH = 640;
const HEIGHT = 480;
const FPS = 10;
const LOYALTY_ID = '4711fc2a-3a8f-414f-a9e7-44dd5231dca7';

const camera = useFakeCamera();

/** A video of `blank` empty frames, then `code` frames showing the QR code (or more empty ones). */
async function video(blank: number, code: number, text: string | null): Promise<string> {
  const file = path.join(camera.dir(), 'camera.y4m');
  const frames = function* () {
    for (let i = 0; i < blank; i++) yield sceneFrame(WIDTH, HEIGHT, 3, i + 1);
    for (let i = 0; i < code; i++) yield text ? qrFrame(text, { width: WIDTH, height: HEIGHT, modulePx: 6, noise: 3, seed: 100 + i }) : sceneFrame(WIDTH, HEIGHT, 3, 100 + i);
  };
  await writeY4m(file, WIDTH, HEIGHT, FPS, frames());
  return file;
}

const cameraBrowser = (videoFile: string): Promise<Browser> => camera.launch(videoFile);

/** A kiosk config on the recording back end (known only once it started, hence a fixture). */
function kioskConfig(overrides: { idleResetSeconds?: number; camera?: Record<string, unknown> } = {}) {
  // Playwright reads a fixture's dependencies from this destructuring, so it must stay, empty.
  // eslint-disable-next-line no-empty-pattern
  return async ({}, use: (config: unknown) => Promise<void>) => {
    await use({
      idleResetSeconds: overrides.idleResetSeconds ?? 30,
      identify: { baseUrl: camera.backEnd().baseUrl, token: 'cam-token' },
      scanners: { camera: { fps: FPS, ...overrides.camera } },
    });
  };
}

test.use({ kioskConfig: kioskConfig() });

test('a loyalty ID shown to the camera identifies the member, with exactly one identify request', async ({ kiosk }) => {
  const page = await (await cameraBrowser(await video(10, 40, LOYALTY_ID))).newPage();
  await page.goto(kiosk.url);
  await expect(page.locator('[data-screen="ready"]')).toBeVisible();
  await expect(page.locator('[data-screen="member"]')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible();
  // The video loops: the code stays in view, goes, comes back within the duplicate window.
  await page.waitForTimeout(6000);
  expect(camera.backEnd().requests.map((request) => (request.body as { identifier: string }).identifier)).toEqual([LOYALTY_ID]);
});

test.describe('after the result screen has reset', () => {
  test.use({ kioskConfig: kioskConfig({ idleResetSeconds: 3 }) });

  test('taking the code away and showing it again identifies again', async ({ kiosk }) => {
    // 4 s without the code (longer than the 3 s duplicate window), then 1 s with it; it loops.
    const page = await (await cameraBrowser(await video(40, 10, LOYALTY_ID))).newPage();
    await page.goto(kiosk.url);
    await expect.poll(() => camera.backEnd().requests.length, { timeout: 20_000 }).toBe(2);
    expect(camera.backEnd().requests.map((request) => (request.body as { identifier: string }).identifier)).toEqual([LOYALTY_ID, LOYALTY_ID]);
  });
});

test('the ready screen shows the camera picture to aim with', async ({ kiosk }) => {
  const page = await (await cameraBrowser(await video(20, 0, null))).newPage();
  await page.goto(kiosk.url);
  await expect(page.getByTestId('camera-preview')).toBeVisible({ timeout: 10_000 });
  expect(await page.getByTestId('camera-preview').getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/);
});

test('an empty scene never triggers an identification', async ({ kiosk }) => {
  const page = await (await cameraBrowser(await video(30, 0, null))).newPage();
  await page.goto(kiosk.url);
  await expect(page.getByTestId('camera-preview')).toBeVisible({ timeout: 10_000 }); // the camera runs
  await page.waitForTimeout(4000);
  await expect(page.locator('[data-screen]')).toHaveAttribute('data-screen', 'ready');
  expect(camera.backEnd().requests).toHaveLength(0);
});

test.describe('a camera that cannot be opened', () => {
  test.use({ kioskConfig: kioskConfig({ camera: { deviceId: 'no-such-camera' } }) });

  test('is reported, and the wedge scanner keeps working', async ({ kiosk }) => {
    const page = await (await cameraBrowser(await video(10, 0, null))).newPage();
    await page.goto(kiosk.url);
    await expect(page.locator('[data-screen="ready"]')).toBeVisible();
    await expect.poll(() => kiosk.output()).toMatch(/"event":"camera-state","state":"unavailable","detail":"OverconstrainedError"/);
    await expect(page.getByTestId('camera-preview')).toHaveCount(0);
    await wedgeScan(page, '123456');
    await expect(page.locator('[data-screen="member"]')).toBeVisible();
    expect(camera.backEnd().requests).toHaveLength(1);
  });
});

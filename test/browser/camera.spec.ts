/**
 * Camera scans in Debian's Chromium: its fake camera plays a Y4M video the test writes from a
 * QR code it generates (blank frames first, then the code). The web shell's capture page reads
 * it through the same code path as Electron's hidden capture window. A damaged code raises the
 * "code seen but not read" hint; staff see what the camera offers and what it was set to, with
 * the file camera and with Chromium's own fake camera (focus and exposure controls).
 */
import { AIMING_AREA_SHARE, aimingArea } from '../../electron/capture/preview-jpeg';
import type { Browser, Page } from '@playwright/test';
import path from 'node:path';
import { english as t } from '../helpers/catalogue';
import { useFakeCamera } from '../helpers/fake-camera';
import { expect, test } from '../helpers/fixtures';
import { DEMO_PIN, DEMO_PIN_HASH } from '../helpers/demo-pin';
import { qrFrame, sceneFrame } from '../helpers/qr-frames';
import { wedgeScan } from '../helpers/wedge';
import { writeY4m } from '../helpers/y4m';

const WIDTH = 640;
const HEIGHT = 480;
const FPS = 10;
const LOYALTY_ID = '4711fc2a-3a8f-414f-a9e7-44dd5231dca7';

const camera = useFakeCamera();

/** A video of `blank` empty frames, then `code` frames showing the QR code (or more empty ones), `damage` of it flipped. */
async function video(blank: number, code: number, text: string | null, damage = 0): Promise<string> {
  const file = path.join(camera.dir(), 'camera.y4m');
  const frames = function* () {
    for (let i = 0; i < blank; i++) yield sceneFrame(WIDTH, HEIGHT, 3, i + 1);
    for (let i = 0; i < code; i++) yield text ? qrFrame(text, { width: WIDTH, height: HEIGHT, modulePx: 6, noise: 3, seed: 100 + i, damage }) : sceneFrame(WIDTH, HEIGHT, 3, 100 + i);
  };
  await writeY4m(file, WIDTH, HEIGHT, FPS, frames());
  return file;
}

const cameraBrowser = (videoFile: string | null): Promise<Browser> => camera.launch(videoFile);

/** A kiosk config on the recording back end (known only once it started, hence a fixture). */
function kioskConfig(overrides: { idleResetSeconds?: number; camera?: Record<string, unknown>; staff?: Record<string, unknown> } = {}) {
  // Playwright reads a fixture's dependencies from this destructuring, so it must stay, empty.
  // eslint-disable-next-line no-empty-pattern
  return async ({}, use: (config: unknown) => Promise<void>) => {
    await use({
      idleResetSeconds: overrides.idleResetSeconds ?? 30,
      identify: { baseUrl: camera.backEnd().baseUrl, token: 'cam-token' },
      scanners: { camera: { fps: FPS, ...overrides.camera } },
      ...(overrides.staff ? { staff: overrides.staff } : {}),
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

test('the ready screen shows the camera picture to aim with: the aiming area alone, cropped at the camera\'s pixels, inside the aiming frame', async ({ kiosk }) => {
  const page = await (await cameraBrowser(await video(20, 0, null))).newPage();
  await page.goto(kiosk.url);
  await expect(page.getByTestId('camera-preview')).toBeVisible({ timeout: 10_000 });
  expect(await page.getByTestId('camera-preview').getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/);
  // The camera gives 640×480 (4:3); the preview is the centred square of the aiming area, 56 % of
  // the shorter side, at the camera's own pixels (not scaled up, not the whole scene).
  const picture = await page.getByTestId('camera-preview').evaluate((image: HTMLImageElement) => ({ width: image.naturalWidth, height: image.naturalHeight }));
  const { side } = aimingArea(WIDTH, HEIGHT);
  expect(side).toBe(Math.round(HEIGHT * AIMING_AREA_SHARE));
  expect(picture).toEqual({ width: side, height: side });
  // Drawn where the aiming frame is, with at least one camera pixel for every two screen pixels (not blocky).
  const [shown, frame] = await Promise.all([page.getByTestId('camera-preview').boundingBox(), page.getByTestId('aiming-frame').boundingBox()]);
  expect(shown && frame && Math.abs(shown.x - frame.x) <= 2 && Math.abs(shown.width - frame.width) <= 2 && Math.abs(shown.y - frame.y) <= 2).toBe(true);
  expect(side / (shown?.width ?? Infinity)).toBeGreaterThan(0.5);
});

test('an empty scene never triggers an identification', async ({ kiosk }) => {
  const page = await (await cameraBrowser(await video(30, 0, null))).newPage();
  await page.goto(kiosk.url);
  await expect(page.getByTestId('camera-preview')).toBeVisible({ timeout: 10_000 }); // the camera runs
  await page.waitForTimeout(4000);
  await expect(page.locator('[data-screen]')).toHaveAttribute('data-screen', 'ready');
  expect(camera.backEnd().requests).toHaveLength(0);
  await expect(page.getByTestId('camera-hint')).toHaveCount(0); // nothing seen, nothing to say
});

test('a code in view that the decoder finds but cannot read: after a few seconds the ready screen says what to do', async ({ kiosk }) => {
  // A loyalty ID with 30 % of its data modules flipped (as glare or a cracked screen leaves it), looping.
  const page = await (await cameraBrowser(await video(5, 40, LOYALTY_ID, 0.3))).newPage();
  await page.goto(kiosk.url);
  await expect(page.getByTestId('camera-preview')).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId('camera-hint')).toHaveText(t('ready.cameraHint'), { timeout: 15_000 });
  await expect(page.getByTestId('announcer')).toContainText(t('ready.cameraHint'));
  await expect(page.getByTestId('aiming-frame')).toBeVisible();
  // The preview is a mirror, as a person expects to see what they hold up.
  expect(await page.getByTestId('camera-preview').evaluate((image) => getComputedStyle(image).transform)).toBe('matrix(-1, 0, 0, 1, 0, 0)');
  expect(kiosk.output()).toMatch(/"event":"camera-hint","codeNotRead":true/);
  expect(camera.backEnd().requests).toHaveLength(0);
});

test.describe('staff health', () => {
  const pinHash = DEMO_PIN_HASH;
  const row = (page: Page, label: string) => page.locator('.staff-health dt', { hasText: label }).locator('xpath=following-sibling::dd');

  async function openHealth(page: Page, url: string): Promise<void> {
    await page.goto(url);
    await expect(page.getByTestId('camera-preview')).toBeVisible({ timeout: 10_000 });
    await page.keyboard.press('Control+Alt+KeyS');
    for (const digit of DEMO_PIN) await page.getByRole('button', { name: digit, exact: true }).click();
    await page.getByRole('button', { name: t('staff.ok'), exact: true }).click();
  }

  test.describe('a camera that plays a video', () => {
    test.use({ kioskConfig: kioskConfig({ staff: { pinHash } }) });

    test('shows what it offers and what it was set to: its one mode, no focus or exposure control', async ({ kiosk }) => {
      const page = await (await cameraBrowser(await video(20, 0, null))).newPage();
      await openHealth(page, kiosk.url);
      // Chromium's file camera has one mode (the video's 640×480 at 10 fps), whatever is asked.
      await expect(row(page, t('staff.health.cameraOffers'))).toHaveText('640×480 at 10 fps; focus: none; exposure: none');
      await expect(row(page, t('staff.health.cameraApplied'))).toHaveText('640×480 at 10 fps; focus: unknown; exposure: unknown');
    });
  });

  test.describe('a camera with focus and exposure controls, and a fixed focus distance configured', () => {
    test.use({ kioskConfig: kioskConfig({ staff: { pinHash }, camera: { focusDistance: 30 } }) });

    test("720p at 15 fps out of its modes up to 4K, and the focus distance; the modes it keeps are shown as they are", async ({ kiosk }) => {
      const page = await (await cameraBrowser(null)).newPage();
      await openHealth(page, kiosk.url);
      await expect(row(page, t('staff.health.cameraOffers'))).toContainText('focus: manual, continuous; exposure: manual, continuous; focus distance 10 to 100 (its units)');
      // Chromium's fake camera takes a focus distance but keeps its focus and exposure modes
      // (its SetPhotoOptions ignores them): what was applied is what the track says, not what was asked.
      await expect(row(page, t('staff.health.cameraApplied'))).toHaveText('1280×720 at 15 fps; focus: manual (30); exposure: manual');
      expect(kiosk.output()).toMatch(/"event":"camera-tuning","offered":\{"width":3840,"height":2160/);
    });
  });
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

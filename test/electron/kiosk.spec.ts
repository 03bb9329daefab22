/**
 * The Electron kiosk end to end (Playwright `_electron`), on the embedded sandbox: runs where
 * the Electron binary is installed, and says plainly why it skipped where it is not.
 */
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ELECTRON_SKIP_REASON, installedElectronBinary } from '../../scripts/electron-binary';

const binary = installedElectronBinary();
const skipReason = ELECTRON_SKIP_REASON;
// The reason is also printed before the run by test/helpers/global-setup.ts (Playwright's list
// reporter shows only the skipped test's title).
test.skip(!binary, skipReason);

/** Runs `body` against an Electron kiosk on `config` in a fresh folder, and always closes it. */
async function withKiosk(
  name: string,
  config: unknown,
  body: (app: ElectronApplication, page: Page, dir: string, output: () => string) => Promise<void>,
  extraArgs: (dir: string) => string[] | Promise<string[]> = () => [],
): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `kiosk-electron-${name}-`));
  let app: ElectronApplication | null = null;
  try {
    app = await launchKiosk(dir, config, await extraArgs(dir));
    // The kiosk's log lines (also on stderr), from the moment it runs.
    const lines: string[] = [];
    app.process().stderr?.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
    await body(app, await app.firstWindow(), dir, () => lines.join(''));
  } finally {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Starts the Electron kiosk on `config` (written into `dir`), with extra Chromium switches. */
function launchKiosk(dir: string, config: unknown, extraArgs: string[] = []) {
  const file = path.join(dir, 'config.json');
  writeFileSync(file, JSON.stringify(config));
  return electron.launch({
    executablePath: binary ?? undefined,
    args: [path.resolve(import.meta.dirname, '../..'), ...extraArgs],
    env: { ...process.env, KIOSK_CONFIG: file },
  });
}

test('a member scans with a keyboard-wedge scanner in the Electron kiosk and presses Done', async () => {
  await withKiosk('wedge', { idleResetSeconds: 30 }, async (_app, page) => {
    await expect(page.locator('[data-screen="ready"]')).toBeVisible();
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    await page.keyboard.type('123456');
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-screen="member"]')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible();
    await page.getByRole('button', { name: 'Done' }).click();
    await expect(page.locator('[data-screen="ready"]')).toBeVisible();
  });
});

test('a loyalty ID shown to the camera identifies the member in the Electron kiosk', async () => {
  const { writeY4m } = await import('../helpers/y4m');
  const { qrFrame, sceneFrame } = await import('../helpers/qr-frames');
  // Chromium's fake camera switches work on Electron's command line too.
  const fakeCamera = async (dir: string) => {
    const video = path.join(dir, 'camera.y4m');
    await writeY4m(video, 640, 480, 10, (function* () {
      for (let i = 0; i < 10; i++) yield sceneFrame(640, 480, 3, i + 1);
      for (let i = 0; i < 30; i++) yield qrFrame('4711fc2a-3a8f-414f-a9e7-44dd5231dca7', { width: 640, height: 480, modulePx: 6, seed: i });
    })());
    return ['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`];
  };
  await withKiosk(
    'camera',
    { idleResetSeconds: 30 },
    async (_app, page) => {
      await expect(page.locator('[data-screen="member"]')).toBeVisible({ timeout: 20_000 });
      await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible();
    },
    fakeCamera,
  );
});

test('a serial scanner (a socat pair) sends an OTP and a Vipps URL in the Electron kiosk, read in main', async () => {
  const { startPtyPair } = await import('../helpers/socat');
  const ttyDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-electron-tty-'));
  const pty = await startPtyPair(path.join(ttyDir, 'tty'));
  try {
    await withKiosk('serial', { idleResetSeconds: 30, scanners: { serial: { path: pty.kioskEnd } } }, async (_app, page) => {
      await expect(page.locator('[data-screen="ready"]')).toBeVisible();
      // The port opens in main a moment after start: resend until the kiosk reacts.
      await expect(async () => {
        await pty.send('123456\r\n');
        await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible({ timeout: 1000 });
      }).toPass({ timeout: 15_000 });
      await page.getByRole('button', { name: 'Done' }).click();
      await pty.send('https://qr.vipps.no/28/2/01/031/4712345678?v=1\r\n');
      await expect(page.getByRole('heading', { name: 'Hi Kari!' })).toBeVisible();
    });
  } finally {
    await pty.unplug();
    rmSync(ttyDir, { recursive: true, force: true });
  }
});

test('the kiosk window is locked down: kiosk mode, fullscreen, no reload, zoom or devtools shortcuts, no close', async () => {
  await withKiosk('lockdown', { idleResetSeconds: 30 }, async (app, page) => {
    await expect(page.locator('[data-screen="ready"]')).toBeVisible();
    const state = await app.evaluate(({ BrowserWindow }) => {
      const window = BrowserWindow.getAllWindows().find((candidate) => candidate.isVisible());
      return { kiosk: window?.isKiosk(), fullScreen: window?.isFullScreen(), menu: window?.isMenuBarVisible() };
    });
    expect(state).toEqual({ kiosk: true, fullScreen: true, menu: false });
    // The page records every key that reaches it, and a marker shows it was never reloaded.
    await page.evaluate(() => {
      const seen: string[] = [];
      Object.assign(window, { lockdownMarker: 42, keysSeen: seen });
      // Modifier keys pressed on their own are nobody's shortcut; every other key counts.
      window.addEventListener('keydown', (event) => void (['Alt', 'Control', 'Shift', 'Meta'].includes(event.key) || seen.push(event.key)), { capture: true });
    });
    for (const shortcut of ['F5', 'F11', 'F12', 'Alt+F4', 'Control+R', 'Control+Shift+R', 'Control+=', 'Control+-', 'Control+Shift+I', 'Control+P', 'Control+W']) await page.keyboard.press(shortcut);
    await page.keyboard.press('Escape'); // a key the lock-down leaves alone, to show keys do arrive
    await expect.poll(() => page.evaluate(() => (window as unknown as { keysSeen: string[] }).keysSeen)).toEqual(['Escape']);
    expect(await page.evaluate(() => (window as unknown as { lockdownMarker?: number }).lockdownMarker)).toBe(42);
    expect(await page.evaluate(() => window.devicePixelRatio)).toBe(await app.evaluate(({ screen }) => screen.getPrimaryDisplay().scaleFactor));
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().some((window) => window.webContents.isDevToolsOpened()))).toBe(false);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(2); // the kiosk and the capture page
  });
});

test('a crashed screen comes back on ready by itself, without the customer who was on it', async () => {
  await withKiosk('watchdog', { idleResetSeconds: 30 }, async (app, page) => {
    await expect(page.locator('[data-screen="ready"]')).toBeVisible();
    await page.keyboard.type('123456');
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-screen="member"]')).toBeVisible();
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().find((window) => window.isVisible())?.webContents.forcefullyCrashRenderer());
    await expect(page.locator('[data-screen="ready"]')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText('Farhan')).toHaveCount(0);
  });
});

test('the capture page, and it alone, sees the cameras: their IDs and labels (the permission check in the origin form Electron passes)', async () => {
  const fakeCamera = () => ['--use-fake-device-for-media-stream'];
  await withKiosk(
    'camera-permission',
    { idleResetSeconds: 30 },
    async (app, page) => {
      await expect(page.locator('[data-screen="ready"]')).toBeVisible();
      const isCapture = (each: Page) => each.url().endsWith('/capture/capture.html');
      await expect.poll(() => app.windows().some(isCapture), { timeout: 10_000 }).toBe(true);
      const capture = app.windows().find(isCapture)!;
      const cameras = () => navigator.mediaDevices.enumerateDevices().then((devices) => devices.filter((device) => device.kind === 'videoinput').map(({ deviceId, label }) => ({ deviceId, label })));
      const seen = await capture.evaluate(cameras);
      expect(seen.length).toBeGreaterThan(0);
      for (const camera of seen) {
        expect(camera.deviceId).not.toBe('');
        expect(camera.label).not.toBe('');
      }
      // The customer UI is denied: Chromium then hides IDs and labels.
      expect((await page.evaluate(cameras)).every((camera) => camera.deviceId === '' && camera.label === '')).toBe(true);
    },
    fakeCamera,
  );
});

test('a configured screen that is not there: the kiosk waits for it, hidden, and never fills the primary screen', async () => {
  await withKiosk('display-missing', { idleResetSeconds: 30, display: { index: 7 } }, async (app, _page, _dir, output) => {
    await expect.poll(output, { timeout: 15_000 }).toMatch(/"event":"display-missing","index":7/);
    // Give the page time to load: ready-to-show must not show it either.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().filter((window) => window.isVisible()).length)).toBe(0);
  });
});

test('with two screens, display.index 1 puts the kiosk on the second one, in kiosk mode', async () => {
  await withKiosk('display-second', { idleResetSeconds: 30, display: { index: 1 } }, async (app, page) => {
    const displays = await app.evaluate(({ screen }) => screen.getAllDisplays().map((each) => each.bounds));
    test.skip(displays.length < 2, `SKIP: this machine has ${displays.length} screen(s); the two-screen case needs two`);
    await expect(page.locator('[data-screen="ready"]')).toBeVisible();
    const placed = await app.evaluate(({ BrowserWindow }) => {
      const window = BrowserWindow.getAllWindows().find((each) => each.isVisible());
      return { bounds: window?.getBounds(), kiosk: window?.isKiosk() };
    });
    expect(placed).toEqual({ bounds: displays[1], kiosk: true });
  });
});

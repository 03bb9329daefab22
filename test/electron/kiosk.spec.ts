/**
 * The Electron kiosk end to end (Playwright `_electron`), on the embedded sandbox: runs where
 * the Electron binary is installed, and says plainly why it skipped where it is not.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ELECTRON_SKIP_REASON, installedElectronBinary } from '../../scripts/electron-binary';

const binary = installedElectronBinary();
const skipReason = ELECTRON_SKIP_REASON;
// The reason is also printed before the run by test/helpers/global-setup.ts (Playwright's list
// reporter shows only the skipped test's title).
test.skip(!binary, skipReason);

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
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-electron-'));
  const app = await launchKiosk(dir, { idleResetSeconds: 30 });
  try {
    const page = await app.firstWindow();
    await expect(page.locator('[data-screen="ready"]')).toBeVisible();
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    await page.keyboard.type('123456');
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-screen="member"]')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible();
    await page.getByRole('button', { name: 'Done' }).click();
    await expect(page.locator('[data-screen="ready"]')).toBeVisible();
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a loyalty ID shown to the camera identifies the member in the Electron kiosk', async () => {
  const { writeY4m } = await import('../helpers/y4m');
  const { qrFrame, sceneFrame } = await import('../helpers/qr-frames');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-electron-camera-'));
  const video = path.join(dir, 'camera.y4m');
  await writeY4m(video, 640, 480, 10, (function* () {
    for (let i = 0; i < 10; i++) yield sceneFrame(640, 480, 3, i + 1);
    for (let i = 0; i < 30; i++) yield qrFrame('4711fc2a-3a8f-414f-a9e7-44dd5231dca7', { width: 640, height: 480, modulePx: 6, seed: i });
  })());
  // Chromium's fake camera switches work on Electron's command line too.
  const app = await launchKiosk(dir, { idleResetSeconds: 30 }, ['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`]);
  try {
    const page = await app.firstWindow();
    await expect(page.locator('[data-screen="member"]')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible();
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a serial scanner (a socat pair) sends an OTP and a Vipps URL in the Electron kiosk, read in main', async () => {
  const { startPtyPair } = await import('../helpers/socat');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-electron-serial-'));
  const pty = await startPtyPair(path.join(dir, 'tty'));
  const app = await launchKiosk(dir, { idleResetSeconds: 30, scanners: { serial: { path: pty.kioskEnd } } });
  try {
    const page = await app.firstWindow();
    await expect(page.locator('[data-screen="ready"]')).toBeVisible();
    // The port opens in main a moment after start: resend until the kiosk reacts.
    await expect(async () => {
      await pty.send('123456\r\n');
      await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Done' }).click();
    await pty.send('https://qr.vipps.no/28/2/01/031/4712345678?v=1\r\n');
    await expect(page.getByRole('heading', { name: 'Hi Kari!' })).toBeVisible();
  } finally {
    await app.close();
    await pty.unplug();
    rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * Camera specs' common set-up: a temporary folder for the Y4M videos, a recording identify back
 * end that answers MEMBER_ANSWER, and Chromium launched with its fake camera playing a video.
 * Call once at the top of a spec; everything is torn down after each test.
 */
import { chromium, type Browser } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from './fixtures';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { MEMBER_ANSWER, startFakeIdentify, type FakeIdentifyServer } from './fake-identify-server';

export interface FakeCamera {
  /** This test's temporary folder. */
  dir(): string;
  /** This test's identify back end. */
  backEnd(): FakeIdentifyServer;
  /**
   * Chromium whose fake camera plays `videoFile`; null: Chromium's own fake camera (a drawn
   * animation, in any mode up to 4K, with focus and exposure controls), as Chromium's
   * media/capture/video/fake_video_capture_device.cc makes it.
   */
  launch(videoFile: string | null): Promise<Browser>;
}

export function useFakeCamera(): FakeCamera {
  let dir = '';
  let backEnd: FakeIdentifyServer | null = null;
  let browser: Browser | null = null;
  test.beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-camera-'));
    backEnd = await startFakeIdentify(() => ({ status: 200, json: MEMBER_ANSWER }));
  });
  test.afterEach(async () => {
    await browser?.close();
    browser = null;
    await backEnd?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    dir: () => dir,
    backEnd: () => {
      if (!backEnd) throw new Error('the fake camera set-up runs only inside a test');
      return backEnd;
    },
    async launch(videoFile) {
      browser = await chromium.launch({
        executablePath: CHROMIUM_PATH,
        args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', ...(videoFile ? [`--use-file-for-fake-video-capture=${videoFile}`] : [])],
      });
      return browser;
    },
  };
}

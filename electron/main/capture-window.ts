/**
 * The hidden camera capture window: sealed like the UI, never shown, not throttled in the
 * background (it must keep reading frames while hidden).
 */
import type { BrowserWindow } from 'electron';
import { PAGE_URLS } from './ipc';
import { createSealedWindow } from './sealed-window';

export function createCaptureWindow(preloadPath: string, options: { devTools?: boolean } = {}): BrowserWindow {
  const window = createSealedWindow({
    preload: preloadPath,
    devTools: options.devTools ?? false,
    backgroundThrottling: false,
    window: { show: false, width: 320, height: 240 },
  });
  void window.loadURL(PAGE_URLS.capture);
  return window;
}

/**
 * The hidden camera capture window: sealed like the UI, never shown, not throttled in the
 * background (it must keep reading frames while hidden).
 */
import type { BrowserWindow } from 'electron';
import { PAGE_URLS } from './ipc';
import { createSealedWindow } from './sealed-window';

/** `loadWhen`: the page (which opens the camera) loads once this settles, e.g. the OS's camera consent. */
export function createCaptureWindow(preloadPath: string, options: { devTools?: boolean; loadWhen?: Promise<unknown> } = {}): BrowserWindow {
  const window = createSealedWindow({
    preload: preloadPath,
    devTools: options.devTools ?? false,
    backgroundThrottling: false,
    window: { show: false, width: 320, height: 240 },
  });
  void Promise.resolve(options.loadWhen)
    .catch(() => undefined)
    .then(() => (window.isDestroyed() ? undefined : window.loadURL(PAGE_URLS.capture)));
  return window;
}

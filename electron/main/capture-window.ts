/**
 * The hidden camera capture window: sealed like the UI, never shown, not throttled in the
 * background (it must keep reading frames while hidden).
 */
import type { BrowserWindow, WebContents } from 'electron';
import { PAGE_URLS } from './ipc';
import { createSealedWindow } from './sealed-window';

/** The capture page loads this long after start at the latest, even if the UI never finishes loading. */
export const CAPTURE_LOAD_FALLBACK_MS = 10_000;

/**
 * `loadWhen`: the page (which opens the camera) loads once this settles, e.g. the OS's camera
 * consent; `loadAfter`: and once this page (the customer's UI) has loaded.
 */
export function createCaptureWindow(preloadPath: string, options: { devTools?: boolean; loadWhen?: Promise<unknown>; loadAfter?: WebContents } = {}): BrowserWindow {
  const window = createSealedWindow({
    preload: preloadPath,
    devTools: options.devTools ?? false,
    backgroundThrottling: false,
    window: { show: false, width: 320, height: 240 },
  });
  // The camera comes up after the customer's screen, never ahead of it at its cost: on a
  // two-core kiosk PC, the capture page's worker compiling ZXing-C++'s WebAssembly would
  // compete with the UI's first render.
  void Promise.all([Promise.resolve(options.loadWhen).catch(() => undefined), options.loadAfter ? firstLoad(options.loadAfter) : undefined]).then(() => {
    if (!window.isDestroyed()) void window.loadURL(PAGE_URLS.capture);
  });
  return window;
}

function firstLoad(contents: WebContents): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, CAPTURE_LOAD_FALLBACK_MS);
    contents.once('did-finish-load', () => {
      clearTimeout(fallback);
      resolve();
    });
  });
}

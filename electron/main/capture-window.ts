/**
 * The hidden camera capture window: sealed like the UI, never shown, not throttled in the
 * background (it must keep reading frames while hidden).
 */
import type { BrowserWindow, WebContents } from 'electron';
import { PAGE_URLS } from './ipc';
import { createSealedWindow } from './sealed-window';

/** The capture page loads this long after start at the latest, even if the UI never finishes loading. */
export const CAPTURE_LOAD_FALLBACK_MS = 10_000;

export function createCaptureWindow(preloadPath: string, options: { devTools?: boolean; loadAfter?: WebContents } = {}): BrowserWindow {
  const window = createSealedWindow({
    preload: preloadPath,
    devTools: options.devTools ?? false,
    backgroundThrottling: false,
    window: { show: false, width: 320, height: 240 },
  });
  const load = () => {
    if (!window.isDestroyed()) void window.loadURL(PAGE_URLS.capture);
  };
  // The camera comes up after the customer's screen, never ahead of it at its cost: on a
  // two-core kiosk PC, the capture page's worker compiling ZXing-C++'s WebAssembly would
  // compete with the UI's first render.
  if (options.loadAfter) afterFirstLoad(options.loadAfter, load);
  else load();
  return window;
}

function afterFirstLoad(contents: WebContents, then: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    then();
  };
  const fallback = setTimeout(once, CAPTURE_LOAD_FALLBACK_MS);
  contents.once('did-finish-load', once);
}

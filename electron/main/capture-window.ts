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
  const load = () => {
    if (!window.isDestroyed()) void window.loadURL(PAGE_URLS.capture);
  };
  let waitingFor = (options.loadWhen ? 1 : 0) + (options.loadAfter ? 1 : 0);
  const settled = () => {
    waitingFor -= 1;
    if (waitingFor === 0) load();
  };
  if (waitingFor === 0) load();
  if (options.loadAfter) afterFirstLoad(options.loadAfter, settled);
  if (options.loadWhen) void Promise.resolve(options.loadWhen).catch(() => undefined).then(settled);
  return window;
}

/** `then` once `contents` has loaded its page: now if it already has (the shell awaits other things between the two windows). */
function afterFirstLoad(contents: WebContents, then: () => void): void {
  if (!contents.isLoading() && contents.getURL() !== '') {
    then();
    return;
  }
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

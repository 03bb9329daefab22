/**
 * A picture of the customer window for the support desk (GET /v1/screenshot; the core asks only
 * while no customer is on it). `webContents.capturePage()` "Returns Promise<NativeImage>" and,
 * without a rectangle, captures "the whole visible page" (docs/api/web-contents.md); a window
 * never shown, or hidden (except on macOS), gives an empty image (spec/api-browser-window-spec.ts,
 * "BrowserWindow.capturePage(rect)"), which is said, not sent as a blank PNG.
 */
import type { BrowserWindow } from 'electron';

export function captureCustomerScreen(window: BrowserWindow): () => Promise<Buffer> {
  return async () => {
    if (window.isDestroyed()) throw new Error('the customer window is gone');
    const image = await window.webContents.capturePage();
    if (image.isEmpty()) throw new Error('the customer window shows nothing to capture (hidden or not yet shown)');
    return image.toPNG();
  };
}

/** The one customer-facing window: kiosk mode, fullscreen on its screen, sealed (sealed-window.ts). */
import type { BrowserWindow, Rectangle } from 'electron';
import { APP_URL } from './app-protocol';
import { createSealedWindow } from './sealed-window';

export interface KioskWindowOptions {
  /** The screen to fill (its bounds); the primary one when absent. */
  bounds?: Rectangle;
  /** Devtools exist only in development builds (`!app.isPackaged`). */
  devTools?: boolean;
  /** The page can be shown without a flash (`ready-to-show`); by default it is shown then. */
  onReadyToShow?(): void;
}

export function createKioskWindow(preloadPath: string, options: KioskWindowOptions = {}): BrowserWindow {
  const window = createSealedWindow({
    preload: preloadPath,
    devTools: options.devTools ?? false,
    backgroundThrottling: true,
    window: {
      ...(options.bounds ?? { width: 1080, height: 1920 }),
      // Kiosk mode: fullscreen, above the taskbar, no window controls (macOS: no Dock, no menu bar).
      kiosk: true,
      fullscreen: true,
      frame: false,
      show: false,
      backgroundColor: '#101418',
      autoHideMenuBar: true,
    },
  });
  // Shown by whoever places it (display.ts: never before it is on its own screen).
  window.once('ready-to-show', () => (options.onReadyToShow ? options.onReadyToShow() : window.show()));
  void window.loadURL(APP_URL);
  return window;
}

/**
 * The hidden camera capture window: sandboxed like the UI, never shown, not throttled in the
 * background (it must keep reading frames while hidden).
 */
import { BrowserWindow } from 'electron';
import { KIOSK_WEB_PREFERENCES, lockDownNavigation } from './kiosk-window';
import { PAGE_URLS } from './ipc';

export function createCaptureWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    show: false,
    width: 320,
    height: 240,
    webPreferences: { ...KIOSK_WEB_PREFERENCES, preload: preloadPath, backgroundThrottling: false },
  });
  lockDownNavigation(window.webContents);
  void window.loadURL(PAGE_URLS.capture);
  return window;
}

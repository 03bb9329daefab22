/** The one customer-facing window, locked down: sandboxed, isolated, no navigation, no pop-ups. */
import { BrowserWindow, type WebContents } from 'electron';
import { APP_ORIGIN, APP_URL } from './app-protocol';

export const KIOSK_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  spellcheck: false,
  navigateOnDragDrop: false,
} as const;

export function createKioskWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1080,
    height: 1920,
    show: false,
    backgroundColor: '#101418',
    autoHideMenuBar: true,
    webPreferences: { ...KIOSK_WEB_PREFERENCES, preload: preloadPath },
  });
  lockDownNavigation(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_URL);
  return window;
}

/** Denies every navigation away from the app and every `window.open`. */
export function lockDownNavigation(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

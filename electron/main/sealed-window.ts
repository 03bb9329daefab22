/**
 * Every window the kiosk opens is made here, with one set of web preferences written out in
 * full (a security linter, and a reader, can see each of them at the `new BrowserWindow`):
 * sandboxed, isolated, no Node, no webviews, no insecure content, no middle-click pop-ups; and
 * no navigation away from the app, no `window.open`.
 */
import { BrowserWindow, type BrowserWindowConstructorOptions, type WebContents } from 'electron';
import { APP_ORIGIN } from './app-protocol';

export interface SealedWindowOptions {
  preload: string;
  /** Devtools exist only in development builds (`!app.isPackaged`). */
  devTools: boolean;
  /** The capture page must keep reading frames while hidden. */
  backgroundThrottling: boolean;
  /** Size, position, kiosk mode and the like. */
  window: Omit<BrowserWindowConstructorOptions, 'webPreferences'>;
}

export function createSealedWindow(options: SealedWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    ...options.window,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      navigateOnDragDrop: false,
      preload: options.preload,
      devTools: options.devTools,
      backgroundThrottling: options.backgroundThrottling,
      // The result chimes play without a tap first: a kiosk's screen is its user's only gesture.
      autoplayPolicy: 'no-user-gesture-required',
    },
  });
  lockDownNavigation(window.webContents);
  return window;
}

/** Denies every navigation away from the app and every `window.open`. */
export function lockDownNavigation(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // Both events pass an Event holding the `url` (the positional URL after it is deprecated).
  contents.on('will-navigate', (details) => {
    if (!details.url.startsWith(`${APP_ORIGIN}/`)) details.preventDefault();
  });
  contents.on('will-redirect', (details) => {
    if (!details.url.startsWith(`${APP_ORIGIN}/`)) details.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

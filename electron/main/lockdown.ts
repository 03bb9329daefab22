/**
 * The kiosk window, sealed against customers: shortcuts that reload, close, zoom, print or open
 * devtools are swallowed before anything sees them; the window cannot be closed except by the
 * app quitting; pinch and Ctrl+wheel zoom stay at 100 %; devtools are off in packaged builds;
 * the pointer can be hidden on touch-only kiosks; the display never sleeps.
 */
import { app, autoUpdater, powerSaveBlocker, type BrowserWindow } from 'electron';
import { blockedShortcut } from '../core/lockdown/blocked-shortcuts';
import type { Logger } from '../core/log/logger';

export interface LockdownOptions {
  packaged: boolean;
  hideCursor(): boolean;
  log: Logger;
}


export function setupLockdown(window: BrowserWindow, options: LockdownOptions): void {
  const contents = window.webContents;
  contents.on('before-input-event', (event, input) => {
    if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return;
    const action = blockedShortcut(input);
    if (!action) return;
    event.preventDefault();
    options.log.info('shortcut-blocked', { action });
  });

  // Alt+F4 and the OS's close button reach the window, not the page: only a quit may close it.
  // An update's install closes the windows before `before-quit` (Squirrel on macOS); both it and
  // electron-updater's installers announce it with `before-quit-for-update` first.
  let quitting = false;
  const quit = () => {
    quitting = true;
  };
  app.on('before-quit', quit);
  autoUpdater.on('before-quit-for-update', quit);
  window.on('close', (event) => {
    if (!quitting) event.preventDefault();
  });

  void contents.setVisualZoomLevelLimits(1, 1);
  contents.on('zoom-changed', () => contents.setZoomLevel(0));

  if (options.packaged) contents.on('devtools-opened', () => contents.closeDevTools());

  contents.on('did-finish-load', () => {
    if (options.hideCursor()) void contents.insertCSS('*, *::before, *::after { cursor: none !important; }', { cssOrigin: 'user' });
  });

}

/** Keeps the display awake for as long as the kiosk runs (a dark screen looks broken). */
export function preventDisplaySleep(): number {
  return powerSaveBlocker.start('prevent-display-sleep');
}

/**
 * The application menu. Windows and Linux get none (no menu bar, none of Electron's default
 * shortcuts). macOS routes Cmd+C, Cmd+V, Cmd+X, Cmd+A and Cmd+Z through the application menu, so
 * without an Edit menu staff could not paste a URL or a token into the settings (electron/electron
 * issue #49807): macOS gets the Edit menu alone, behind an application menu with nothing that
 * quits or hides (the first menu is always the app's, docs/tutorial/application-menu.md). Kiosk
 * mode hides the menu bar; the lock-down's `before-input-event` still swallows the shortcuts it
 * blocks before any menu sees them (web-contents.md).
 */
import { Menu } from 'electron';

export function setApplicationMenu(platform: NodeJS.Platform = process.platform, appName = 'Counter Loyalty Kiosk'): void {
  if (platform !== 'darwin') {
    Menu.setApplicationMenu(null);
    return;
  }
  Menu.setApplicationMenu(Menu.buildFromTemplate([{ label: appName, submenu: [{ role: 'about' }] }, { role: 'editMenu' }]));
}

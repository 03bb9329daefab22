/**
 * The kiosk's user-data folder (staff settings, logs, the hand-off journal), the same in both
 * shells and for the scripts that talk to a running kiosk: `KIOSK_USER_DATA` when set, else the
 * folder Electron's `app.getPath('userData')` gives an app of this product name on each OS
 * (Electron's docs/api/app.md: `appData` is %APPDATA% on Windows, $XDG_CONFIG_HOME or ~/.config
 * on Linux, ~/Library/Application Support on macOS; `userData` is `appData` + the app's name).
 */
import os from 'node:os';
import path from 'node:path';
import { PRODUCT_NAME } from './product';

export function userDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string {
  const chosen = env.KIOSK_USER_DATA?.trim();
  return chosen ? path.resolve(chosen) : path.join(appDataDir(env, platform, home), PRODUCT_NAME);
}

function appDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string {
  if (platform === 'win32') return env.APPDATA ?? path.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || path.join(home, '.config');
}

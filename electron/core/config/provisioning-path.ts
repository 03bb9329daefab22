/**
 * Where a chain's provisioning file lives on each OS: machine-wide, outside the install folder
 * (an update replaces that), and writable only by administrators. `KIOSK_CONFIG` overrides it.
 */
import path from 'node:path';

export const APP_FOLDER = 'Counter Loyalty Kiosk';
const LINUX_FOLDER = 'counter-loyalty-kiosk';

export function osProvisioningPath(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  switch (platform) {
    case 'win32':
      return path.win32.join(env.ProgramData ?? 'C:\\ProgramData', APP_FOLDER, 'config.json');
    case 'darwin':
      return path.posix.join('/Library/Application Support', APP_FOLDER, 'config.json');
    default:
      return path.posix.join('/etc', LINUX_FOLDER, 'config.json');
  }
}

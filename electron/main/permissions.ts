/**
 * Permission requests and checks: the customer UI needs none, so every one is denied. (The
 * camera will be allowed to the capture page alone, by its own session.)
 */
import type { Session } from 'electron';

export function denyAllPermissions(target: Session): void {
  target.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  target.setDevicePermissionHandler(() => false);
}

/**
 * The OS's own camera consent, asked before the capture page opens the camera. macOS (10.14+)
 * asks the user once per app, and `getUserMedia` fails until they agree;
 * `systemPreferences.askForMediaAccess('camera')` shows that prompt and resolves with the answer
 * (a refusal is kept: it resolves with it at once, and only System Settings can change it, after
 * which the app must restart). Windows has a global camera switch, read with
 * `getMediaAccessStatus` (system-preferences.md). Either way the answer is logged for staff; the
 * capture page still starts, and reports the camera as unavailable when it is refused.
 */
import type { SystemPreferences } from 'electron';
import type { Logger } from '../core/log/logger';

export interface CameraAccessDeps {
  platform: NodeJS.Platform;
  systemPreferences: Pick<SystemPreferences, 'getMediaAccessStatus' | 'askForMediaAccess'>;
  /** `scanners.camera.enabled`: a kiosk without a camera asks nobody anything. */
  cameraEnabled: boolean;
  log: Logger;
}

export async function ensureCameraAccess(deps: CameraAccessDeps): Promise<void> {
  if (!deps.cameraEnabled || (deps.platform !== 'darwin' && deps.platform !== 'win32')) return;
  const status = deps.systemPreferences.getMediaAccessStatus('camera');
  if (status === 'granted') return;
  if (deps.platform === 'win32') {
    if (status === 'denied') deps.log.warn('camera-access-denied', { status, message: 'Windows denies apps the camera: Settings → Privacy & security → Camera' });
    return;
  }
  deps.log.info('camera-access-asking', { status });
  const granted = await deps.systemPreferences.askForMediaAccess('camera').catch((error: unknown) => {
    deps.log.warn('camera-access-failed', { message: (error as Error).message });
    return false;
  });
  if (granted) deps.log.info('camera-access-granted', {});
  else deps.log.warn('camera-access-denied', { status, message: 'macOS denies the kiosk the camera: System Settings → Privacy & Security → Camera, then restart the kiosk' });
}

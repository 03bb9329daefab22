/**
 * The camera as main sees it: its settings for the capture page (told again whenever
 * `scanners.camera` changes), the state and preview the page reports, the cameras it found (for
 * staff), and its decoded text, which scans only while the camera is enabled.
 */
import type { CameraSettings } from '../../shared/contract';
import type { StaffSettingsView } from '../../shared/staff-view';
import { CameraFeed } from '../camera/camera-feed';
import type { KioskConfig } from '../config/config-schema';
import type { Logger } from '../log/logger';
import type { KioskPart } from './kiosk-part';

export interface Camera extends KioskPart {
  feed: CameraFeed;
  settings(): CameraSettings;
  onSettings(listener: (settings: CameraSettings) => void): () => void;
  /** Text the camera decoded (ignored while the camera is disabled). */
  scan(text: string): void;
  devices(): StaffSettingsView['cameras'];
  setDevices(devices: StaffSettingsView['cameras']): void;
}

export function createCamera(deps: { config: () => KioskConfig; scan(text: string, scanner: 'camera'): void; log: Logger }): Camera {
  const feed = new CameraFeed((state) => deps.log.info('camera-state', { ...state }));
  const listeners = new Set<(settings: CameraSettings) => void>();
  let devices: StaffSettingsView['cameras'] = [];
  const settings = (): CameraSettings => ({ ...deps.config().scanners.camera });
  return {
    name: 'camera',
    apply(change) {
      if (change.changed((config) => config.scanners.camera)) for (const listener of listeners) listener(settings());
    },
    feed,
    settings,
    onSettings(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    scan(text) {
      if (deps.config().scanners.camera.enabled) deps.scan(text, 'camera');
    },
    devices: () => devices,
    setDevices(next) {
      devices = next;
    },
  };
}

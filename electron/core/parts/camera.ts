/**
 * The camera as main sees it: its settings for the capture page (told again whenever
 * `scanners.camera` changes), the state, tuning and preview the page reports, the cameras it
 * found (for staff), its decoded text, which scans only while the camera is enabled, and the
 * "code seen but not read" hint for the customer (unread-hint.ts).
 */
import type { CameraTuning } from '../../shared/camera-tuning';
import type { CameraHint, CameraSettings } from '../../shared/contract';
import type { StaffSettingsView } from '../../shared/staff-view';
import { CameraFeed } from '../camera/camera-feed';
import { UnreadCodeHint } from '../camera/unread-hint';
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
  /** What the capture page applied to the camera it opened. */
  setTuning(tuning: CameraTuning): void;
  /** The capture worker finds a code it cannot decode (true), or no longer (false). */
  codeUnread(seen: boolean): void;
  hint(): CameraHint;
  onHint(listener: (hint: CameraHint) => void): () => void;
}

export function createCamera(deps: { config: () => KioskConfig; scan(text: string, scanner: 'camera'): void; log: Logger }): Camera {
  const hintListeners = new Set<(hint: CameraHint) => void>();
  const unread = new UnreadCodeHint((shown) => {
    deps.log.info('camera-hint', { codeNotRead: shown });
    for (const listener of hintListeners) listener({ codeNotRead: shown });
  });
  const feed = new CameraFeed((state) => {
    deps.log.info('camera-state', { ...state });
    if (state.state !== 'running') unread.clear();
  });
  const listeners = new Set<(settings: CameraSettings) => void>();
  let devices: StaffSettingsView['cameras'] = [];
  const settings = (): CameraSettings => ({ ...deps.config().scanners.camera });
  return {
    name: 'camera',
    apply(change) {
      if (change.changed((config) => config.scanners.camera)) for (const listener of listeners) listener(settings());
    },
    stop: () => unread.clear(),
    feed,
    settings,
    onSettings(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    scan(text) {
      unread.clear(); // read after all
      if (deps.config().scanners.camera.enabled) deps.scan(text, 'camera');
    },
    devices: () => devices,
    setDevices(next) {
      devices = next;
    },
    setTuning(tuning) {
      feed.setTuning(tuning);
      deps.log.info('camera-tuning', { offered: tuning.offered, applied: tuning.applied, problem: tuning.problem });
    },
    codeUnread: (seen) => unread.unread(seen && feed.state().state === 'running'),
    hint: () => ({ codeNotRead: unread.current() }),
    onHint(listener) {
      hintListeners.add(listener);
      return () => hintListeners.delete(listener);
    },
  };
}

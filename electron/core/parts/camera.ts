/**
 * The camera as main sees it: its settings for the capture page (told again whenever
 * `scanners.camera` changes), the state, tuning and preview the page reports, the cameras it
 * found (for staff), its decoded text, which scans only while the camera is enabled, the
 * "code seen but not read" hint for the customer (unread-hint.ts), and the frame heartbeat: a
 * camera or capture page that stops delivering frames for 10 s is counted, logged and handed to
 * the shell to restart (frame-stall.ts).
 */
import type { CameraTuning } from '../../shared/camera-tuning';
import type { CameraHint, CameraSettings } from '../../shared/contract';
import type { StaffSettingsView } from '../../shared/staff-view';
import { CameraFeed } from '../camera/camera-feed';
import { FRAME_STALL_MS, FrameStallWatch, OPEN_STALL_MS } from '../camera/frame-stall';
import { UnreadCodeHint } from '../camera/unread-hint';
import type { KioskConfig } from '../config/config-schema';
import type { Logger } from '../log/logger';
import type { KioskPart } from './kiosk-part';

/** Why the capture page is being restarted (the camera's state detail while it restarts). */
export const STALL_DETAIL = 'FramesStalled';

export interface Camera extends KioskPart {
  feed: CameraFeed;
  settings(): CameraSettings;
  onSettings(listener: (settings: CameraSettings) => void): () => void;
  /** Text the camera decoded (ignored while the camera is disabled). */
  scan(text: string): void;
  /** The capture worker's heartbeat: `count` frames arrived since its last one. */
  frames(count: number): void;
  /** Called when the frames stalled: the shell restarts the capture page. */
  onStall(listener: () => void): () => void;
  /** Stalls since start and when the last one was seen (for staff). */
  stalls(): { count: number; lastAt: string | null };
  devices(): StaffSettingsView['cameras'];
  setDevices(devices: StaffSettingsView['cameras']): void;
  /** What the capture page applied to the camera it opened. */
  setTuning(tuning: CameraTuning): void;
  /** The capture worker finds a code it cannot decode (true), or no longer (false). */
  codeUnread(seen: boolean): void;
  hint(): CameraHint;
  onHint(listener: (hint: CameraHint) => void): () => void;
}

export interface CameraDeps {
  config: () => KioskConfig;
  scan(text: string, scanner: 'camera'): void;
  log: Logger;
  /** Counted for the metrics (kiosk_camera_stalls_total). */
  stalled?(): void;
  /** For tests: the clock the stall watch measures silence with. */
  now?: () => number;
}

export function createCamera(deps: CameraDeps): Camera {
  const hintListeners = new Set<(hint: CameraHint) => void>();
  const unread = new UnreadCodeHint((shown) => {
    deps.log.info('camera-hint', { codeNotRead: shown });
    for (const listener of hintListeners) listener({ codeNotRead: shown });
  });
  const feed = new CameraFeed((state) => {
    deps.log.info('camera-state', { ...state });
    if (state.state !== 'running') unread.clear();
    watch.progress(); // opened, restarted, failed: the silence is measured from here
  });
  const listeners = new Set<(settings: CameraSettings) => void>();
  const stallListeners = new Set<() => void>();
  let devices: StaffSettingsView['cameras'] = [];
  const stallCount = { count: 0, lastAt: null as string | null };
  const settings = (): CameraSettings => ({ ...deps.config().scanners.camera });
  const watch = new FrameStallWatch({
    // Running: 10 s. Opening: 30 s (a getUserMedia that never settles is a hang too, a slow first
    // open is not). Unavailable or off: no limit, the page is retrying with its own backoff and
    // says why, or there is no camera to wait for.
    allowedSilenceMs() {
      if (!deps.config().scanners.camera.enabled) return null;
      const { state } = feed.state();
      return state === 'running' ? FRAME_STALL_MS : state === 'starting' ? OPEN_STALL_MS : null;
    },
    onStall(silentMs) {
      stallCount.count += 1;
      stallCount.lastAt = new Date().toISOString();
      deps.log.warn('camera-stalled', { silentSeconds: Math.round(silentMs / 1000), stalls: stallCount.count, message: 'No camera frame arrived: restarting the capture page' });
      deps.stalled?.();
      feed.setState({ state: 'unavailable', detail: STALL_DETAIL });
      for (const listener of stallListeners) listener();
    },
    now: deps.now,
  });
  return {
    name: 'camera',
    apply(change) {
      if (change.changed((config) => config.scanners.camera)) for (const listener of listeners) listener(settings());
    },
    stop() {
      watch.stop();
      unread.clear();
    },
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
    frames(count) {
      if (count > 0) watch.progress();
    },
    onStall(listener) {
      stallListeners.add(listener);
      return () => stallListeners.delete(listener);
    },
    stalls: () => ({ ...stallCount }),
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

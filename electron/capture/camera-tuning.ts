/**
 * The camera set for reading a phone screen at 20–40 cm: 1280×720 (the capture pipeline reads
 * the corpus as well at 720p as at 1080p, at half the cost per frame; README, "The camera") at
 * 15 fps or more (a shorter exposure blurs a moving hand less), continuous focus and continuous
 * exposure where the track's getCapabilities() offers them, and a fixed focus distance instead
 * where the configuration knows the mount and the camera offers manual focus.
 *
 * Only `ideal` values and `advanced` sets are asked for: neither can make applyConstraints fail
 * (MediaStream Image Capture spec and Media Capture and Streams: an advanced set that cannot be
 * satisfied is left out; an ideal is only a target). Should a camera refuse even so, the camera
 * runs on its defaults and the refusal is reported, never thrown.
 */
import type { CameraTuning } from '../shared/camera-tuning';

/** A MediaSettingsRange (Image Capture spec). */
export interface SettingsRange {
  min?: number;
  max?: number;
  step?: number;
}

/** What getCapabilities() may report (Media Capture and Streams, and Image Capture's extensions). */
export interface CameraCapabilities {
  width?: SettingsRange;
  height?: SettingsRange;
  frameRate?: SettingsRange;
  focusMode?: string[];
  exposureMode?: string[];
  focusDistance?: SettingsRange;
}

/** What getSettings() may report. */
export interface CameraTrackSettings {
  width?: number;
  height?: number;
  frameRate?: number;
  focusMode?: string;
  exposureMode?: string;
  focusDistance?: number;
}

/** One constraint set, as applyConstraints takes it (with Image Capture's members). */
export interface CameraConstraintSet {
  width?: { ideal: number };
  height?: { ideal: number };
  frameRate?: { ideal: number };
  focusMode?: string;
  exposureMode?: string;
  focusDistance?: number;
}

export interface CameraConstraints extends CameraConstraintSet {
  advanced?: CameraConstraintSet[];
}

/** The part of a MediaStreamTrack this needs (fake tracks in the tests). */
export interface TunableTrack {
  getCapabilities?(): CameraCapabilities;
  getSettings(): CameraTrackSettings;
  applyConstraints(constraints: CameraConstraints): Promise<void>;
}

export interface TuningOptions {
  /** Frames the worker decodes a second (`scanners.camera.fps`): the camera runs at least this fast. */
  fps: number;
  /** `scanners.camera.focusDistance`: a fixed focus for a known mount; null: continuous focus. */
  focusDistance: number | null;
}

export const PREFERRED_WIDTH = 1280;
export const PREFERRED_HEIGHT = 720;
/** The slowest frame rate asked for (a longer exposure smears a hand-held phone). */
export const MIN_CAMERA_FPS = 15;

/** What to ask of the camera for getUserMedia, before its capabilities are known. */
export function initialVideoConstraints(deviceId: string | null, fps: number): MediaTrackConstraints {
  return {
    ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
    width: { ideal: PREFERRED_WIDTH },
    height: { ideal: PREFERRED_HEIGHT },
    frameRate: { ideal: Math.max(MIN_CAMERA_FPS, fps) },
  };
}

/** The constraints for this camera: the mode, then focus and exposure in sets of their own. */
export function cameraConstraints(capabilities: CameraCapabilities, options: TuningOptions): CameraConstraints {
  const mode = chooseMode(capabilities, options.fps);
  const advanced: CameraConstraintSet[] = [];
  const focusModes = capabilities.focusMode ?? [];
  const range = capabilities.focusDistance;
  if (options.focusDistance !== null && focusModes.includes('manual') && range && isFiniteRange(range)) {
    advanced.push({ focusMode: 'manual', focusDistance: clamp(options.focusDistance, range.min, range.max) });
  } else if (focusModes.includes('continuous')) {
    advanced.push({ focusMode: 'continuous' });
  }
  if ((capabilities.exposureMode ?? []).includes('continuous')) advanced.push({ exposureMode: 'continuous' });
  return { ...mode, ...(advanced.length > 0 ? { advanced } : {}) };
}

/** 1280×720 where the camera reaches it, else its largest; the frame rate at least 15 where it can. */
function chooseMode(capabilities: CameraCapabilities, fps: number): Pick<CameraConstraintSet, 'width' | 'height' | 'frameRate'> {
  const fit = (preferred: number, range: SettingsRange | undefined) => (range?.max !== undefined && range.max > 0 ? Math.min(preferred, range.max) : preferred);
  const wanted = Math.max(MIN_CAMERA_FPS, fps);
  return { width: { ideal: fit(PREFERRED_WIDTH, capabilities.width) }, height: { ideal: fit(PREFERRED_HEIGHT, capabilities.height) }, frameRate: { ideal: fit(wanted, capabilities.frameRate) } };
}

/** Applies the constraints for `track`; never throws. Returns what it offers and what is applied. */
export async function tuneCamera(track: TunableTrack, options: TuningOptions): Promise<CameraTuning> {
  let capabilities: CameraCapabilities = {};
  try {
    capabilities = track.getCapabilities?.() ?? {};
  } catch {
    // A track that cannot say what it offers is asked for the mode alone.
  }
  let problem: string | null = null;
  try {
    await track.applyConstraints(cameraConstraints(capabilities, options));
  } catch (error) {
    problem = String((error as DOMException | undefined)?.name || 'Error').slice(0, 120);
  }
  let applied: CameraTrackSettings = {};
  try {
    applied = track.getSettings();
  } catch {
    // Reported as unknown.
  }
  return { offered: describeCapabilities(capabilities), applied: describeSettings(applied), problem };
}

function describeCapabilities(capabilities: CameraCapabilities): CameraTuning['offered'] {
  const range = capabilities.focusDistance;
  return {
    width: finiteOrNull(capabilities.width?.max),
    height: finiteOrNull(capabilities.height?.max),
    frameRate: finiteOrNull(capabilities.frameRate?.max),
    focusModes: modeList(capabilities.focusMode),
    exposureModes: modeList(capabilities.exposureMode),
    focusDistance: range && isFiniteRange(range) ? { min: range.min, max: range.max } : null,
  };
}

function describeSettings(settings: CameraTrackSettings): CameraTuning['applied'] {
  return {
    width: finiteOrNull(settings.width),
    height: finiteOrNull(settings.height),
    frameRate: finiteOrNull(settings.frameRate === undefined ? undefined : Math.round(settings.frameRate * 100) / 100),
    focusMode: typeof settings.focusMode === 'string' ? settings.focusMode.slice(0, 32) : null,
    exposureMode: typeof settings.exposureMode === 'string' ? settings.exposureMode.slice(0, 32) : null,
    focusDistance: finiteOrNull(settings.focusDistance),
  };
}

function isFiniteRange(range: SettingsRange): range is Required<Pick<SettingsRange, 'min' | 'max'>> & SettingsRange {
  return Number.isFinite(range.min) && Number.isFinite(range.max) && (range.max as number) >= (range.min as number);
}

function finiteOrNull(value: number | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100_000 ? value : null;
}

function modeList(modes: string[] | undefined): string[] {
  return Array.isArray(modes) ? modes.filter((mode) => typeof mode === 'string').slice(0, 8).map((mode) => mode.slice(0, 32)) : [];
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/**
 * The camera set for phone screens (electron/capture/camera-tuning.ts), against fake tracks that
 * behave as the Media Capture and MediaStream Image Capture specs say: getCapabilities() lists
 * what the camera offers, applyConstraints() takes ideals and advanced sets (an advanced set it
 * cannot satisfy is skipped, never an error), getSettings() says what is in force. Tracks that
 * offer nothing, focus only, or everything; one whose applyConstraints refuses even so.
 */
import { describe, expect, it } from 'vitest';
import {
  cameraConstraints,
  initialVideoConstraints,
  tuneCamera,
  type CameraCapabilities,
  type CameraConstraints,
  type CameraTrackSettings,
  type TunableTrack,
} from '../../electron/capture/camera-tuning';
import { CameraTuningSchema } from '../../electron/shared/camera-tuning';

/** A track that applies what it can of each constraint set, as the spec's SelectSettings does. */
class FakeTrack implements TunableTrack {
  applied: CameraConstraints[] = [];
  settings: CameraTrackSettings;

  constructor(
    private readonly capabilities: CameraCapabilities | undefined,
    initial: CameraTrackSettings,
    private readonly refuse: string | null = null,
  ) {
    this.settings = { ...initial };
  }

  get getCapabilities(): (() => CameraCapabilities) | undefined {
    const capabilities = this.capabilities;
    return capabilities ? () => capabilities : undefined;
  }

  getSettings(): CameraTrackSettings {
    return { ...this.settings };
  }

  async applyConstraints(constraints: CameraConstraints): Promise<void> {
    this.applied.push(constraints);
    if (this.refuse) throw Object.assign(new Error('refused'), { name: this.refuse });
    const caps = this.capabilities ?? {};
    const within = (value: number, range?: { min?: number; max?: number }) => Math.min(range?.max ?? value, Math.max(range?.min ?? value, value));
    if (constraints.width) this.settings.width = within(constraints.width.ideal, caps.width);
    if (constraints.height) this.settings.height = within(constraints.height.ideal, caps.height);
    if (constraints.frameRate) this.settings.frameRate = within(constraints.frameRate.ideal, caps.frameRate);
    for (const set of constraints.advanced ?? []) {
      // An advanced set the camera cannot satisfy is left out whole.
      if (set.focusMode && !caps.focusMode?.includes(set.focusMode)) continue;
      if (set.exposureMode && !caps.exposureMode?.includes(set.exposureMode)) continue;
      if (set.focusMode) this.settings.focusMode = set.focusMode;
      if (set.exposureMode) this.settings.exposureMode = set.exposureMode;
      if (set.focusDistance !== undefined) this.settings.focusDistance = set.focusDistance;
    }
  }
}

const WEBCAM_DEFAULT: CameraTrackSettings = { width: 640, height: 480, frameRate: 30 };
const EVERYTHING: CameraCapabilities = {
  width: { min: 160, max: 1920 },
  height: { min: 120, max: 1080 },
  frameRate: { min: 5, max: 30 },
  focusMode: ['manual', 'single-shot', 'continuous'],
  exposureMode: ['manual', 'continuous'],
  focusDistance: { min: 0.1, max: 10, step: 0.01 },
};

describe('initialVideoConstraints', () => {
  it('asks for 720p at 15 fps or more, with ideals only (nothing a camera can refuse but the chosen device)', () => {
    expect(initialVideoConstraints(null, 10)).toEqual({ width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 15 } });
    expect(initialVideoConstraints('cam-2', 25)).toEqual({ deviceId: { exact: 'cam-2' }, width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 25 } });
  });
});

describe('tuneCamera', () => {
  it('a track that offers nothing (no getCapabilities at all): the mode alone, no focus or exposure asked for, no error', async () => {
    const track = new FakeTrack(undefined, WEBCAM_DEFAULT);
    const tuning = await tuneCamera(track, { fps: 10, focusDistance: null });
    expect(track.applied).toEqual([{ width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 15 } }]);
    expect(tuning).toEqual({
      offered: { width: null, height: null, frameRate: null, focusModes: [], exposureModes: [], focusDistance: null },
      applied: { width: 1280, height: 720, frameRate: 15, focusMode: null, exposureMode: null, focusDistance: null },
      problem: null,
    });
    expect(CameraTuningSchema.parse(tuning)).toEqual(tuning);
  });

  it('a track offering focus only: continuous focus, and no exposure mode asked for', async () => {
    const track = new FakeTrack({ width: { max: 1280 }, height: { max: 720 }, frameRate: { max: 30 }, focusMode: ['manual', 'continuous'] }, WEBCAM_DEFAULT);
    const tuning = await tuneCamera(track, { fps: 10, focusDistance: null });
    expect(track.applied[0]?.advanced).toEqual([{ focusMode: 'continuous' }]);
    expect(tuning.offered).toMatchObject({ focusModes: ['manual', 'continuous'], exposureModes: [] });
    expect(tuning.applied).toEqual({ width: 1280, height: 720, frameRate: 15, focusMode: 'continuous', exposureMode: null, focusDistance: null });
  });

  it('a track offering everything: 1280×720 (not its 1080p), continuous focus and exposure, each in a set of its own', async () => {
    const track = new FakeTrack(EVERYTHING, WEBCAM_DEFAULT);
    const tuning = await tuneCamera(track, { fps: 10, focusDistance: null });
    expect(track.applied).toEqual([
      { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 15 }, advanced: [{ focusMode: 'continuous' }, { exposureMode: 'continuous' }] },
    ]);
    expect(tuning).toEqual({
      offered: { width: 1920, height: 1080, frameRate: 30, focusModes: ['manual', 'single-shot', 'continuous'], exposureModes: ['manual', 'continuous'], focusDistance: { min: 0.1, max: 10 } },
      applied: { width: 1280, height: 720, frameRate: 15, focusMode: 'continuous', exposureMode: 'continuous', focusDistance: null },
      problem: null,
    });
  });

  it('a fixed focus distance from the configuration, where the camera offers manual focus, clamped to its range', async () => {
    const track = new FakeTrack(EVERYTHING, WEBCAM_DEFAULT);
    await tuneCamera(track, { fps: 10, focusDistance: 0.3 });
    expect(track.applied[0]?.advanced).toEqual([{ focusMode: 'manual', focusDistance: 0.3 }, { exposureMode: 'continuous' }]);
    expect(track.settings).toMatchObject({ focusMode: 'manual', focusDistance: 0.3 });
    expect(cameraConstraints(EVERYTHING, { fps: 10, focusDistance: 0.02 }).advanced?.[0]).toEqual({ focusMode: 'manual', focusDistance: 0.1 });
    // Focus only continuous: the distance cannot be fixed, so focus stays continuous.
    expect(cameraConstraints({ focusMode: ['continuous'] }, { fps: 10, focusDistance: 0.3 }).advanced).toEqual([{ focusMode: 'continuous' }]);
  });

  it('a smaller camera gets its largest mode; a slow one its fastest rate; a faster decode rate asks for more', () => {
    expect(cameraConstraints({ width: { max: 640 }, height: { max: 480 }, frameRate: { max: 10 } }, { fps: 10, focusDistance: null })).toEqual({
      width: { ideal: 640 },
      height: { ideal: 480 },
      frameRate: { ideal: 10 },
    });
    expect(cameraConstraints(EVERYTHING, { fps: 25, focusDistance: null }).frameRate).toEqual({ ideal: 25 });
  });

  it('never throws: a camera that refuses the constraints runs on its defaults, and says why', async () => {
    const track = new FakeTrack(EVERYTHING, WEBCAM_DEFAULT, 'OverconstrainedError');
    const tuning = await tuneCamera(track, { fps: 10, focusDistance: null });
    expect(tuning.problem).toBe('OverconstrainedError');
    expect(tuning.applied).toMatchObject({ width: 640, height: 480, frameRate: 30 });
    const broken: TunableTrack = {
      getCapabilities: () => {
        throw new Error('no');
      },
      getSettings: () => {
        throw new Error('no');
      },
      applyConstraints: async () => undefined,
    };
    expect((await tuneCamera(broken, { fps: 10, focusDistance: null })).applied).toEqual({ width: null, height: null, frameRate: null, focusMode: null, exposureMode: null, focusDistance: null });
  });
});

/**
 * A camera can stop sending frames, and the capture page or its worker can hang, without any
 * event saying so: the track stays live, nothing ends, nothing crashes. The capture worker
 * reports how many frames arrived every few seconds (a heartbeat, never a frame); when none has
 * come for longer than the camera's state allows (10 s while it runs), this says so once, and
 * starts counting again (the shell restarts the capture page meanwhile).
 */

/** No frame for this long while the camera runs: it is stalled. */
export const FRAME_STALL_MS = 10_000;
/**
 * A camera still opening may take longer (a USB camera's first open, a busy PC): only one that
 * has not opened after this long is taken for hung (a `getUserMedia` that never settles).
 */
export const OPEN_STALL_MS = 30_000;
/** How often the silence is measured: a stall is seen within a second of its limit. */
const CHECK_EVERY_MS = 1000;

export interface FrameStallDeps {
  /** How long the camera may be silent now; null while it should not be delivering frames at all. */
  allowedSilenceMs(): number | null;
  /** No frame for `silentMs` while it should run. */
  onStall(silentMs: number): void;
  /** Milliseconds on a monotonic clock (tests: the fake timers' clock). */
  now?: () => number;
}

export class FrameStallWatch {
  private lastProgressAt: number;
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly now: () => number;

  constructor(private readonly deps: FrameStallDeps) {
    this.now = deps.now ?? (() => performance.now());
    this.lastProgressAt = this.now();
    this.timer = setInterval(() => this.check(), CHECK_EVERY_MS);
    this.timer.unref?.(); // never what keeps a stopping process alive
  }

  /** Frames arrived, or the camera changed state (opened, restarted): the silence starts over. */
  progress(): void {
    this.lastProgressAt = this.now();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private check(): void {
    const now = this.now();
    const allowed = this.deps.allowedSilenceMs();
    // While the camera should not run (off, disabled, retrying after an error the page reported),
    // silence is expected: the clock starts when it should run again.
    if (allowed === null) {
      this.lastProgressAt = now;
      return;
    }
    const silentMs = now - this.lastProgressAt;
    if (silentMs < allowed) return;
    this.lastProgressAt = now; // the restart gets a whole period of its own
    this.deps.onStall(silentMs);
  }
}

/**
 * A result screen's countdown back to `ready`, once a second (main owns it; the page draws it as
 * a ring). A touch gives it its full time again (`extend`), but never keeps a customer's data on
 * screen for good: a stuck finger, or a queue tapping the screen, is rate-limited (one extension
 * a second) and capped (the screen's whole time at most `MAX_TOTAL_FACTOR` × its full time). Once
 * the till has taken a member's identification, `shorten` brings the end nearer
 * (`handoff.clearAfterDeliveredSeconds`), and touches extend only up to that.
 */

/** A result screen stays at most this many times its full countdown, touches included. */
export const MAX_TOTAL_FACTOR = 3;
/** At most one extension per this many milliseconds. */
export const EXTEND_INTERVAL_MS = 1000;

export interface CountdownTick {
  /** Seconds left. */
  remaining: number;
  /** The time the ring counts from (its full circle). */
  full: number;
}

export class ResultCountdown {
  private timer: ReturnType<typeof setInterval> | null = null;
  private remaining = 0;
  private full = 0;
  /** Seconds left until the cap, whatever the touches. */
  private capLeft = 0;
  private lastExtend = -Infinity;

  constructor(
    private readonly deps: {
      now(): number;
      /** A new second (or a new full time): publish it. */
      tick(tick: CountdownTick): void;
      /** Time is up: back to `ready`. */
      end(): void;
    },
  ) {}

  get running(): boolean {
    return this.timer !== null;
  }

  /** Starts a new countdown of `seconds`; published by the caller with `current()`. */
  start(seconds: number): void {
    this.stop();
    this.remaining = seconds;
    this.full = seconds;
    this.capLeft = seconds * MAX_TOTAL_FACTOR;
    this.lastExtend = -Infinity;
    this.timer = setInterval(() => {
      this.remaining -= 1;
      this.capLeft -= 1;
      if (this.remaining <= 0) {
        this.stop();
        this.deps.end();
      } else this.deps.tick(this.current());
    }, 1000);
  }

  current(): CountdownTick {
    return { remaining: this.remaining, full: this.full };
  }

  /** A touch: the full time again, within the rate limit and the cap. True when it changed anything. */
  extend(): boolean {
    if (!this.timer) return false;
    const now = this.deps.now();
    if (now - this.lastExtend < EXTEND_INTERVAL_MS) return false;
    const next = Math.min(this.full, this.capLeft);
    if (next <= this.remaining) return false;
    this.lastExtend = now;
    this.remaining = next;
    this.deps.tick(this.current());
    return true;
  }

  /** At most `seconds` more, from now on (touches included). */
  shorten(seconds: number): void {
    if (!this.timer) return;
    this.capLeft = Math.min(this.capLeft, seconds);
    this.full = Math.min(this.full, seconds);
    if (this.remaining > seconds) {
      this.remaining = seconds;
      this.deps.tick(this.current());
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

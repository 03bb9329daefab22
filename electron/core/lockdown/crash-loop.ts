/**
 * Counts the UI's crashes and decides what the watchdog does with the next one: reload the UI,
 * or, after more than `maxCrashes` within `windowMs`, give up for now and show the "out of
 * order" page (a UI that crashes on start would otherwise flash forever in front of customers).
 * While out of order, the watchdog tries the UI again every `retryMs`; a crash during a retry
 * still counts with the recent ones, so a UI that is still broken goes straight back.
 */

export interface CrashLoopOptions {
  maxCrashes?: number;
  windowMs?: number;
  retryMs?: number;
  now?: () => number;
}

export type CrashVerdict = 'reload' | 'outOfOrder';

export class CrashLoopGuard {
  readonly maxCrashes: number;
  readonly windowMs: number;
  readonly retryMs: number;
  private readonly now: () => number;
  private crashes: number[] = [];

  constructor(options: CrashLoopOptions = {}) {
    this.maxCrashes = options.maxCrashes ?? 3;
    this.windowMs = options.windowMs ?? 5 * 60_000;
    this.retryMs = options.retryMs ?? 2 * 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Records a crash now and says what to do about it. */
  record(): CrashVerdict {
    const now = this.now();
    this.crashes = [...this.crashes.filter((at) => now - at < this.windowMs), now];
    return this.crashes.length > this.maxCrashes ? 'outOfOrder' : 'reload';
  }

  /** Crashes within the window, for the log. */
  recentCrashes(): number {
    const now = this.now();
    return this.crashes.filter((at) => now - at < this.windowMs).length;
  }
}

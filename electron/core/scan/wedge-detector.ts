/**
 * Tells a keyboard-wedge scanner from a person typing. A scanner "types" a whole code in a
 * burst, keys a few milliseconds apart, and ends it with Enter (or Tab); a person's keys are
 * 80 ms or more apart. Every key of a burst must follow the previous one within
 * `maxInterKeyMs`, or the burst is thrown away.
 */
import { isBurstTerminator, isPrintableKey, type KeyLike } from '../../shared/key-policy';

export interface TimedKey extends KeyLike {
  /** Milliseconds on a monotonic clock. */
  time: number;
}

export interface WedgeDetectorOptions {
  maxInterKeyMs: number;
  /** Shorter bursts are noise (a stray key followed by Enter); the shortest code is 6 digits. */
  minLength?: number;
  /** Longer bursts are discarded rather than buffered without end. */
  maxLength?: number;
  onScan(text: string): void;
}

export class WedgeDetector {
  private buffer: string[] = [];
  private lastTime = -Infinity;

  constructor(private readonly options: WedgeDetectorOptions) {}

  key(input: TimedKey): void {
    const gap = input.time - this.lastTime;
    if (isPrintableKey(input)) {
      if (gap > this.options.maxInterKeyMs) this.buffer = [];
      this.buffer.push(input.key);
      this.lastTime = input.time;
      if (this.buffer.length > (this.options.maxLength ?? 512)) this.buffer = [];
      return;
    }
    if (isBurstTerminator(input)) {
      const text = this.buffer.join('');
      this.buffer = [];
      this.lastTime = -Infinity;
      if (gap <= this.options.maxInterKeyMs && text.length >= (this.options.minLength ?? 4)) this.options.onScan(text);
      return;
    }
    // Modifier keys alone (Shift for capitals) are part of a burst; any chord is not.
    if (input.ctrl || input.alt || input.meta) {
      this.buffer = [];
      this.lastTime = -Infinity;
    }
  }
}

/**
 * Tells a keyboard-wedge scanner from a person typing. A scanner "types" a whole code in a
 * burst, keys a few milliseconds apart, and ends it with Enter (or Tab); a person's keys are
 * 80 ms or more apart.
 *
 * A burst is judged by its average gap (at most `maxInterKeyMs`), because single gaps jitter:
 * USB polling, and in Electron the time a busy main process takes to see the key. A single
 * gap longer than `JITTER_FACTOR` × `maxInterKeyMs` breaks the burst: what came before is thrown
 * away. Bursts shorter than the shortest code are noise.
 */
import { isBurstTerminator, isPrintableKey, type KeyLike } from '../../shared/key-policy';
import { decodeScannerKey, type ScannerLayout } from './keyboard-layouts';

export interface TimedKey extends KeyLike {
  /** The physical key (`KeyA`, `Slash`): read through the scanner's layout. */
  code: string;
  shift: boolean;
  /** Milliseconds on a monotonic clock. */
  time: number;
}

export interface WedgeDetectorOptions {
  /** The largest average gap between a burst's keys. */
  maxInterKeyMs: number;
  /** The layout the scanner types in ('us' unless set): see keyboard-layouts.ts. */
  layout?: ScannerLayout;
  /** The shortest burst that is a scan: the shortest code is a 6-digit OTP. */
  minLength?: number;
  /** Longer bursts are discarded rather than buffered without end. */
  maxLength?: number;
  onScan(text: string): void;
}

/** How much longer than the average one gap may be before the burst is broken. */
export const JITTER_FACTOR = 3;

export class WedgeDetector {
  private buffer: string[] = [];
  /** The current burst passed maxLength: nothing of it may become a scan. */
  private overflowed = false;
  private firstTime = 0;
  private lastTime = -Infinity;

  constructor(private readonly options: WedgeDetectorOptions) {}

  key(input: TimedKey): void {
    const gap = input.time - this.lastTime;
    const maxGap = this.options.maxInterKeyMs * JITTER_FACTOR;
    if (isPrintableKey(input)) {
      if (gap > maxGap) {
        this.buffer = [];
        this.overflowed = false;
        this.firstTime = input.time;
      }
      if (this.buffer.length >= (this.options.maxLength ?? 512)) {
        this.buffer = []; // keep memory bounded; the burst stays void until it ends
        this.overflowed = true;
      }
      const char = decodeScannerKey(input, this.options.layout ?? 'us');
      if (char !== null) this.buffer.push(char);
      this.lastTime = input.time;
      return;
    }
    if (isBurstTerminator(input)) {
      const text = this.buffer.join('');
      const averageGap = (input.time - this.firstTime) / Math.max(1, this.buffer.length);
      const overflowed = this.overflowed;
      this.clear();
      if (!overflowed && gap <= maxGap && averageGap <= this.options.maxInterKeyMs && text.length >= (this.options.minLength ?? 6)) {
        this.options.onScan(text);
      }
      return;
    }
    // Modifier keys alone (Shift for capitals) are part of a burst; any chord is not.
    if (input.ctrl || input.alt || input.meta) this.clear();
  }

  private clear(): void {
    this.buffer = [];
    this.overflowed = false;
    this.lastTime = -Infinity;
  }
}

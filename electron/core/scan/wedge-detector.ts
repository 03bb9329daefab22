/**
 * Tells a keyboard-wedge scanner from a person typing. A scanner "types" a whole code in a
 * burst, keys a few milliseconds apart, and ends it with Enter (or Tab); a person's keys are
 * 80 ms or more apart.
 *
 * - A burst is judged by its average gap (at most `maxInterKeyMs`), because single gaps jitter:
 *   USB polling, and in Electron the time a busy main process takes to see the key.
 * - A single gap longer than `JITTER_FACTOR` × `maxInterKeyMs` ends what came before. If that was
 *   itself a burst, and the gap a stall rather than a new start, the whole burst is void up to
 *   its Enter: its tail alone would be a wrong code.
 * - Keys are read by physical position through the scanner's layout (keyboard-layouts.ts).
 * - Inside a burst, Ctrl+letter is the control character a scanner sends that way (Ctrl+] is
 *   GS): it becomes part of the text, for the scan parser to trim as framing or refuse. An Alt
 *   or Meta chord voids the burst. Outside a burst, any chord is a person's and clears it.
 * - Bursts shorter than the shortest code are noise.
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
/** A pause this long or longer after a burst is a new start, not a stall inside one. */
export const STALL_LIMIT_MS = 1000;
/** A burst is this many keys at least before a stall can break it (fewer: a person's keys). */
const MIN_BROKEN_BURST = 3;

/** Ctrl + these physical keys type a control character (as on a US keyboard). */
const CTRL_CODES: Record<string, number> = { BracketLeft: 0x1b, Backslash: 0x1c, BracketRight: 0x1d };

export class WedgeDetector {
  private buffer: string[] = [];
  /** The current burst is void until it ends (too long, stalled, or an Alt/Meta chord in it). */
  private voided = false;
  private firstTime = 0;
  private lastTime = -Infinity;

  constructor(private readonly options: WedgeDetectorOptions) {}

  key(input: TimedKey): void {
    const gap = input.time - this.lastTime;
    const maxGap = this.options.maxInterKeyMs * JITTER_FACTOR;
    const inBurst = gap <= maxGap;

    if (isPrintableKey(input) || (inBurst && input.ctrl && !input.alt && !input.meta)) {
      if (!inBurst) this.startAfterGap(gap, input.time);
      if (this.buffer.length >= (this.options.maxLength ?? 512)) {
        this.buffer = []; // keep memory bounded; the burst stays void until it ends
        this.voided = true;
      }
      const char = input.ctrl ? controlCharacter(input) : decodeScannerKey(input, this.options.layout ?? 'us');
      if (char === undefined) this.voided = true; // a Ctrl chord that is no character
      else if (char !== null) this.buffer.push(char);
      this.lastTime = input.time;
      return;
    }
    if (isBurstTerminator(input)) {
      const text = this.buffer.join('');
      const averageGap = (input.time - this.firstTime) / Math.max(1, this.buffer.length);
      const voided = this.voided;
      this.clear();
      if (!voided && inBurst && averageGap <= this.options.maxInterKeyMs && text.length >= (this.options.minLength ?? 6)) {
        this.options.onScan(text);
      }
      return;
    }
    if (input.ctrl || input.alt || input.meta) {
      // Inside a burst an Alt/Meta chord is no part of any code; outside, a person's shortcut.
      if (inBurst && this.buffer.length > 0) this.voided = true;
      else this.clear();
    }
    // Other keys (Shift alone, arrows, F-keys) neither add to nor break a burst.
  }

  /** The first key after a long gap: a new burst, or the tail of one that stalled. */
  private startAfterGap(gap: number, time: number): void {
    const count = this.buffer.length;
    const wasBurst = count >= MIN_BROKEN_BURST && (this.lastTime - this.firstTime) / (count - 1) <= this.options.maxInterKeyMs;
    this.voided = wasBurst && gap < STALL_LIMIT_MS;
    this.buffer = [];
    this.firstTime = time;
  }

  private clear(): void {
    this.buffer = [];
    this.voided = false;
    this.lastTime = -Infinity;
  }
}

/** The control character of Ctrl + a letter (or [ \ ]), by physical key; undefined for other chords. */
function controlCharacter(input: TimedKey): string | undefined {
  const letter = /^Key([A-Z])$/.exec(input.code)?.[1];
  if (letter) return String.fromCharCode(letter.charCodeAt(0) & 0x1f);
  const code = CTRL_CODES[input.code];
  return code === undefined ? undefined : String.fromCharCode(code);
}

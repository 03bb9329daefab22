/**
 * Tells a keyboard-wedge scanner from a person typing. A scanner "types" a whole code in a
 * burst, keys a few milliseconds apart, and ends it with Enter (or Tab); a person's keys are
 * 60 ms or more apart, and no person keeps up 30 ms a key.
 *
 * - A burst is judged by what cannot come from a person: its gaps average at most
 *   `maxInterKeyMs`, and each is at most `JITTER_FACTOR` × that (single gaps jitter: USB
 *   polling, and the time a busy page or main process takes to see a key).
 * - A gap may be a stall of up to `STALL_MAX_MS`: a busy page or main process holds a key back,
 *   and what follows arrives late. Stalls are left out of the average, and the burst is still one
 *   scan, the whole code, never its tail. One stall may fall anywhere (after the first key, before
 *   the Enter) in a burst that began after a quiet moment; once the burst has shown itself a
 *   scanner's (three fast gaps), it may stall again, up to once per two fast gaps (a loaded
 *   machine holds keys back more than once in a long URL). Keys that follow a person's slow ones
 *   start a new burst at each slow gap instead.
 * - A scan begins after a quiet moment: `QUIET_MS` after a burst's Enter, `CUT_TAIL_MS` after keys
 *   left without one. A burst that begins sooner, at a slow gap after other keys, cannot be told
 *   from a stalled scan's tail, and a tail may itself read as a code (the last six digits of a
 *   URL as an OTP): it is void ('no quiet moment before it') and reported, never read.
 * - A burst that stalls more often than that, or for longer than `STALL_MAX_MS`, is void up to
 *   its Enter: its tail alone would be a wrong code. So is one too long, or with an Alt or Meta
 *   chord in it.
 *   Each void burst that could have been a scan is reported (`onVoid`): its length, why, and its
 *   largest gap; never its characters.
 * - Keys are read through the scanner's layout (keyboard-layouts.ts).
 * - Inside a burst, Ctrl+letter is the control character a scanner sends that way (Ctrl+] is
 *   GS): it becomes part of the text, for the scan parser to trim as framing or refuse. Outside
 *   a burst, any chord is a person's and clears it.
 */
import { isBurstTerminator, isPrintableKey, type KeyLike } from '../../shared/key-policy';
import { controlCharacter } from './control-characters';
import { decodeScannerKey, type ScannerLayout } from './keyboard-layouts';

export interface TimedKey extends KeyLike {
  /** The physical key (`KeyA`, `Slash`; empty in some scanners' Alt-code modes). */
  code: string;
  shift: boolean;
  /** Milliseconds on a monotonic clock. */
  time: number;
}

/** Why a burst that could have been a scan was not. */
export type VoidReason = StallReason | 'too slow' | 'no terminator' | 'too long' | 'chord' | 'too short';
type StallReason = 'stalled too often' | 'stalled too long' | 'stalled after other keys' | 'no quiet moment before it';

export interface VoidedBurst {
  /** Characters it held (never the characters themselves). */
  length: number;
  reason: VoidReason;
  /** Its largest gap between two keys, in milliseconds (rounded). */
  largestGapMs: number;
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
  onVoid?(burst: VoidedBurst): void;
}

/** How much longer than the average one gap may be before it counts as a stall. */
export const JITTER_FACTOR = 3;
/** The longest stall a burst survives. */
export const STALL_MAX_MS = 500;
/** A pause this long or longer is a quiet moment: what came before is over, what follows is new. */
export const QUIET_MS = 1000;
/**
 * After a burst that could have been a scan is cut off by a quiet moment, keys this soon after
 * its last one may be its tail, let through late by a machine that stalled for seconds.
 */
export const CUT_TAIL_MS = 3000;
/** Fast gaps a run of keys needs before it counts as a scanner's (a person's rollover makes one or two). */
export const MIN_BURST_GAPS = 3;

/** The burst being read. */
interface Burst {
  chars: string[];
  /** Characters seen, the dropped ones of an over-long burst included. */
  length: number;
  /** Gaps between its keys, the stalls included. */
  gaps: number[];
  /**
   * Began after a quiet moment: it may be read as a scan, and may stall before it has shown
   * itself a scanner's. One that began right after other keys may be a tail, and is never read.
   */
  mayStall: boolean;
  /** The gap before its first key when it began right after other keys (reported, not judged). */
  leadGap: number;
  /** Void until it ends, and why. */
  voided: VoidReason | null;
}

export class WedgeDetector {
  private burst: Burst | null = null;
  private lastTime = -Infinity;

  constructor(private readonly options: WedgeDetectorOptions) {}

  private get fastGapMs(): number {
    return this.options.maxInterKeyMs * JITTER_FACTOR;
  }

  key(input: TimedKey): void {
    const gap = input.time - this.lastTime;
    // A Ctrl chord within a stall's reach of a burst's last key may be its framing (an ETX suffix
    // held back with the Enter): the burst's own rules decide.
    if (isPrintableKey(input) || (this.burst && gap <= STALL_MAX_MS && input.ctrl && !input.alt && !input.meta)) {
      this.character(input, gap);
      return;
    }
    if (isBurstTerminator(input)) {
      this.terminator(gap);
      return;
    }
    if (input.ctrl || input.alt || input.meta) {
      // Inside a burst an Alt/Meta chord is no part of any code; outside, a person's shortcut.
      if (this.burst && gap <= this.fastGapMs) this.burst.voided ??= 'chord';
      else this.end('no terminator');
    }
    // Other keys (Shift alone, arrows, F-keys) neither add to nor break a burst.
  }

  private character(input: TimedKey, gap: number): void {
    const burst = this.follow(gap);
    this.lastTime = input.time;
    const char = input.ctrl ? controlCharacter(input) : decodeScannerKey(input, this.options.layout ?? 'us');
    if (char === null) return; // a dead key the OS has not composed yet
    burst.length++;
    if (char === undefined) burst.voided ??= 'chord'; // a Ctrl chord that is no character
    else if (burst.chars.length < (this.options.maxLength ?? 512)) burst.chars.push(char);
    else {
      burst.chars = []; // keep memory bounded; the burst stays void until it ends
      burst.voided ??= 'too long';
    }
  }

  /** The burst a key `gap` after the last one belongs to: the current one, or a new one. */
  private follow(gap: number): Burst {
    const burst = this.burst;
    if (!burst || gap >= QUIET_MS) {
      // Keys left without their Enter this recently may have been a scan's first ones.
      const cutOff = burst !== null && gap < CUT_TAIL_MS;
      this.end('no terminator', gap);
      return (this.burst = newBurst(!cutOff, cutOff ? gap : 0));
    }
    if (gap <= this.fastGapMs) {
      burst.gaps.push(gap);
      return burst;
    }
    if (gap <= STALL_MAX_MS && !burst.voided && this.mayStallNow(burst)) {
      burst.gaps.push(gap);
      return burst;
    }
    // A stall too many, one too long, or slow keys: a scanner's burst is void to its end; a
    // person's keys are let go, and a new burst starts at this key (not after a quiet moment).
    if (this.isScannerLike(burst) || burst.voided) {
      burst.gaps.push(gap);
      burst.voided ??= stallReason(burst, gap);
      return burst;
    }
    return (this.burst = newBurst(false, gap));
  }

  private terminator(gap: number): void {
    const burst = this.burst;
    if (!burst) return;
    const survives = gap <= this.fastGapMs || (gap <= STALL_MAX_MS && this.mayStallNow(burst));
    burst.gaps.push(gap);
    if (!survives) {
      // A stall the burst cannot survive, just before its Enter.
      this.end(burst.voided ?? stallReason(burst, gap));
      return;
    }
    const text = burst.chars.join('');
    const reason =
      burst.voided ??
      (this.averageGap(burst) > this.options.maxInterKeyMs ? 'too slow' : text.length < (this.options.minLength ?? 6) ? 'too short' : !burst.mayStall ? 'no quiet moment before it' : null);
    if (reason === null) {
      this.burst = null;
      this.lastTime = -Infinity;
      this.options.onScan(text);
    } else this.end(reason, 0, true);
  }

  /**
   * Drops the burst, reporting it when it could have been a scan: why (the first reason it got,
   * else `reason`) and its largest gap, `cutGap` (the quiet moment that cut it off) included.
   */
  private end(reason: VoidReason, cutGap = 0, atTerminator = false): void {
    const burst = this.burst;
    this.burst = null;
    this.lastTime = -Infinity;
    if (!burst) return;
    // A scanner-fast run to an Enter that began right after other keys is a scan's tail as likely
    // as not, however short: its loss is reported.
    const tailOfScan = atTerminator && !burst.mayStall && this.stalls(burst) === 0;
    const couldHaveBeenScan = this.couldBeScan(burst) || tailOfScan || (reason === 'too slow' && burst.length >= (this.options.minLength ?? 6));
    if (!couldHaveBeenScan || burst.length === 0) return;
    this.options.onVoid?.({ length: burst.length, reason: burst.voided ?? reason, largestGapMs: Math.round(Math.max(burst.leadGap, cutGap, ...burst.gaps)) });
  }

  private couldBeScan(burst: Burst): boolean {
    return burst.voided !== null || this.isScannerLike(burst);
  }

  /** Enough fast keys, fast enough on average and seldom enough held back, that no person typed them. */
  private isScannerLike(burst: Burst): boolean {
    const fast = this.fastGaps(burst).length;
    return fast >= MIN_BURST_GAPS && this.averageGap(burst) <= this.options.maxInterKeyMs && this.stalls(burst) <= Math.max(1, Math.floor(fast / 2));
  }

  /** Whether one more stall keeps the burst a scan: its first, after a quiet moment; then once per two fast gaps. */
  private mayStallNow(burst: Burst): boolean {
    const stalls = this.stalls(burst);
    if (!this.isScannerLike(burst)) return burst.mayStall && stalls === 0;
    return stalls + 1 <= Math.max(1, Math.floor(this.fastGaps(burst).length / 2));
  }

  /** Its gaps but the stalls. */
  private fastGaps(burst: Burst): number[] {
    return burst.gaps.filter((gap) => gap <= this.fastGapMs);
  }

  private stalls(burst: Burst): number {
    return burst.gaps.length - this.fastGaps(burst).length;
  }

  private averageGap(burst: Burst): number {
    const gaps = this.fastGaps(burst);
    return gaps.length === 0 ? 0 : gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length;
  }
}

/** Why a stall of `gap` ends a burst's chance of being a scan. */
function stallReason(burst: Burst, gap: number): StallReason {
  if (gap > STALL_MAX_MS) return 'stalled too long';
  return burst.mayStall ? 'stalled too often' : 'stalled after other keys';
}

function newBurst(mayStall: boolean, leadGap = 0): Burst {
  return { chars: [], length: 0, gaps: [], mayStall, leadGap, voided: null };
}

/**
 * A person typing their code on a physical keyboard while the keypad is open. The page never
 * sees a printable key, nor a key close behind one (key-policy.ts): at the moment it arrives,
 * nobody can tell a person's key from a scanner's first. Main sees every key, so it holds the
 * withheld ones in runs (keys at most a scanner's fast gap apart) and hands a run to the keypad
 * once it has ended without looking like a scanner's: fewer than three fast gaps, or gaps
 * slower on average than `maxInterKeyMs` (the wedge detector's own test of what no person can
 * do). A scanner's run is never handed over: the wedge detector reads it as a scan, and the scan
 * closes the keypad. Keys the page did see (Backspace, Escape, Enter a while after a digit) are
 * the page's; this hands over only what it could not see.
 *
 * A person's digit reaches the keypad when the next key comes a person's gap later, or at most
 * `BURST_TERMINATOR_WINDOW_MS` after it (no key of a burst comes later than that), whichever is
 * first.
 */
import { BURST_TERMINATOR_WINDOW_MS, isBurstTerminator, KeyWithholder } from '../../shared/key-policy';
import type { KeypadKey } from '../../shared/keypad-view';
import { JITTER_FACTOR, MIN_BURST_GAPS, type TimedKey } from '../scan/wedge-detector';

export interface KeypadKeysOptions {
  /** `scanners.keyboard.maxInterKeyMs`: a scanner's largest average gap. */
  maxInterKeyMs(): number;
  /** A person's keys for the keypad, in the order typed. */
  onKeys(keys: KeypadKey[]): void;
  /** For tests: runs `callback` after `ms`; returns the cancel. */
  schedule?(callback: () => void, ms: number): () => void;
}

interface Run {
  /** What each key means to the keypad (null: nothing, e.g. a letter). */
  keys: Array<KeypadKey | null>;
  gaps: number[];
  lastTime: number;
}

const NAMED: ReadonlySet<string> = new Set(['Backspace', 'Delete', 'Enter', 'Escape']);

export class KeypadKeys {
  /** Decides as the shells do, from the same keys and times, so it knows which keys the page never saw. */
  private readonly withholder = new KeyWithholder();
  private run: Run | null = null;
  private cancelTimer: (() => void) | null = null;
  private open = false;

  constructor(private readonly options: KeypadKeysOptions) {}

  setOpen(open: boolean): void {
    this.open = open;
    if (!open) this.drop();
  }

  /** Every key main sees, whether the keypad is open or not (the withholder must see them all). */
  key(input: TimedKey): void {
    const withheld = this.withholder.decide(input, input.time);
    if (!this.open) return;
    if (!withheld) return this.flush(); // the page has this one; what came before is over
    const fastGapMs = this.options.maxInterKeyMs() * JITTER_FACTOR;
    if (this.run && input.time - this.run.lastTime > fastGapMs) this.flush();
    const run = (this.run ??= { keys: [], gaps: [], lastTime: input.time });
    if (run.keys.length > 0) run.gaps.push(input.time - run.lastTime);
    run.lastTime = input.time;
    run.keys.push(keypadKey(input));
    if (isBurstTerminator(input)) return this.flush();
    this.cancelTimer?.();
    this.cancelTimer = (this.options.schedule ?? defaultSchedule)(() => this.flush(), BURST_TERMINATOR_WINDOW_MS);
  }

  /** Ends the run: a person's keys go to the keypad, a scanner's nowhere (they are a scan). */
  private flush(): void {
    const run = this.run;
    this.drop();
    if (!run || this.isScannerLike(run)) return;
    const keys = run.keys.filter((key): key is KeypadKey => key !== null);
    if (keys.length > 0) this.options.onKeys(keys);
  }

  private drop(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    this.run = null;
  }

  private isScannerLike(run: Run): boolean {
    const average = run.gaps.reduce((sum, gap) => sum + gap, 0) / Math.max(1, run.gaps.length);
    return run.gaps.length >= MIN_BURST_GAPS && average <= this.options.maxInterKeyMs();
  }
}

/** A digit (top row or number pad) or a key the keypad acts on; null for anything else. */
function keypadKey(input: TimedKey): KeypadKey | null {
  if (input.ctrl || input.alt || input.meta) return null;
  if (/^[0-9]$/.test(input.key)) return input.key as KeypadKey;
  return NAMED.has(input.key) ? (input.key as KeypadKey) : null;
}

function defaultSchedule(callback: () => void, ms: number): () => void {
  const timer = setTimeout(callback, ms);
  return () => clearTimeout(timer);
}

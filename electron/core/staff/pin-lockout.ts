/**
 * Wrong staff PINs lock staff mode, so that nobody at the counter can guess the PIN: after five
 * wrong PINs in a row, five minutes; each further wrong PIN (once the lock ran out) locks again,
 * for twice as long as the last, up to an hour. Only the right PIN starts a fresh count. That is
 * at most 5 + 24 guesses on the first day and 24 a day after, against about 1,440 a day with a
 * fresh five every five minutes.
 *
 * The count lives in user data (lockout-file.ts) and survives a restart: pulling the plug buys
 * no fresh set of attempts. Each attempt is counted as wrong, and written, before its PIN is
 * checked (a right PIN then resets it), so not even a power cut during the check forgets one.
 */
import type { Logger } from '../log/logger';
import { readLockoutFile, writeLockoutFile, type LockoutRecord } from './lockout-file';

export const MAX_WRONG_PINS = 5;
export const LOCKOUT_MS = 5 * 60_000;
export const MAX_LOCKOUT_MS = 60 * 60_000;

export type LockoutState = { locked: false; attemptsLeft: number } | { locked: true; retryInSeconds: number };

/** How long `wrongInARow` wrong PINs lock for: nothing before the fifth, then 5, 10, 20, 40, 60, 60… minutes. */
export function lockoutMs(wrongInARow: number): number {
  if (wrongInARow < MAX_WRONG_PINS) return 0;
  return Math.min(LOCKOUT_MS * 2 ** Math.min(wrongInARow - MAX_WRONG_PINS, 16), MAX_LOCKOUT_MS);
}

/** The count at which a lock is as long as it gets: a file that cannot be trusted starts from here. */
export const WRONG_AT_LONGEST_LOCK = (() => {
  let wrong = MAX_WRONG_PINS;
  while (lockoutMs(wrong) < MAX_LOCKOUT_MS) wrong += 1;
  return wrong;
})();

export interface PinLockoutOptions {
  /** Where the count is kept; null: in memory only (tests of other parts). */
  file: string | null;
  log?: Logger;
  now?: () => number;
  /** For tests: how the count is written (a disk that refuses). */
  write?: typeof writeLockoutFile;
}

export class PinLockout {
  private record: LockoutRecord = { wrongInARow: 0, lockedUntil: 0 };
  private loaded: Promise<void> | null = null;
  private readonly now: () => number;

  constructor(private readonly options: PinLockoutOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Where the count stands (read from the file the first time). */
  async state(): Promise<LockoutState> {
    await this.load();
    const remaining = Math.min(this.record.lockedUntil - this.now(), MAX_LOCKOUT_MS);
    if (remaining > 0) return { locked: true, retryInSeconds: Math.ceil(remaining / 1000) };
    return { locked: false, attemptsLeft: Math.max(MAX_WRONG_PINS - this.record.wrongInARow, 0) };
  }

  /**
   * Counts an attempt as wrong, and writes it, before its PIN is checked. Returns the state to
   * answer with should the PIN be wrong. Call only when `state()` is not locked.
   */
  async recordAttempt(): Promise<LockoutState> {
    await this.load();
    const wrongInARow = this.record.wrongInARow + 1;
    const lockMs = lockoutMs(wrongInARow);
    this.record = { wrongInARow, lockedUntil: lockMs ? this.now() + lockMs : 0 };
    await this.save();
    return this.state();
  }

  /** The attempt's PIN was wrong: say so in the log (its count was written by recordAttempt). */
  logWrong(): void {
    const lockedForSeconds = Math.max(0, Math.ceil((this.record.lockedUntil - this.now()) / 1000));
    this.options.log?.warn('staff-pin-wrong', { wrongInARow: this.record.wrongInARow, lockedForSeconds });
    if (lockedForSeconds > 0) this.options.log?.warn('staff-locked', { minutes: Math.ceil(lockedForSeconds / 60), wrongInARow: this.record.wrongInARow });
  }

  /** The attempt's PIN was right: a fresh count. */
  async recordRight(): Promise<void> {
    await this.load();
    this.record = { wrongInARow: 0, lockedUntil: 0 };
    await this.save();
  }

  private load(): Promise<void> {
    this.loaded ??= (async () => {
      if (!this.options.file) return;
      const read = await readLockoutFile(this.options.file, this.now(), MAX_LOCKOUT_MS);
      if (read.ok) {
        this.record = read.record;
        return;
      }
      // Fail shut: a count that cannot be trusted is the longest lock, from now, and said so.
      this.options.log?.error('staff-lockout-file-invalid', { file: this.options.file, reason: read.reason });
      this.record = { wrongInARow: WRONG_AT_LONGEST_LOCK, lockedUntil: this.now() + MAX_LOCKOUT_MS };
      await this.save();
    })();
    return this.loaded;
  }

  private async save(): Promise<void> {
    if (!this.options.file) return;
    try {
      await (this.options.write ?? writeLockoutFile)(this.options.file, this.record);
    } catch (error) {
      // The count still holds in memory; staff should learn the disk refused it.
      this.options.log?.error('staff-lockout-unsaved', { file: this.options.file, code: (error as NodeJS.ErrnoException).code ?? 'unknown' });
    }
  }
}

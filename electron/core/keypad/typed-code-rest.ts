/**
 * Typed codes can be guessed, scanned ones hardly: after `WRONG_LIMIT` wrong typed codes within
 * `WINDOW_MS` the keypad rests for `FIRST_REST_MS`, each rest after that twice as long as the one
 * before, up to `MAX_REST_MS`. `WINDOW_MS` without any wrong typed code forgets the history (the
 * next rest is the first again). A right code forgets nothing: a guesser with one good code of
 * their own must not be able to start over with it. Scans are never held back.
 *
 * Kept in main, not in the page: a page can be reloaded, and with it anything it counted.
 */

export const WRONG_LIMIT = 3;
export const WINDOW_MS = 10 * 60_000;
export const FIRST_REST_MS = 30_000;
export const MAX_REST_MS = 10 * 60_000;

export class TypedCodeRest {
  /** When each recent wrong code was typed (at most WRONG_LIMIT kept). */
  private wrong: number[] = [];
  /** Rests since the history was last forgotten. */
  private rests = 0;
  private restUntil = -Infinity;

  /** A wrong typed code at `now` (ms, monotonic); the rest it starts (ms), or 0 for none. */
  recordWrong(now: number): number {
    const last = this.wrong.at(-1) ?? this.restUntil;
    if (now - last >= WINDOW_MS) this.rests = 0; // ten quiet minutes: a new customer, a clean slate
    this.wrong = [...this.wrong.filter((at) => now - at < WINDOW_MS), now];
    if (this.wrong.length < WRONG_LIMIT) return 0;
    const rest = Math.min(FIRST_REST_MS * 2 ** this.rests, MAX_REST_MS);
    this.rests++;
    this.wrong = [];
    this.restUntil = now + rest;
    return rest;
  }

  /** Milliseconds of rest left at `now` (0: typed codes are taken). */
  remaining(now: number): number {
    return Math.max(0, this.restUntil - now);
  }
}

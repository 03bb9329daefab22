/**
 * Five wrong PINs lock staff mode for five minutes, so a customer cannot guess a 4-digit PIN
 * at the counter. The count survives a right PIN only by being reset by it.
 */
export const MAX_WRONG_PINS = 5;
export const LOCKOUT_MS = 5 * 60_000;

export type LockoutState = { locked: false; attemptsLeft: number } | { locked: true; retryInSeconds: number };

export class PinLockout {
  private wrong = 0;
  private lockedUntil = 0;

  constructor(private readonly now: () => number = Date.now) {}

  state(): LockoutState {
    const remaining = this.lockedUntil - this.now();
    if (remaining > 0) return { locked: true, retryInSeconds: Math.ceil(remaining / 1000) };
    if (this.lockedUntil !== 0) {
      this.lockedUntil = 0; // the lock ran out: a fresh set of attempts
      this.wrong = 0;
    }
    return { locked: false, attemptsLeft: MAX_WRONG_PINS - this.wrong };
  }

  recordWrong(): LockoutState {
    this.state(); // a lock that ran out starts a fresh set of attempts first
    this.wrong += 1;
    if (this.wrong >= MAX_WRONG_PINS) this.lockedUntil = this.now() + LOCKOUT_MS;
    return this.state();
  }

  recordRight(): void {
    this.wrong = 0;
  }
}

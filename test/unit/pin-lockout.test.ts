/** The staff PIN lockout on a fake clock: five wrong PINs lock for five minutes, a right one resets the count. */
import { describe, expect, it } from 'vitest';
import { LOCKOUT_MS, MAX_WRONG_PINS, PinLockout } from '../../electron/core/staff/pin-lockout';

function fakeClock(start = 1_700_000_000_000) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

/** A lockout with `count` wrong PINs already recorded, and its clock. */
function lockoutAfter(count: number) {
  const clock = fakeClock();
  const lockout = new PinLockout(clock.now);
  for (let i = 0; i < count; i += 1) lockout.recordWrong();
  return { clock, lockout };
}

describe('PinLockout', () => {
  it('is five attempts and five minutes', () => {
    expect(MAX_WRONG_PINS).toBe(5);
    expect(LOCKOUT_MS).toBe(300_000);
  });

  it('starts with five attempts and counts them down 4..1; the fifth wrong PIN locks for 300 s', () => {
    const { lockout } = lockoutAfter(0);
    expect(lockout.state()).toEqual({ locked: false, attemptsLeft: 5 });
    expect(lockout.recordWrong()).toEqual({ locked: false, attemptsLeft: 4 });
    expect(lockout.recordWrong()).toEqual({ locked: false, attemptsLeft: 3 });
    expect(lockout.recordWrong()).toEqual({ locked: false, attemptsLeft: 2 });
    expect(lockout.recordWrong()).toEqual({ locked: false, attemptsLeft: 1 });
    expect(lockout.recordWrong()).toEqual({ locked: true, retryInSeconds: 300 });
    expect(lockout.state()).toEqual({ locked: true, retryInSeconds: 300 });
  });

  it('counts the retry time down, rounding up to whole seconds', () => {
    const { clock, lockout } = lockoutAfter(5);
    clock.advance(1);
    expect(lockout.state()).toEqual({ locked: true, retryInSeconds: 300 });
    clock.advance(999);
    expect(lockout.state()).toEqual({ locked: true, retryInSeconds: 299 });
    clock.advance(60_000);
    expect(lockout.state()).toEqual({ locked: true, retryInSeconds: 239 });
    clock.advance(238_500);
    expect(lockout.state()).toEqual({ locked: true, retryInSeconds: 1 });
  });

  it('is still locked at 4:59.999 and open at 5:00 with a full set of attempts', () => {
    const { clock, lockout } = lockoutAfter(5);
    clock.advance(LOCKOUT_MS - 1);
    expect(lockout.state()).toEqual({ locked: true, retryInSeconds: 1 });
    clock.advance(1);
    expect(lockout.state()).toEqual({ locked: false, attemptsLeft: 5 });
    // A fresh set: one wrong PIN after the lock costs one attempt, not the whole lock again.
    expect(lockout.recordWrong()).toEqual({ locked: false, attemptsLeft: 4 });
  });

  it('locks again after five more wrong PINs once the first lock ran out (state() asked first, as StaffService does)', () => {
    const { clock, lockout } = lockoutAfter(5);
    clock.advance(LOCKOUT_MS + 60_000);
    expect(lockout.state()).toEqual({ locked: false, attemptsLeft: 5 });
    expect([1, 2, 3, 4].map(() => lockout.recordWrong())).toEqual([4, 3, 2, 1].map((attemptsLeft) => ({ locked: false, attemptsLeft })));
    expect(lockout.recordWrong()).toEqual({ locked: true, retryInSeconds: 300 });
  });

  // BUG (pin-lockout.ts, recordWrong): the reset after a lock runs out happens only in state().
  // A recordWrong() after the lock expired, with no state() in between, adds to the old count
  // (5 → 6) and locks again for five minutes on a single wrong PIN. StaffService.unlock always
  // calls state() first, so it is latent there. Flip to `it` once fixed.
  it('gives a full set of attempts after the lock even when state() was not asked in between', () => {
    const { clock, lockout } = lockoutAfter(5);
    clock.advance(LOCKOUT_MS + 60_000);
    expect(lockout.recordWrong()).toEqual({ locked: false, attemptsLeft: 4 });
  });

  it('resets the count on a right PIN', () => {
    const { lockout } = lockoutAfter(4);
    expect(lockout.state()).toEqual({ locked: false, attemptsLeft: 1 });
    lockout.recordRight();
    expect(lockout.state()).toEqual({ locked: false, attemptsLeft: 5 });
    for (let i = 0; i < 4; i += 1) lockout.recordWrong();
    expect(lockout.state()).toEqual({ locked: false, attemptsLeft: 1 });
  });

  it('does not forget wrong PINs as time passes without a lock', () => {
    const { clock, lockout } = lockoutAfter(3);
    clock.advance(24 * 60 * 60_000);
    expect(lockout.state()).toEqual({ locked: false, attemptsLeft: 2 });
  });

  it('uses the real clock by default', () => {
    const lockout = new PinLockout();
    for (let i = 0; i < 5; i += 1) lockout.recordWrong();
    expect(lockout.state()).toEqual({ locked: true, retryInSeconds: 300 });
  });
});

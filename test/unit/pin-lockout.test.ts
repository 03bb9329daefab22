/**
 * The staff PIN lockout on a fake clock and a real file: five wrong PINs lock for five minutes,
 * each further one for twice as long up to an hour, a right one resets the count; the count
 * survives a new PinLockout on the same file (a restart); a corrupt or hostile file locks.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCKOUT_FILE, readLockoutFile } from '../../electron/core/staff/lockout-file';
import { LOCKOUT_MS, lockoutMs, MAX_LOCKOUT_MS, MAX_WRONG_PINS, PinLockout, WRONG_AT_LONGEST_LOCK } from '../../electron/core/staff/pin-lockout';

const MINUTE = 60_000;
let dir = '';
let file = '';

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-lockout-'));
  file = path.join(dir, LOCKOUT_FILE);
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function fakeClock(start = 1_700_000_000_000) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

/** Log lines as [level, event, fields]. */
function fakeLog() {
  const lines: Array<[string, string, Record<string, unknown>]> = [];
  const at = (level: string) => (event: string, fields: Record<string, unknown> = {}) => void lines.push([level, event, fields]);
  return { lines, log: { info: at('info'), warn: at('warn'), error: at('error') } };
}

/** One wrong PIN as StaffService records it: counted first, then logged as wrong. */
async function wrong(lockout: PinLockout) {
  const state = await lockout.recordAttempt();
  lockout.logWrong();
  return state;
}

describe('how long a lock lasts', () => {
  it('is five attempts, then 5, 10, 20, 40 minutes, then an hour at most', () => {
    expect(MAX_WRONG_PINS).toBe(5);
    expect(LOCKOUT_MS).toBe(5 * MINUTE);
    expect([0, 4, 5, 6, 7, 8, 9, 10, 50, 10_000].map(lockoutMs)).toEqual([0, 0, 5, 10, 20, 40, 60, 60, 60, 60].map((minutes) => minutes * MINUTE));
    expect(MAX_LOCKOUT_MS).toBe(60 * MINUTE);
    expect(WRONG_AT_LONGEST_LOCK).toBe(9);
  });
});

describe('PinLockout', () => {
  it('counts the attempts down 4..1; the fifth wrong PIN locks for 300 s', async () => {
    const lockout = new PinLockout({ file, now: fakeClock().now });
    expect(await lockout.state()).toEqual({ locked: false, attemptsLeft: 5 });
    for (const attemptsLeft of [4, 3, 2, 1]) expect(await wrong(lockout)).toEqual({ locked: false, attemptsLeft });
    expect(await wrong(lockout)).toEqual({ locked: true, retryInSeconds: 300 });
    expect(await lockout.state()).toEqual({ locked: true, retryInSeconds: 300 });
  });

  it('counts the retry time down, rounding up to whole seconds, and opens at 5:00', async () => {
    const clock = fakeClock();
    const lockout = new PinLockout({ file, now: clock.now });
    for (let i = 0; i < 5; i += 1) await wrong(lockout);
    clock.advance(1000);
    expect(await lockout.state()).toEqual({ locked: true, retryInSeconds: 299 });
    clock.advance(LOCKOUT_MS - 1001);
    expect(await lockout.state()).toEqual({ locked: true, retryInSeconds: 1 });
    clock.advance(1);
    // Open, but with no attempt to spare: the next wrong PIN locks again.
    expect(await lockout.state()).toEqual({ locked: false, attemptsLeft: 0 });
  });

  it('locks for twice as long with each further wrong PIN, up to an hour', async () => {
    const clock = fakeClock();
    const lockout = new PinLockout({ file, now: clock.now });
    for (let i = 0; i < 4; i += 1) await wrong(lockout);
    const locks: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      const state = await wrong(lockout);
      if (!state.locked) throw new Error('expected a lock');
      locks.push(state.retryInSeconds / 60);
      clock.advance(state.retryInSeconds * 1000);
    }
    expect(locks).toEqual([5, 10, 20, 40, 60, 60, 60]);
  });

  it('resets the count on a right PIN: five fresh attempts', async () => {
    const clock = fakeClock();
    const lockout = new PinLockout({ file, now: clock.now });
    for (let i = 0; i < 5; i += 1) await wrong(lockout);
    clock.advance(LOCKOUT_MS);
    await lockout.recordAttempt(); // the right PIN is counted before it is checked …
    await lockout.recordRight(); // … and then resets the count
    expect(await lockout.state()).toEqual({ locked: false, attemptsLeft: 5 });
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ version: 1, wrongInARow: 0, lockedUntil: 0 });
  });

  it('does not forget wrong PINs as time passes without a lock', async () => {
    const clock = fakeClock();
    const lockout = new PinLockout({ file, now: clock.now });
    for (let i = 0; i < 3; i += 1) await wrong(lockout);
    clock.advance(24 * 60 * MINUTE);
    expect(await lockout.state()).toEqual({ locked: false, attemptsLeft: 2 });
  });

  it('an attempt counts, on disk, before its PIN is checked: a power cut during the check still costs it', async () => {
    const clock = fakeClock();
    const lockout = new PinLockout({ file, now: clock.now });
    for (let i = 0; i < 4; i += 1) await wrong(lockout);
    await lockout.recordAttempt(); // the plug is pulled while scrypt runs
    const restarted = new PinLockout({ file, now: clock.now });
    expect(await restarted.state()).toEqual({ locked: true, retryInSeconds: 300 });
  });

  it('logs each wrong PIN and each lock, never the PIN', async () => {
    const { lines, log } = fakeLog();
    const lockout = new PinLockout({ file, log, now: fakeClock().now });
    for (let i = 0; i < 5; i += 1) await wrong(lockout);
    expect(lines.filter(([, event]) => event === 'staff-pin-wrong').map(([, , fields]) => fields)).toEqual([
      { wrongInARow: 1, lockedForSeconds: 0 },
      { wrongInARow: 2, lockedForSeconds: 0 },
      { wrongInARow: 3, lockedForSeconds: 0 },
      { wrongInARow: 4, lockedForSeconds: 0 },
      { wrongInARow: 5, lockedForSeconds: 300 },
    ]);
    expect(lines).toContainEqual(['warn', 'staff-locked', { minutes: 5, wrongInARow: 5 }]);
  });
});

describe('kept in user data', () => {
  it('survives a restart: a new PinLockout on the same file is still locked, and its next wrong PIN locks for 10 minutes', async () => {
    const clock = fakeClock();
    const first = new PinLockout({ file, now: clock.now });
    for (let i = 0; i < 5; i += 1) await wrong(first);
    const restarted = new PinLockout({ file, now: clock.now });
    expect(await restarted.state()).toEqual({ locked: true, retryInSeconds: 300 });
    clock.advance(LOCKOUT_MS);
    expect(await wrong(restarted)).toEqual({ locked: true, retryInSeconds: 600 });
  });

  it('is written atomically, readable by the kiosk’s user only, and holds no PIN', async () => {
    const lockout = new PinLockout({ file, now: fakeClock().now });
    await wrong(lockout);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ version: 1, wrongInARow: 1, lockedUntil: 0 });
    expect(fs.readdirSync(dir)).toEqual([LOCKOUT_FILE]); // no temporary file left behind
  });

  it.each<[string, string | Buffer]>([
    ['not JSON', '{ "version": 1, '],
    ['an empty file', ''],
    ['an array', '[]'],
    ['an unknown version', JSON.stringify({ version: 2, wrongInARow: 0, lockedUntil: 0 })],
    ['a negative count', JSON.stringify({ version: 1, wrongInARow: -5, lockedUntil: 0 })],
    ['a count that is not a whole number', JSON.stringify({ version: 1, wrongInARow: 1.5, lockedUntil: 0 })],
    ['a count as text', JSON.stringify({ version: 1, wrongInARow: '0', lockedUntil: 0 })],
    ['an unknown field', JSON.stringify({ version: 1, wrongInARow: 0, lockedUntil: 0, open: true })],
    ['a __proto__ field', '{"version":1,"wrongInARow":0,"lockedUntil":0,"__proto__":{"locked":false}}'],
    ['a lock far beyond an hour (hand-edited to the year 2100)', JSON.stringify({ version: 1, wrongInARow: 5, lockedUntil: 4_102_444_800_000 })],
    ['a huge file', `{"version":1,"wrongInARow":0,"lockedUntil":0,"pad":"${'x'.repeat(10_000)}"}`],
    ['binary noise', Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x7b])],
  ])('a file with %s fails shut: locked for an hour, logged, and rewritten as a valid lock', async (_label, content) => {
    fs.writeFileSync(file, content);
    const clock = fakeClock();
    const { lines, log } = fakeLog();
    const lockout = new PinLockout({ file, log, now: clock.now });
    expect(await lockout.state()).toEqual({ locked: true, retryInSeconds: 3600 });
    expect(lines).toContainEqual(['error', 'staff-lockout-file-invalid', { file, reason: expect.any(String) }]);
    // Rewritten as what it now means, so a restart does not start the hour again …
    expect(await readLockoutFile(file, clock.now(), MAX_LOCKOUT_MS)).toEqual({ ok: true, record: { wrongInARow: WRONG_AT_LONGEST_LOCK, lockedUntil: clock.now() + MAX_LOCKOUT_MS } });
    // … and once the hour is over, a right PIN opens and resets it.
    clock.advance(MAX_LOCKOUT_MS);
    expect(await lockout.state()).toEqual({ locked: false, attemptsLeft: 0 });
    await lockout.recordRight();
    expect(await lockout.state()).toEqual({ locked: false, attemptsLeft: 5 });
  });

  it('a lockout file that cannot be read (a folder in its place) fails shut too', async () => {
    fs.mkdirSync(file);
    const { lines, log } = fakeLog();
    const lockout = new PinLockout({ file, log, now: fakeClock().now });
    expect(await lockout.state()).toEqual({ locked: true, retryInSeconds: 3600 });
    expect(lines.map(([, event]) => event)).toEqual(expect.arrayContaining(['staff-lockout-file-invalid', 'staff-lockout-unsaved']));
  });

  it('no file is a fresh count (a new kiosk)', async () => {
    expect(await new PinLockout({ file, now: fakeClock().now }).state()).toEqual({ locked: false, attemptsLeft: 5 });
  });

  it('a disk that refuses the write keeps the count in memory, and says so in the log', async () => {
    const { lines, log } = fakeLog();
    const full = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    const lockout = new PinLockout({ file, log, now: fakeClock().now, write: () => Promise.reject(full) });
    for (let i = 0; i < 5; i += 1) await wrong(lockout);
    expect(await lockout.state()).toEqual({ locked: true, retryInSeconds: 300 });
    expect(lines.filter(([, event]) => event === 'staff-lockout-unsaved')).toEqual(Array(5).fill(['error', 'staff-lockout-unsaved', { file, code: 'ENOSPC' }]));
  });
});

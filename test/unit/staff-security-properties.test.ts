/**
 * Property-based tests (fast-check, seeded: a failure replays) of what reads text the kiosk did
 * not write: the lockout file (fails shut on anything that is not exactly a record), the sealed
 * staff secrets and URL origins, and the provisioning file's owner and mode check.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { untrustedReason } from '../../electron/core/config/file-trust';
import { originOf, sealSecret, unsealSecret } from '../../electron/core/config/secret-origins';
import { LOCKOUT_FILE, readLockoutFile } from '../../electron/core/staff/lockout-file';
import { MAX_LOCKOUT_MS, PinLockout } from '../../electron/core/staff/pin-lockout';

const SEED = 20_2020;
const NOW = 1_700_000_000_000;
let dir = '';

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-properties-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Text a lockout file might hold: anything, JSON of anything, and near-records with odd values. */
const lockoutText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.json({ maxDepth: 3 }),
  fc
    .record(
      {
        version: fc.oneof(fc.constant(1), fc.anything()),
        wrongInARow: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null)),
        lockedUntil: fc.oneof(fc.integer({ min: -1e15, max: 1e16 }), fc.double(), fc.constant(NOW + 1), fc.constant(Number.MAX_SAFE_INTEGER)),
        __proto__: fc.anything(),
        extra: fc.anything(),
      },
      { requiredKeys: [] },
    )
    .map((value) => JSON.stringify(value)),
);

describe('the lockout file, whatever it holds', () => {
  it('is read without throwing, as a record within the kiosk’s own bounds or refused with a reason', async () => {
    const file = path.join(dir, 'read.json');
    await fc.assert(
      fc.asyncProperty(lockoutText, async (text) => {
        fs.writeFileSync(file, text);
        const read = await readLockoutFile(file, NOW, MAX_LOCKOUT_MS);
        if (read.ok) {
          expect(Number.isInteger(read.record.wrongInARow) && read.record.wrongInARow >= 0).toBe(true);
          expect(read.record.lockedUntil - NOW).toBeLessThanOrEqual(MAX_LOCKOUT_MS);
          expect(Object.keys(read.record).sort()).toEqual(['lockedUntil', 'wrongInARow']);
        } else {
          expect(read.reason.length).toBeGreaterThan(0);
          if (text.length > 12) expect(read.reason).not.toContain(text); // the content is not echoed
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('never opens staff mode to more attempts than a valid record allows: anything else locks', async () => {
    await fc.assert(
      fc.asyncProperty(lockoutText, async (text) => {
        const file = path.join(fs.mkdtempSync(path.join(dir, 'lock-')), LOCKOUT_FILE);
        fs.writeFileSync(file, text);
        const read = await readLockoutFile(file, NOW, MAX_LOCKOUT_MS);
        const state = await new PinLockout({ file, now: () => NOW }).state();
        if (!read.ok) expect(state).toEqual({ locked: true, retryInSeconds: MAX_LOCKOUT_MS / 1000 });
        else if (read.record.lockedUntil > NOW) expect(state.locked).toBe(true);
        else expect(state).toEqual({ locked: false, attemptsLeft: Math.max(0, 5 - read.record.wrongInARow) });
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});

describe('sealed staff secrets and origins', () => {
  it('a sealed secret unseals to its origin and secret, whatever the secret (no line breaks: the schema refuses them)', () => {
    const origin = fc.webUrl().map((url) => new URL(url).origin);
    const secret = fc.string({ minLength: 1, maxLength: 200 }).filter((text) => !/[\r\n]/.test(text));
    fc.assert(
      fc.property(origin, secret, (o, s) => {
        expect(unsealSecret(sealSecret(o, s))).toEqual({ origin: o, secret: s });
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('a secret saved before origins were kept (any text without a line break) unseals to no origin, never to one it names', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }).filter((text) => !text.includes('\n')), (legacy) => {
        expect(unsealSecret(legacy)).toEqual({ origin: null, secret: legacy });
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('originOf never throws, and gives an http(s) origin or null', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.anything()), (value) => {
        const origin = originOf(value);
        expect(origin === null || /^https?:\/\/[^/]+$/.test(origin)).toBe(true);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('two URLs share an origin exactly when scheme, host and port agree (paths and queries never matter)', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.webUrl(), (first, second) => {
        const same = new URL(first).origin === new URL(second).origin;
        expect(originOf(first) === originOf(second)).toBe(same);
        expect(originOf(`${first.split(/[?#]/)[0]}/more/path`)).toBe(originOf(first));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});

describe('the provisioning file’s owner and mode', () => {
  it('is trusted exactly when file and folder belong to root or the kiosk user and nobody else may write them (a sticky folder excepted)', () => {
    const uid = fc.oneof(fc.constant(0), fc.constant(1000), fc.integer({ min: 1, max: 70_000 }));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0o7777 }), uid, fc.integer({ min: 0, max: 0o7777 }), uid, (fileMode, fileUid, folderMode, folderUid) => {
        const reason = untrustedReason({ mode: 0o100000 | fileMode, uid: fileUid }, { mode: 0o040000 | folderMode, uid: folderUid }, '/etc/x', 1000);
        const owned = (id: number) => id === 0 || id === 1000;
        const trusted = owned(fileUid) && owned(folderUid) && (fileMode & 0o022) === 0 && ((folderMode & 0o022) === 0 || (folderMode & 0o1000) !== 0);
        expect(reason === null).toBe(trusted);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});

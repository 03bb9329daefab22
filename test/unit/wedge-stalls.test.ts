/**
 * A scanner's burst that stalls once is one scan, whole; a person typing never is; and every
 * burst thrown away is reported (length, why, largest gap; never its characters). Replays key
 * sequences recorded in Chromium (scripts/record-wedge-keys.ts: a page busy at a chosen key)
 * and sequences generated here: a 130 ms and a 450 ms stall at every position of a burst, and
 * people typing 60–150 ms a key in any rhythm.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { WedgeDetector, type TimedKey, type VoidedBurst } from '../../electron/core/scan/wedge-detector';
import { seededRandom } from '../helpers/qr-frames';
import { position } from '../helpers/wedge';

const OTP = '123456';
const UUID = '4711fc2a-3a8f-414f-a9e7-44dd5231dca7';
const VIPPS = 'https://qr.vipps.no/28/2/01/031/4712345678?v=1';

function run(keys: TimedKey[]) {
  const onScan = vi.fn<(text: string) => void>();
  const onVoid = vi.fn<(burst: VoidedBurst) => void>();
  const wedge = new WedgeDetector({ maxInterKeyMs: 30, onScan, onVoid });
  keys.forEach((key) => wedge.key(key));
  return { scans: onScan.mock.calls.map(([text]) => text), voids: onVoid.mock.calls.map(([burst]) => burst) };
}

const press = (key: string, code: string, shift: boolean, time: number): TimedKey => ({ key, code, shift, ctrl: false, alt: false, meta: false, time });

/** `text` then Enter, with gap `gaps(i)` before key i (Enter is key text.length). */
function typed(text: string, gaps: (index: number) => number, start = 10_000): TimedKey[] {
  let time = start;
  const keys = [...text].map((char, index) => {
    if (index > 0) time += gaps(index);
    const [code, shift] = position(char);
    return press(char, code, shift, time);
  });
  return [...keys, press('Enter', 'Enter', false, time + gaps(text.length))];
}

/** A USB scanner's rhythm: a key every 2–12 ms, as its reports fall on the host's polls. */
function scannerGaps(seed: number): (index: number) => number {
  const random = seededRandom(seed);
  return () => 2 + Math.floor(random() * 11);
}

describe('recorded in Chromium', () => {
  const dir = path.resolve(import.meta.dirname, '../fixtures/wedge');
  const recordings = readdirSync(dir).map((file) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { what: string; text: string; keys: Array<{ key: string; code: string; shift: boolean; time: number }> });

  it.each(recordings.map((recording) => [recording.what, recording] as const))('%s', (what, recording) => {
    const { scans } = run(recording.keys.map((key) => press(key.key, key.code, key.shift, key.time)));
    expect(scans).toEqual(what.startsWith('a person') ? [] : [recording.text]);
  });
});

describe('generated: one stall anywhere in a burst', () => {
  for (const text of [OTP, UUID, VIPPS]) {
    for (const stall of [130, 450]) {
      it(`${text.length} characters, a ${stall} ms stall before each key in turn (Enter included): one scan, the whole code`, () => {
        for (let at = 1; at <= text.length; at++) {
          const fast = scannerGaps(at);
          const { scans, voids } = run(typed(text, (index) => (index === at ? stall : fast(index))));
          expect({ at, scans, voids }).toEqual({ at, scans: [text], voids: [] });
        }
      });
    }
  }

  it('keys a busy main process lets through in a batch after the stall (0–1 ms apart) are one scan too', () => {
    const { scans } = run(typed(VIPPS, (index) => (index === 20 ? 480 : index > 20 && index < 30 ? index % 2 : 6)));
    expect(scans).toEqual([VIPPS]);
  });

  it('a long burst on a loaded machine may stall again, up to once per two fast gaps: still one scan', () => {
    expect(run(typed(VIPPS, (index) => ([5, 17, 30, 46].includes(index) ? 300 : 4))).scans).toEqual([VIPPS]);
  });

  it('a stall longer than 500 ms, or stalls more often than once per two fast gaps, void the burst, its tail included, and say so', () => {
    expect(run(typed(UUID, (index) => (index === 12 ? 501 : 5)))).toEqual({ scans: [], voids: [{ length: 36, reason: 'stalled too long', largestGapMs: 501 }] });
    // Fast, fast, fast, then a stall at every other key: the third stall is one too many.
    expect(run(typed(UUID, (index) => (index >= 4 && index % 2 === 0 ? 200 : 5)))).toEqual({ scans: [], voids: [{ length: 36, reason: 'stalled too often', largestGapMs: 200 }] });
  });

  it('before a burst has shown itself a scanner\'s (three fast gaps), a second stall voids what follows: its tail is never read', () => {
    // '4', stall, '7', stall: the first two keys are let go as a person's might be; the rest,
    // begun 200 ms after them, would read as a code of its own, and is thrown away and reported.
    const { scans, voids } = run(typed(UUID, (index) => (index === 1 || index === 2 ? 200 : 5)));
    expect(scans).toEqual([]);
    expect(voids).toEqual([{ length: 34, reason: 'no quiet moment before it', largestGapMs: 200 }]);
  });
});

/** Whether a run gave the whole code or nothing (and then said so), never a part of it. */
function wholeOrReported(text: string, result: { scans: string[]; voids: VoidedBurst[] }): boolean {
  return (result.scans.length === 1 && result.scans[0] === text) || (result.scans.length === 0 && result.voids.length > 0);
}

describe('generated: more stalls than a burst survives lose the scan with a report, never read a tail', () => {
  for (const text of [OTP, UUID, VIPPS]) {
    it(`${text.length} characters, two stalls (130 ms, 450 ms) at every pair of positions: the whole code or a report`, () => {
      const failures: string[] = [];
      for (const stall of [130, 450]) {
        for (let first = 1; first <= text.length; first++) {
          for (let second = first + 1; second <= text.length; second++) {
            const fast = scannerGaps(first * 100 + second);
            const result = run(typed(text, (index) => (index === first || index === second ? stall : fast(index))));
            if (!wholeOrReported(text, result)) failures.push(`${stall} ms before keys ${first} and ${second}: ${JSON.stringify(result.scans)}`);
          }
        }
      }
      expect(failures).toEqual([]);
    });

    it(`${text.length} characters, a stall of 0.6, 1.2 or 2.5 s before each key in turn: never a tail, always a report`, () => {
      for (const stall of [600, 1200, 2500]) {
        for (let at = 1; at <= text.length; at++) {
          const fast = scannerGaps(at);
          const result = run(typed(text, (index) => (index === at ? stall : fast(index))));
          expect({ stall, at, scans: result.scans, reported: result.voids.length > 0 }).toEqual({ stall, at, scans: [], reported: true });
        }
      }
    });
  }

  it('a stray key 100–500 ms before a scan that stalls at any of its first keys: never a tail of the code', () => {
    for (const lead of [100, 300, 500]) {
      for (let at = 1; at <= 8; at++) {
        const stray = press('x', 'KeyX', false, 10_000);
        const result = run([stray, ...typed(UUID, (index) => (index === at ? 130 : 5), 10_000 + lead)]);
        // Read with the stray key ("not a loyalty code" on screen), or not read and reported.
        const ok = (result.scans.length === 1 && result.scans[0] === `x${UUID}`) || (result.scans.length === 0 && result.voids.length > 0);
        expect({ lead, at, ok, scans: result.scans }).toEqual({ lead, at, ok: true, scans: result.scans });
      }
    }
  });

  it('a control-character suffix held back with the Enter (200 ms) stays part of the scan', () => {
    const keys = typed(OTP, () => 5);
    const enter = keys.pop()!;
    const etx: TimedKey = { ...press('c', 'KeyC', false, enter.time + 200), ctrl: true };
    expect(run([...keys, etx, { ...enter, time: etx.time + 5 }]).scans).toEqual([`${OTP}\u0003`]);
  });
});

describe('generated: a person typing never scans', () => {
  it('60–150 ms a key in any rhythm, codes of 6 to 47 characters, Enter 60–150 ms after: 2,000 tries, no scan', () => {
    const random = seededRandom(42);
    const scans: string[] = [];
    for (let trial = 0; trial < 2000; trial++) {
      const text = [OTP, UUID, VIPPS][trial % 3]!;
      scans.push(...run(typed(text, () => 60 + Math.floor(random() * 91))).scans);
    }
    expect(scans).toEqual([]);
  });

  it('a person typing the same digits at 90 ms never scans (logged as too slow, as a misconfigured slow scanner would be)', () => {
    expect(run(typed(OTP, () => 90))).toEqual({ scans: [], voids: [{ length: 6, reason: 'too slow', largestGapMs: 90 }] });
  });

  it('keys a person typed just before a scan are never part of it: that scan is not read but reported (it cannot be told from a tail)', () => {
    const person = typed('abc', () => 150, 0).slice(0, 3);
    expect(run([...person, ...typed(OTP, () => 6, person[2]!.time + 100)])).toEqual({ scans: [], voids: [{ length: 6, reason: 'no quiet moment before it', largestGapMs: 100 }] });
  });
});

describe('a thrown-away burst is reported, never its characters', () => {
  it.each<[string, TimedKey[], VoidedBurst['reason']]>([
    ['a scanner too slow for the setting (40 ms a key)', typed(OTP, () => 40), 'too slow'],
    ['a burst without Enter, then a quiet second', [...typed(UUID, () => 5).slice(0, -1), ...typed(OTP, () => 5, 20_000)], 'no terminator'],
    ['a burst with an Alt chord in it', [...typed('123', () => 5).slice(0, -1), { ...press('x', 'KeyX', false, 10_020), alt: true }, ...typed('456', () => 5, 10_025)], 'chord'],
  ])('%s', (_what, keys, reason) => {
    const { voids } = run(keys);
    expect(voids).toHaveLength(1);
    expect(voids[0]?.reason).toBe(reason);
    expect(Object.keys(voids[0] ?? {}).sort()).toEqual(['largestGapMs', 'length', 'reason']);
  });
});

/**
 * Keyboard-wedge input: a scanner's fast burst ending in Enter/Tab is a scan, a person's typing
 * is not; and which keys are kept from the customer UI.
 */
import { describe, expect, it, vi } from 'vitest';
import { JITTER_FACTOR, STALL_MAX_MS, WedgeDetector, type TimedKey, type VoidedBurst } from '../../electron/core/scan/wedge-detector';
import { BURST_TERMINATOR_WINDOW_MS, KeyWithholder, shouldWithholdKey, type KeyLike } from '../../electron/shared/key-policy';

const MAX_INTER_KEY_MS = 30;
const UUID = '4711FC2A-3A8F-414F-A9E7-44DD5231DCA7';

/** One recorded key down, as main's before-input-event or the page's listener reports it. */
type RecordedKey = TimedKey & { code: string; shift: boolean };
type Mods = Partial<Pick<RecordedKey, 'ctrl' | 'alt' | 'meta' | 'shift'>>;

function key(k: string, time: number, mods: Mods = {}): RecordedKey {
  // A scanner types a capital with Shift held, like anyone on a US keyboard.
  return { key: k, code: codeOf(k), ctrl: false, alt: false, meta: false, shift: /^[A-Z]$/.test(k), time, ...mods };
}

function codeOf(k: string): string {
  if (/^[0-9]$/.test(k)) return `Digit${k}`;
  if (/^[a-z]$/i.test(k)) return `Key${k.toUpperCase()}`;
  if (k === '-') return 'Minus';
  if (k === 'Shift') return 'ShiftLeft';
  if (k === 'Control') return 'ControlLeft';
  return k;
}

/** A scanner typing `text` with the given gaps (cycled), starting at `start`; returns keys and the time of the last one. */
function burst(text: string, start: number, gaps: number[] = [5, 9, 15, 7, 12]): { keys: TimedKey[]; end: number } {
  const keys: TimedKey[] = [];
  let time = start;
  [...text].forEach((ch, index) => {
    if (index > 0) time += gaps[(index - 1) % gaps.length] ?? 5;
    keys.push(key(ch, time));
  });
  return { keys, end: time };
}

function detector(minLength = 6) {
  const onScan = vi.fn<(text: string) => void>();
  const onVoid = vi.fn<(burst: VoidedBurst) => void>();
  const wedge = new WedgeDetector({ maxInterKeyMs: MAX_INTER_KEY_MS, minLength, onScan, onVoid });
  const feed = (keys: TimedKey[]) => keys.forEach((k) => wedge.key(k));
  return { onScan, onVoid, feed };
}

describe('WedgeDetector', () => {
  it('reports a scanner burst (keys 5–15 ms apart) ending with Enter exactly once, with its text', () => {
    const { onScan, feed } = detector();
    const { keys, end } = burst('123456', 1000);
    feed([...keys, key('Enter', end + 6)]);
    expect(onScan).toHaveBeenCalledTimes(1);
    expect(onScan).toHaveBeenCalledWith('123456');
  });

  it('accepts Tab as the terminator', () => {
    const { onScan, feed } = detector();
    const { keys, end } = burst('654321', 50);
    feed([...keys, key('Tab', end + 8)]);
    expect(onScan.mock.calls).toEqual([['654321']]);
  });

  it('does not report before the terminator arrives', () => {
    const { onScan, feed } = detector();
    feed(burst('123456', 0).keys);
    expect(onScan).not.toHaveBeenCalled();
  });

  it('ignores a person typing (keys 80 ms apart), even when followed by Enter', () => {
    const { onScan, feed } = detector();
    const { keys, end } = burst('123456', 0, [80]);
    feed([...keys, key('Enter', end + 80)]);
    expect(onScan).not.toHaveBeenCalled();
  });

  it('ignores a person typing fast and pressing Enter at once: only the last key is in the burst', () => {
    const { onScan, feed } = detector();
    const { keys, end } = burst('123456', 0, [80]);
    feed([...keys, key('Enter', end + 10)]);
    expect(onScan).not.toHaveBeenCalled();
  });

  it('reads a burst stalled once for 100 ms (a 6-digit code split 3/3) as one scan: the whole code', () => {
    const { onScan, feed } = detector();
    const head = burst('123', 0);
    const tail = burst('456', head.end + 100);
    feed([...head.keys, ...tail.keys, key('Enter', tail.end + 5)]);
    expect(onScan.mock.calls).toEqual([['123456']]);
  });

  it('reads a UUID stalled once mid-way whole, never its tail', () => {
    const { onScan, feed } = detector();
    const head = burst(UUID.slice(0, 10), 0);
    const tail = burst(UUID.slice(10), head.end + 100);
    feed([...head.keys, ...tail.keys, key('Enter', tail.end + 5)]);
    expect(onScan.mock.calls).toEqual([[UUID]]);
  });

  it('voids a burst that stalls more often than once per two fast gaps (neither the whole text nor its tail), and reads the next scan normally', () => {
    const { onScan, onVoid, feed } = detector();
    const keys = burst(UUID, 0, [5, 5, 5, 200, 5, 200, 5, 200, 5]);
    const next = burst('123456', keys.end + 300);
    feed([...keys.keys, key('Enter', keys.end + 5), ...next.keys, key('Enter', next.end + 5)]);
    expect(onScan.mock.calls).toEqual([['123456']]);
    expect(onVoid.mock.calls).toEqual([[{ length: UUID.length, reason: 'stalled too often', largestGapMs: 200 }]]);
  });

  it('voids a burst that stalls for longer than 500 ms, its tail included', () => {
    const { onScan, onVoid, feed } = detector();
    const head = burst(UUID.slice(0, 10), 0);
    const tail = burst(UUID.slice(10), head.end + 600);
    feed([...head.keys, ...tail.keys, key('Enter', tail.end + 5)]);
    expect(onScan).not.toHaveBeenCalled();
    expect(onVoid.mock.calls).toEqual([[{ length: UUID.length, reason: 'stalled too long', largestGapMs: 600 }]]);
  });

  it('a scan that begins right after a person\'s slow keys cannot be told from a stalled tail: not read, reported; three quiet seconds after them it is read', () => {
    const { onScan, onVoid, feed } = detector();
    const soon = burst('123456', 400);
    feed([key('a', 0), key('b', 150), key('c', 300), ...soon.keys, key('Enter', soon.end + 5)]);
    expect(onScan).not.toHaveBeenCalled();
    expect(onVoid.mock.calls).toEqual([[{ length: 6, reason: 'no quiet moment before it', largestGapMs: 100 }]]);
    const typedAt = soon.end + 2000;
    const later = burst('123456', typedAt + 150 + 3000);
    feed([key('a', typedAt), key('b', typedAt + 150), ...later.keys, key('Enter', later.end + 5)]);
    expect(onScan.mock.calls).toEqual([['123456']]);
  });

  it('a burst cut off without its Enter: keys within 3 s may be its tail and are not read; a scan after that is', () => {
    const { onScan, onVoid, feed } = detector();
    const cut = burst('zzzzzz', 0); // no Enter
    const tail = burst('123456', cut.end + 1500);
    feed([...cut.keys, ...tail.keys, key('Enter', tail.end + 5)]);
    expect(onScan).not.toHaveBeenCalled();
    expect(onVoid.mock.calls.map(([voided]) => voided.reason)).toEqual(['no terminator', 'no quiet moment before it']);
    expect(onVoid.mock.calls[0]![0].largestGapMs).toBe(1500);
    const scan = burst('123456', tail.end + 5 + 3000);
    feed([...scan.keys, key('Enter', scan.end + 5)]);
    expect(onScan.mock.calls).toEqual([['123456']]);
  });

  it('keeps a burst whole across Shift key downs (an upper-case UUID)', () => {
    const { onScan, feed } = detector();
    const keys: TimedKey[] = [];
    let time = 0;
    for (const ch of UUID) {
      if (/[A-Z]/.test(ch)) {
        keys.push(key('Shift', time, { shift: true }));
        time += 3;
        keys.push(key(ch, time, { shift: true }));
      } else keys.push(key(ch, time));
      time += 8;
    }
    feed([...keys, key('Enter', time)]);
    expect(onScan.mock.calls).toEqual([[UUID]]);
  });

  it('keeps a Ctrl+letter inside a burst as its control character, for the parser to judge', () => {
    const { onScan, feed } = detector();
    const head = burst('123', 0);
    const tail = burst('456', head.end + 10);
    feed([...head.keys, key('r', head.end + 5, { ctrl: true }), ...tail.keys, key('Enter', tail.end + 5)]);
    expect(onScan.mock.calls).toEqual([['123\x12456']]); // Ctrl+R is DC2: parseScan refuses it
  });

  it.each([
    ['GS (Ctrl+])', 'BracketRight'],
    ['STX (Ctrl+B)', 'KeyB'],
  ])('a burst opened by a %s prefix: the chord opens nothing, the code after it is read', (_label, code) => {
    const { onScan, feed } = detector();
    const scan = burst('123456', 8);
    feed([key('Control', 0), { ...key('x', 2, { ctrl: true }), code }, ...scan.keys, key('Enter', scan.end + 5)]);
    expect(onScan.mock.calls).toEqual([['123456']]);
  });

  it.each([
    ['CR LF as Enter then Ctrl+J', [key('j', 0, { ctrl: true })]],
    ['Enter twice', [key('Enter', 0)]],
    ['Tab then Enter', [key('Enter', 0)]],
  ])('suffix variant %s: one scan, nothing carried into the next', (_label, after) => {
    const { onScan, feed } = detector();
    const code = burst('123456', 0);
    const next = burst('654321', code.end + 400);
    const trailing = after.map((k, index) => ({ ...k, time: code.end + 8 + index * 3 }));
    feed([...code.keys, key('Enter', code.end + 5), ...trailing, ...next.keys, key('Enter', next.end + 5)]);
    expect(onScan.mock.calls).toEqual([['123456'], ['654321']]);
  });

  it.each([
    ['Alt', { alt: true }],
    ['Meta', { meta: true }],
  ])('discards a burst interrupted by an %s chord', (_label, mods) => {
    const { onScan, feed } = detector();
    const head = burst('123', 0);
    const tail = burst('456', head.end + 10);
    feed([...head.keys, key('x', head.end + 5, mods), ...tail.keys, key('Enter', tail.end + 5)]);
    expect(onScan).not.toHaveBeenCalled();
  });

  it('does not end a burst on Ctrl+Enter', () => {
    const { onScan, feed } = detector();
    const { keys, end } = burst('123456', 0);
    feed([...keys, key('Enter', end + 5, { ctrl: true })]);
    expect(onScan).not.toHaveBeenCalled();
  });

  it('ignores a lone Enter pressed by a person', () => {
    const { onScan, feed } = detector(1);
    feed([key('Enter', 5000)]);
    expect(onScan).not.toHaveBeenCalled();
  });

  it('takes an Enter up to STALL_MAX_MS late as the end of the burst (a stall just before it), and no later', () => {
    const late = detector();
    const { keys, end } = burst('123456', 0);
    late.feed([...keys, key('Enter', end + MAX_INTER_KEY_MS * JITTER_FACTOR + 1)]);
    const second = burst('654321', end + 2000);
    late.feed([...second.keys, key('Enter', second.end + STALL_MAX_MS)]);
    expect(late.onScan.mock.calls).toEqual([['123456'], ['654321']]);
    const tooLate = detector();
    tooLate.feed([...keys, key('Enter', end + STALL_MAX_MS + 1)]);
    expect(tooLate.onScan).not.toHaveBeenCalled();
    expect(tooLate.onVoid.mock.calls).toEqual([[{ length: 6, reason: 'stalled too long', largestGapMs: STALL_MAX_MS + 1 }]]);
  });

  it('tolerates one jittery gap (a busy main process) when the burst is fast on average', () => {
    const { onScan, feed } = detector();
    const { keys, end } = burst('123456', 0, [5, 5, MAX_INTER_KEY_MS * 2, 5, 5]);
    feed([...keys, key('Enter', end + 5)]);
    expect(onScan.mock.calls).toEqual([['123456']]);
  });

  it('refuses a burst whose average gap is above maxInterKeyMs, even without one long gap', () => {
    const { onScan, feed } = detector();
    const slow = MAX_INTER_KEY_MS * 2;
    const { keys, end } = burst('123456', 0, [slow]);
    feed([...keys, key('Enter', end + slow)]);
    expect(onScan).not.toHaveBeenCalled();
  });

  it('reports two bursts back to back as two scans', () => {
    const { onScan, feed } = detector();
    const first = burst('123456', 0);
    const second = burst('654321', first.end + 10);
    feed([...first.keys, key('Enter', first.end + 5), ...second.keys, key('Enter', second.end + 5)]);
    expect(onScan.mock.calls).toEqual([['123456'], ['654321']]);
  });

  it('does not carry keys over from a burst that ended into the next one', () => {
    const { onScan, feed } = detector();
    const first = burst('123456', 0);
    const second = burst('789012', first.end + 10);
    // A second Enter straight after the first must not resend the first code.
    feed([...first.keys, key('Enter', first.end + 5), key('Enter', first.end + 8), ...second.keys, key('Enter', second.end + 5)]);
    expect(onScan.mock.calls).toEqual([['123456'], ['789012']]);
  });

  it('treats bursts shorter than minLength as noise', () => {
    const { onScan, feed } = detector();
    const { keys, end } = burst('12345', 0);
    feed([...keys, key('Enter', end + 5)]);
    expect(onScan).not.toHaveBeenCalled();
  });

  it('reports nothing of a burst longer than maxLength', () => {
    // Regression: the tail of an over-long burst used to be reported as a scan.
    const onScan = vi.fn<(text: string) => void>();
    const wedge = new WedgeDetector({ maxInterKeyMs: MAX_INTER_KEY_MS, minLength: 6, maxLength: 20, onScan });
    const { keys, end } = burst('x'.repeat(21) + '123456', 0, [5]);
    keys.forEach((k) => wedge.key(k));
    wedge.key(key('Enter', end + 5));
    expect(onScan).not.toHaveBeenCalled();
  });
});

describe('KeyWithholder / shouldWithholdKey', () => {
  const plain = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrl: false, alt: false, meta: false, ...mods });

  it.each(['1', 'a', 'Z', '-', ' ', 'é', '٣'])('always withholds the printable key %j', (k) => {
    const withholder = new KeyWithholder();
    expect(withholder.decide(plain(k), 0)).toBe(true);
    expect(withholder.decide(plain(k), 10_000)).toBe(true);
    expect(shouldWithholdKey(plain(k), Infinity)).toBe(true);
  });

  it.each(['Enter', 'Tab'])('withholds %s right after a printable key (the end of a burst)', (terminator) => {
    const withholder = new KeyWithholder();
    withholder.decide(plain('6'), 1000);
    expect(withholder.decide(plain(terminator), 1008)).toBe(true);
  });

  it('withholds Enter up to BURST_TERMINATOR_WINDOW_MS after the last printable key, not after', () => {
    expect(shouldWithholdKey(plain('Enter'), BURST_TERMINATOR_WINDOW_MS)).toBe(true);
    expect(shouldWithholdKey(plain('Enter'), BURST_TERMINATOR_WINDOW_MS + 1)).toBe(false);
  });

  it('lets Enter through 1 s after the last printable key (a keyboard user presses Done)', () => {
    const withholder = new KeyWithholder();
    withholder.decide(plain('6'), 1000);
    expect(withholder.decide(plain('Enter'), 2000)).toBe(false);
  });

  it('lets Enter and Tab through when no printable key came before', () => {
    const withholder = new KeyWithholder();
    expect(withholder.decide(plain('Enter'), 0)).toBe(false);
    expect(withholder.decide(plain('Tab'), 5)).toBe(false);
    expect(shouldWithholdKey(plain('Enter'), Infinity)).toBe(false);
  });

  it('measures from the latest printable key, not the first', () => {
    const withholder = new KeyWithholder();
    withholder.decide(plain('1'), 0);
    withholder.decide(plain('2'), 900);
    expect(withholder.decide(plain('Enter'), 950)).toBe(true);
  });

  it('withholds a chord inside a burst or opening one (a scanner control character never acts as a shortcut), and any other character chord', () => {
    const withholder = new KeyWithholder();
    withholder.decide(plain('1'), 0);
    expect(withholder.decide(plain('r', { ctrl: true }), 5)).toBe(true);
    expect(shouldWithholdKey(plain('r', { ctrl: true }), 5)).toBe(true);
    // A burst's first key: STX as Ctrl+B, GS as Ctrl+], before any printable key.
    expect(new KeyWithholder().decide({ ...plain('b', { ctrl: true }), code: 'KeyB' }, 0)).toBe(true);
    expect(new KeyWithholder().decide({ ...plain(']', { ctrl: true }), code: 'BracketRight' }, 0)).toBe(true);
    expect(shouldWithholdKey(plain('r', { ctrl: true }), BURST_TERMINATOR_WINDOW_MS + 1)).toBe(true);
    expect(shouldWithholdKey(plain('p', { meta: true }), Infinity)).toBe(true);
  });

  it('leaves the staff shortcut (Ctrl+Alt+S by physical key) and plain named keys to the UI', () => {
    expect(shouldWithholdKey({ ...plain('s', { ctrl: true, alt: true }), code: 'KeyS' }, Infinity)).toBe(false);
    expect(shouldWithholdKey({ ...plain('ß', { ctrl: true, alt: true }), code: 'KeyS' }, Infinity)).toBe(false); // AltGr layouts
    expect(shouldWithholdKey(plain('Enter'), Infinity)).toBe(false);
    expect(shouldWithholdKey(plain('Escape'), Infinity)).toBe(false);
  });

  it('does not count a chord as a printable key for the next Enter', () => {
    const withholder = new KeyWithholder();
    withholder.decide(plain('r', { ctrl: true }), 0);
    expect(withholder.decide(plain('Enter'), 10)).toBe(false);
  });

  it.each(['Escape', 'ArrowDown', 'F5', 'Shift', 'Backspace'])('withholds the named key %s inside a burst, and leaves it to the UI otherwise', (k) => {
    const withholder = new KeyWithholder();
    withholder.decide(plain('1'), 0);
    expect(withholder.decide(plain(k), 5)).toBe(true);
    expect(withholder.decide(plain(k), 5 + BURST_TERMINATOR_WINDOW_MS + 1)).toBe(false);
  });

  it.each(['Dead', 'Process', 'Unidentified'])('withholds %s (a dead or composing key) as a typing key', (k) => {
    expect(shouldWithholdKey(plain(k), Infinity)).toBe(true);
  });
});

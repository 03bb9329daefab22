/**
 * The typed-code keypad in main: the rest after wrong typed codes (its arithmetic, on a fake
 * clock), a person's keyboard keys told from a scanner's burst, and the whole path in the core on
 * the sandbox: a typed code is identified as a scanned OTP is, from the scanner `keypad`, its
 * digits in no log line (checked on what the parts hand the logger, before any redaction).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requests } from '../../electron/shared/contract';
import { BridgeRequestError, dispatch } from '../../electron/core/bridge/dispatch';
import { createHandlers } from '../../electron/core/bridge/handlers';
import { BURST_TERMINATOR_WINDOW_MS } from '../../electron/shared/key-policy';
import type { KeypadKey, KeypadView } from '../../electron/shared/keypad-view';
import { KeypadKeys } from '../../electron/core/keypad/keypad-keys';
import { FIRST_REST_MS, MAX_REST_MS, TypedCodeRest, WINDOW_MS } from '../../electron/core/keypad/typed-code-rest';
import { startKioskCore, type KioskCore } from '../../electron/core/kiosk-core';
import type { Logger } from '../../electron/core/log/logger';
import type { TimedKey } from '../../electron/core/scan/wedge-detector';

describe('TypedCodeRest', () => {
  it('rests 30 s after the third wrong code within 10 minutes, doubling each time up to 10 minutes', () => {
    const rest = new TypedCodeRest();
    let now = 1_000_000;
    const three = () => [rest.recordWrong((now += 1000)), rest.recordWrong((now += 1000)), rest.recordWrong((now += 1000))];
    expect(three()).toEqual([0, 0, FIRST_REST_MS]);
    expect(rest.remaining(now)).toBe(30_000);
    expect(rest.remaining(now + 29_999)).toBe(1);
    expect(rest.remaining(now + 30_000)).toBe(0);
    const rests: number[] = [];
    for (let round = 0; round < 6; round++) {
      now += rest.remaining(now) + 60_000; // after the rest, a minute later, three more
      rests.push(three()[2] ?? 0);
    }
    expect(rests).toEqual([60_000, 120_000, 240_000, 480_000, MAX_REST_MS, MAX_REST_MS]);
  });

  it('wrong codes spread over more than 10 minutes never rest it; ten quiet minutes make the next rest the first again', () => {
    const rest = new TypedCodeRest();
    let now = 0;
    for (let i = 0; i < 10; i++) expect(rest.recordWrong((now += WINDOW_MS / 2 + 1))).toBe(0);
    now += WINDOW_MS;
    expect([rest.recordWrong((now += 1000)), rest.recordWrong((now += 1000)), rest.recordWrong((now += 1000))]).toEqual([0, 0, FIRST_REST_MS]);
    for (let i = 0; i < 3; i++) rest.recordWrong((now += rest.remaining(now) + 1000));
    expect(rest.remaining(now)).toBe(60_000); // the second rest
    now += 60_000 + WINDOW_MS; // ten quiet minutes after it ended
    expect([rest.recordWrong((now += 1)), rest.recordWrong((now += 1)), rest.recordWrong(now + 1)]).toEqual([0, 0, FIRST_REST_MS]);
  });
});

/** A key as main gets it, `time` ms on the page's clock. */
function key(keyName: string, time: number): TimedKey {
  const code = /^[0-9]$/.test(keyName) ? `Digit${keyName}` : /^[a-z]$/.test(keyName) ? `Key${keyName.toUpperCase()}` : keyName;
  return { key: keyName, code, shift: false, ctrl: false, alt: false, meta: false, time };
}

function keypadKeys() {
  vi.useFakeTimers();
  const handed: KeypadKey[][] = [];
  const keys = new KeypadKeys({ maxInterKeyMs: () => 30, onKeys: (typed) => handed.push(typed) });
  keys.setOpen(true);
  /** Keys at the given times, with real (fake) time passing between them, as they arrive. */
  const type = (presses: Array<[string, number]>) => {
    let clock = 0;
    for (const [name, at] of presses) {
      vi.advanceTimersByTime(at - clock);
      clock = at;
      keys.key(key(name, at));
    }
    vi.advanceTimersByTime(BURST_TERMINATOR_WINDOW_MS + 1);
  };
  return { keys, handed, type };
}

describe('KeypadKeys: a person typing for the keypad, told from a scanner', () => {
  afterEach(() => vi.useRealTimers());

  it('a person at 120 ms a key: every digit handed over, each as the next comes or soon after the last', () => {
    const { handed, type } = keypadKeys();
    type([...'123456'].map((digit, index) => [digit, 1000 + index * 120] as [string, number]));
    expect(handed.flat()).toEqual([...'123456']);
    expect(handed.every((batch) => batch.length === 1)).toBe(true);
  });

  it("a fast typist's rollover (two keys 20 ms apart), Backspace and Enter close behind a digit: handed over in order", () => {
    const { handed, type } = keypadKeys();
    type([
      ['1', 1000],
      ['2', 1020],
      ['3', 1200],
      ['Backspace', 1260], // within 150 ms of a digit: the page never saw it
      ['4', 1500],
      ['5', 1700],
      ['6', 1900],
      ['7', 2100],
      ['Enter', 2180],
    ]);
    expect(handed.flat()).toEqual(['1', '2', '3', 'Backspace', '4', '5', '6', '7', 'Enter']);
  });

  it('a scanner burst (4 ms a key, then Enter) is never handed over: it is a scan', () => {
    const { handed, type } = keypadKeys();
    type([...[...'654321'].map((digit, index) => [digit, 5000 + index * 4] as [string, number]), ['Enter', 5024]]);
    expect(handed).toEqual([]);
  });

  it('keys the page saw itself (a Backspace long after a digit) are not handed over twice; letters are nothing to the keypad', () => {
    const { handed, type } = keypadKeys();
    type([
      ['1', 1000],
      ['Backspace', 1400],
      ['a', 1600],
      ['2', 1800],
    ]);
    expect(handed.flat()).toEqual(['1', '2']);
  });

  it('nothing while the keypad is closed, and a run under way is dropped when it closes', () => {
    const { keys, handed, type } = keypadKeys();
    keys.setOpen(false);
    type([['1', 1000]]);
    keys.setOpen(true);
    keys.key(key('2', 2000));
    keys.setOpen(false);
    vi.advanceTimersByTime(1000);
    expect(handed).toEqual([]);
  });
});

describe('KeypadKeys, for any keys (fast-check, seeded)', () => {
  afterEach(() => vi.useRealTimers());
  const digits = fc.array(fc.constantFrom(...'0123456789'), { minLength: 1, maxLength: 12 });

  it("a person's digits, whatever their pace above a scanner's fast gap, all reach the keypad in order", () => {
    fc.assert(
      fc.property(digits, fc.array(fc.integer({ min: 95, max: 3000 }), { minLength: 12, maxLength: 12 }), (typed, gaps) => {
        const { handed, type } = keypadKeys();
        let at = 1000;
        type(typed.map((digit, index) => [digit, (at += gaps[index] ?? 100)] as [string, number]));
        vi.useRealTimers();
        return handed.flat().join('') === typed.join('');
      }),
      { seed: 22, numRuns: 200 },
    );
  });

  it("a scanner's burst (any code, 1 to 20 ms a key, then Enter) never does, even right after a person's digits", () => {
    const code = fc.array(fc.constantFrom(...'0123456789abcdef-:/.'), { minLength: 6, maxLength: 48 });
    fc.assert(
      fc.property(digits, code, fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 49, maxLength: 49 }), fc.integer({ min: 200, max: 5000 }), (typed, burst, gaps, pause) => {
        const { handed, type } = keypadKeys();
        let at = 1000;
        const person = typed.map((digit) => [digit, (at += 150)] as [string, number]);
        at += pause;
        const scanner = [...burst, 'Enter'].map((char, index) => [char, (at += gaps[index] ?? 4)] as [string, number]);
        type([...person, ...scanner]);
        vi.useRealTimers();
        return handed.flat().join('') === typed.join('');
      }),
      { seed: 22, numRuns: 200 },
    );
  });
});

describe('the keypad over the contract', () => {
  it('a code is 6 ASCII digits, from the customer page only: anything else is refused before main acts', async () => {
    const submitted: string[] = [];
    const handlers = createHandlers({ keypad: { submit: (code: string) => (submitted.push(code), { ok: true }) } } as never);
    for (const bad of ['12345', '1234567', '12345a', '١٢٣٤٥٦', ' 123456', '123456\n', 123456, null, undefined]) {
      await expect(dispatch(handlers, 'web', 'ui', requests.keypadSubmit.channel, bad)).rejects.toBeInstanceOf(BridgeRequestError);
    }
    await expect(dispatch(handlers, 'electron', 'capture', requests.keypadSubmit.channel, '123456')).rejects.toThrow(/Unknown channel/);
    expect(submitted).toEqual([]);
    expect(await dispatch(handlers, 'electron', 'ui', requests.keypadSubmit.channel, '123456')).toEqual({ ok: true });
    expect(submitted).toEqual(['123456']);
  });
});

describe('the keypad in the core, on the sandbox', () => {
  let core: KioskCore | null = null;
  let dir = '';
  afterEach(async () => {
    vi.useRealTimers();
    await core?.stop();
    core = null;
    rmSync(dir, { recursive: true, force: true });
  });

  /** A logger that keeps what the parts hand it, before any redaction. */
  function rawLogger(lines: string[]): Logger {
    const write = (level: string) => (event: string, fields: Record<string, unknown> = {}) => void lines.push(JSON.stringify({ level, event, ...fields }));
    return { info: write('info'), warn: write('warn'), error: write('error') };
  }

  async function start(config: unknown = {}) {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-keypad-'));
    const file = path.join(dir, 'config.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, JSON.stringify(config));
    const lines: string[] = [];
    core = await startKioskCore({ userDataDir: dir, env: { KIOSK_CONFIG: file }, logger: rawLogger(lines) });
    const views: KeypadView[] = [];
    core.keypad.onView((view) => views.push(view));
    return { core, lines, views };
  }

  const settled = async (kiosk: KioskCore) => {
    await vi.waitFor(() => expect(['identifying', 'ready']).not.toContain(kiosk.session.view().screen), { timeout: 8000 });
    return kiosk.session.view();
  };

  it('a typed code is identified as a scanned one, from the scanner keypad, and its digits are in no log line', async () => {
    const { core: kiosk, lines } = await start();
    expect(kiosk.keypad.view()).toEqual({ enabled: true, open: false, restSeconds: null, idleSeconds: 15 });
    expect(kiosk.keypad.submit('123456')).toEqual({ ok: false, reason: 'closed' }); // not open: nothing typed
    expect(kiosk.keypad.open()).toMatchObject({ open: true });
    expect(kiosk.isIdle()).toBe(false); // someone is typing
    expect(kiosk.keypad.submit('123456')).toEqual({ ok: true });
    expect(kiosk.keypad.view().open).toBe(false);
    expect(await settled(kiosk)).toMatchObject({ screen: 'member', member: { firstName: 'Farhan' } });
    const session = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.event === 'session');
    expect(session.at(-1)).toMatchObject({ scanner: 'keypad', type: 'identified', scanKind: 'otp', outcome: 'member' });
    expect(lines.join('\n')).not.toContain('123456');
  });

  it('three wrong typed codes rest the keypad for 30 s (logged, told to the page), while a scan still identifies', async () => {
    const { core: kiosk, lines, views } = await start();
    for (const code of ['918273', '918274', '918275']) {
      kiosk.session.done();
      kiosk.keypad.open();
      expect(kiosk.keypad.submit(code)).toEqual({ ok: true });
      expect(await settled(kiosk)).toMatchObject({ screen: 'codeProblem', reason: 'notFound' });
    }
    expect(kiosk.keypad.view().restSeconds).toBe(30);
    expect(views.at(-1)).toMatchObject({ restSeconds: 30 });
    expect(lines.filter((line) => line.includes('keypad-resting'))).toEqual([expect.stringContaining('"seconds":30')]);
    kiosk.session.done();
    expect(kiosk.keypad.open()).toMatchObject({ open: true, restSeconds: 30 }); // it opens, to say so
    expect(kiosk.keypad.submit('123456')).toEqual({ ok: false, reason: 'resting' });
    kiosk.scan('234567');
    expect(await settled(kiosk)).toMatchObject({ screen: 'member', member: { firstName: 'Ingrid' } });
    expect(lines.join('\n')).not.toMatch(/91827[345]/);
  });

  it('a scan while the keypad is open wins and closes it; a keypad turned off in the config is closed and refuses codes', async () => {
    const { core: kiosk, views } = await start({ scanners: { keypad: { enabled: true } } });
    kiosk.keypad.open();
    kiosk.scan('234567');
    expect(kiosk.keypad.view().open).toBe(false);
    expect(await settled(kiosk)).toMatchObject({ screen: 'member' });
    expect(views.map((view) => view.open)).toEqual([true, false]);
    await kiosk.stop();
    core = null;
    rmSync(dir, { recursive: true, force: true });
    const off = await start({ scanners: { keypad: { enabled: false } } });
    expect(off.core.keypad.view()).toMatchObject({ enabled: false, open: false });
    expect(off.core.keypad.open()).toMatchObject({ open: false });
    expect(off.core.keypad.submit('123456')).toEqual({ ok: false, reason: 'off' });
    expect(off.core.session.view()).toEqual({ screen: 'ready' });
  });

  it("a person's keys reach the keypad and are no lost scan; a scan a second after them is read whole, not taken for a tail", async () => {
    const { core: kiosk, lines } = await start();
    const typed: KeypadKey[] = [];
    kiosk.keypad.onKeys((keys) => typed.push(...keys));
    kiosk.keypad.open();
    let at = 10_000;
    // Two digits and an Enter close behind the last (the page saw none of them).
    for (const digit of '23') kiosk.keyInput(key(digit, (at += 130)));
    kiosk.keyInput(key('Enter', (at += 60)));
    expect(typed).toEqual(['2', '3', 'Enter']);
    // One more digit, and no Enter: keys left without one, which the wedge detector would take
    // for the head of a scan whose tail may follow.
    kiosk.keyInput(key('4', (at += 700)));
    await vi.waitFor(() => expect(typed).toEqual(['2', '3', 'Enter', '4']));
    expect(lines.filter((line) => line.includes('scan-voided'))).toEqual([]);
    // A scanner's burst 1.5 s later: within the 3 s a cut-off scan's tail may come, read all the same.
    at += 1500;
    for (const char of '234567') kiosk.keyInput(key(char, (at += 4)));
    kiosk.keyInput(key('Enter', at + 4));
    expect(await settled(kiosk)).toMatchObject({ screen: 'member', member: { firstName: 'Ingrid' } });
    expect(typed).toEqual(['2', '3', 'Enter', '4']);
    expect(lines.filter((line) => line.includes('scan-voided'))).toEqual([]);
  });
});

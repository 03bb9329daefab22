/** The session state machine: screens, countdown, deadline, dropped late answers, duplicates, config problems. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IdentifiedMember, IdentifyOutcome } from '../../electron/core/identify/identify-outcome';
import type { ParsedScan } from '../../electron/core/scan/parse-scan';
import { SessionMachine, type SessionEvent, type SessionSettings } from '../../electron/core/session/session-machine';
import type { SessionView } from '../../electron/shared/session-view';

const SETTINGS: SessionSettings = {
  idleResetSeconds: 5,
  deadlineMs: () => 3000,
  duplicateWindowMs: 3000,
  catalog: new Map([['PLU-1', 'Whopper Jr.']]),
};
/** A result's countdown as the page gets it: its full time, and the result's number. */
const COUNTED = { resetFullSeconds: 5, result: expect.any(Number) as number };

const FARHAN: IdentifiedMember = {
  loyaltyId: '4711fc2a-3a8f-414f-a9e7-44dd5231dca7',
  name: 'Farhan Ahmed',
  points: { amount: 14464, currency: 'points' },
  order: [
    { productId: 'PLU-1', quantity: 1, productType: 'REWARD' },
    { productId: 'PLU-2', quantity: 2, productType: 'OFFER' },
    { productId: 'PLU-3', quantity: 0, productType: 'REWARD' },
    { productId: 'PLU-4', quantity: 1, productType: null },
  ],
  transactionId: 'f4190848-169d-4c69-9f53-f916318c432b',
};

const MEMBER: IdentifyOutcome = { kind: 'member', member: FARHAN };

interface Call {
  scan: ParsedScan;
  signal: AbortSignal;
  resolve(outcome: IdentifyOutcome): void;
  reject(error: unknown): void;
}

/** A fake back end whose answers the test gives by hand. */
function harness(settings: SessionSettings = SETTINGS) {
  const calls: Call[] = [];
  const views: SessionView[] = [];
  const events: SessionEvent[] = [];
  const identify = vi.fn((scan: ParsedScan, signal: AbortSignal) =>
    new Promise<IdentifyOutcome>((resolve, reject) => {
      calls.push({ scan, signal, resolve, reject });
    }),
  );
  const machine = new SessionMachine({
    identify,
    settings: () => settings,
    now: () => Date.now(),
    onOutcome: (event) => events.push(event),
  });
  machine.subscribe((view) => views.push(view));
  const call = (index: number): Call => {
    const found = calls[index];
    if (!found) throw new Error(`identify was called ${calls.length} time(s), not ${index + 1}`);
    return found;
  };
  return { machine, identify, calls, call, views, events };
}

/** Lets promise callbacks run without moving the clock. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('SessionMachine', () => {
  it("a customer's Done that meets a new scan being identified leaves the scan alone; staff's reset does not", async () => {
    const { machine, call } = harness();
    machine.scan('123456');
    call(0).resolve(MEMBER);
    await settle();
    expect(machine.view().screen).toBe('member');
    machine.scan('234567'); // the next customer scans while the last result is up ...
    machine.customerDone(); // ... and the scanner's Enter, held back, pressed that result's Done
    expect(machine.view().screen).toBe('identifying');
    expect(call(1).signal.aborted).toBe(false);
    call(1).resolve(MEMBER);
    await settle();
    expect(machine.view().screen).toBe('member');
    machine.customerDone();
    expect(machine.view()).toEqual({ screen: 'ready' });
    machine.scan('345678');
    machine.done(); // staff mode closed, or the screen restarted: always back to ready
    expect(machine.view()).toEqual({ screen: 'ready' });
    expect(call(2).signal.aborted).toBe(true);
  });

  it('starts ready', () => {
    const { machine } = harness();
    expect(machine.view()).toEqual({ screen: 'ready' });
  });

  it('goes ready → identifying → member, showing first name, points and named items', async () => {
    const { machine, identify, call } = harness();
    machine.scan('123456');
    expect(machine.view()).toEqual({ screen: 'identifying' });
    expect(identify).toHaveBeenCalledTimes(1);
    expect(call(0).scan).toEqual({ kind: 'otp', identifier: '123456' });
    expect(call(0).signal.aborted).toBe(false);

    call(0).resolve(MEMBER);
    await settle();
    expect(machine.view()).toEqual({
      screen: 'member',
      member: {
        firstName: 'Farhan',
        points: { amount: 14464, currency: 'points' },
        items: [
          { name: 'Whopper Jr.', named: true, quantity: 1, kind: 'reward' },
          { name: 'PLU-2', named: false, quantity: 2, kind: 'offer' },
          { name: 'PLU-4', named: false, quantity: 1, kind: 'other' },
        ],
      },
      resetInSeconds: 5,
      ...COUNTED,
    });
    expect(JSON.stringify(machine.view())).not.toContain('Ahmed');
  });

  it('passes a loyalty ID (lower-cased) to identify', () => {
    const { machine, call } = harness();
    machine.scan('\x1d4711FC2A-3A8F-414F-A9E7-44DD5231DCA7\r\n');
    expect(call(0).scan).toEqual({ kind: 'loyaltyId', identifier: '4711fc2a-3a8f-414f-a9e7-44dd5231dca7' });
  });

  it('counts down once a second (5, 4, 3, 2, 1) and then goes back to ready', async () => {
    const { machine, call, views } = harness();
    machine.scan('123456');
    call(0).resolve(MEMBER);
    await settle();
    const countdown = () => views.flatMap((v) => (v.screen === 'member' ? [v.resetInSeconds] : []));
    expect(countdown()).toEqual([5]);

    await vi.advanceTimersByTimeAsync(999);
    expect(countdown()).toEqual([5]);
    await vi.advanceTimersByTimeAsync(1);
    expect(countdown()).toEqual([5, 4]);
    await vi.advanceTimersByTimeAsync(3000);
    expect(countdown()).toEqual([5, 4, 3, 2, 1]);
    expect(machine.view().screen).toBe('member');

    await vi.advanceTimersByTimeAsync(1000);
    expect(machine.view()).toEqual({ screen: 'ready' });
    expect(views.map((v) => v.screen)).toEqual(['identifying', 'member', 'member', 'member', 'member', 'member', 'ready']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('resets at once when the customer presses Done, and the countdown stops', async () => {
    const { machine, call, views } = harness();
    machine.scan('123456');
    call(0).resolve(MEMBER);
    await settle();
    await vi.advanceTimersByTimeAsync(1000);

    machine.done();
    expect(machine.view()).toEqual({ screen: 'ready' });
    const count = views.length;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(views).toHaveLength(count);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('wipes the member from every view after the reset', async () => {
    const { machine, call, views } = harness();
    machine.scan('123456');
    call(0).resolve(MEMBER);
    await settle();
    expect(JSON.stringify(machine.view())).toContain('Farhan');

    machine.done();
    const firstAfterReset = views.length - 1;
    expect(machine.view()).toStrictEqual({ screen: 'ready' });
    expect(Object.keys(machine.view())).toEqual(['screen']);

    machine.scan('hello'); // something else happens later
    await vi.advanceTimersByTimeAsync(10_000);
    for (const view of views.slice(firstAfterReset)) {
      expect(JSON.stringify(view)).not.toContain('Farhan');
      expect(JSON.stringify(view)).not.toContain('14464');
      expect(JSON.stringify(view)).not.toContain('Whopper');
    }
  });

  it('gives up at the deadline: serviceProblem timeout, and the request is aborted', async () => {
    const { machine, call, events } = harness();
    machine.scan('123456');
    const { signal } = call(0);

    await vi.advanceTimersByTimeAsync(2999);
    expect(machine.view()).toEqual({ screen: 'identifying' });
    expect(signal.aborted).toBe(false);

    await vi.advanceTimersByTimeAsync(1);
    expect(machine.view()).toEqual({ screen: 'serviceProblem', reason: 'timeout', resetInSeconds: 5, ...COUNTED });
    expect(signal.aborted).toBe(true);
    expect(events).toEqual([{ scanner: 'keyboard', type: 'deadline', scanKind: 'otp', ms: 3000 }]);
  });

  it('drops an answer that comes after the deadline', async () => {
    const { machine, call, views } = harness();
    machine.scan('123456');
    await vi.advanceTimersByTimeAsync(3000);
    expect(machine.view().screen).toBe('serviceProblem');

    call(0).resolve(MEMBER);
    await settle();
    expect(machine.view()).toEqual({ screen: 'serviceProblem', reason: 'timeout', resetInSeconds: 5, ...COUNTED });
    expect(views.some((v) => v.screen === 'member')).toBe(false);
    expect(JSON.stringify(views)).not.toContain('Farhan');
  });

  it('drops an answer that comes after the session went back to ready', async () => {
    const { machine, call } = harness();
    machine.scan('123456');
    await vi.advanceTimersByTimeAsync(3000 + 5000);
    expect(machine.view()).toEqual({ screen: 'ready' });
    call(0).resolve(MEMBER);
    await settle();
    expect(machine.view()).toEqual({ screen: 'ready' });
  });

  it('a new scan while identifying aborts the first request and drops its late answer', async () => {
    const { machine, identify, call, views } = harness();
    machine.scan('123456');
    machine.scan('654321');
    expect(identify).toHaveBeenCalledTimes(2);
    expect(call(0).signal.aborted).toBe(true);
    expect(call(1).signal.aborted).toBe(false);
    expect(call(1).scan).toEqual({ kind: 'otp', identifier: '654321' });
    expect(machine.view()).toEqual({ screen: 'identifying' });

    call(0).resolve(MEMBER);
    await settle();
    expect(machine.view()).toEqual({ screen: 'identifying' });
    expect(views.some((v) => v.screen === 'member')).toBe(false);

    call(1).resolve({ kind: 'notFound' });
    await settle();
    expect(machine.view()).toEqual({ screen: 'codeProblem', reason: 'notFound', resetInSeconds: 5, ...COUNTED });
  });

  it('the first request\'s deadline does not fire on the second identification', async () => {
    const { machine, call } = harness();
    machine.scan('123456');
    await vi.advanceTimersByTimeAsync(2000);
    machine.scan('654321');
    await vi.advanceTimersByTimeAsync(1500); // the first deadline would have been at 3000
    expect(machine.view()).toEqual({ screen: 'identifying' });
    expect(call(1).signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1500);
    expect(machine.view()).toEqual({ screen: 'serviceProblem', reason: 'timeout', resetInSeconds: 5, ...COUNTED });
  });

  it('a rejected (aborted) first request does not disturb the second', async () => {
    const { machine, call } = harness();
    machine.scan('123456');
    machine.scan('654321');
    call(0).reject(call(0).signal.reason);
    await settle();
    expect(machine.view()).toEqual({ screen: 'identifying' });
  });

  it('ignores the same text scanned again within the duplicate window', async () => {
    const { machine, identify } = harness();
    machine.scan('123456');
    await vi.advanceTimersByTimeAsync(1000);
    machine.scan('123456');
    await vi.advanceTimersByTimeAsync(1000);
    machine.scan('123456');
    expect(identify).toHaveBeenCalledTimes(1);
  });

  it('identifies the same text again once it has not been seen for the duplicate window', async () => {
    const { machine, identify, call } = harness();
    machine.scan('123456');
    call(0).resolve({ kind: 'notFound' });
    await settle();
    await vi.advanceTimersByTimeAsync(3001);
    machine.scan('123456');
    expect(identify).toHaveBeenCalledTimes(2);
    expect(machine.view()).toEqual({ screen: 'identifying' });
  });

  it('keeps ignoring a code that stays in front of the camera (each sighting renews the window)', async () => {
    const { machine, identify } = harness();
    for (let t = 0; t < 10; t++) {
      machine.scan('123456');
      await vi.advanceTimersByTimeAsync(2000);
    }
    expect(identify).toHaveBeenCalledTimes(1);
  });

  it('does not treat a different code as a duplicate', () => {
    const { machine, identify } = harness();
    machine.scan('123456');
    machine.scan('654321');
    machine.scan('123456');
    expect(identify).toHaveBeenCalledTimes(3);
  });

  it('shows codeProblem notLoyaltyCode for an invalid payload and never calls identify', async () => {
    const { machine, identify, events } = harness();
    machine.scan('https://example.com/hello');
    expect(machine.view()).toEqual({ screen: 'codeProblem', reason: 'notLoyaltyCode', resetInSeconds: 5, ...COUNTED });
    expect(identify).not.toHaveBeenCalled();
    expect(events).toEqual([{ scanner: 'keyboard', type: 'rejected', reason: 'unknownFormat' }]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(machine.view()).toEqual({ screen: 'ready' });
  });

  it('an invalid payload while identifying abandons the identification', async () => {
    const { machine, call } = harness();
    machine.scan('123456');
    machine.scan('\u0000bad');
    expect(call(0).signal.aborted).toBe(true);
    call(0).resolve(MEMBER);
    await settle();
    expect(machine.view()).toEqual({ screen: 'codeProblem', reason: 'notLoyaltyCode', resetInSeconds: 5, ...COUNTED });
  });

  it.each<[string, IdentifyOutcome, SessionView]>([
    ['notFound for an OTP', { kind: 'notFound' }, { screen: 'codeProblem', reason: 'notFound', resetInSeconds: 5, ...COUNTED }],
    ['already used', { kind: 'codeProblem', reason: 'alreadyUsed' }, { screen: 'codeProblem', reason: 'alreadyUsed', resetInSeconds: 5, ...COUNTED }],
    [
      'credentials refused',
      { kind: 'credentialsRefused', status: 401 },
      { screen: 'needsStaff', reason: 'credentials', detail: null, resetInSeconds: 5, ...COUNTED },
    ],
    [
      'server error',
      { kind: 'serviceProblem', reason: 'serverError', detail: 'HTTP 500' },
      { screen: 'serviceProblem', reason: 'serverError', resetInSeconds: 5, ...COUNTED },
    ],
  ])('maps %s to its screen', async (_label, outcome, expected) => {
    const { machine, call, events } = harness();
    machine.scan('123456');
    call(0).resolve(outcome);
    await settle();
    expect(machine.view()).toEqual(expected);
    expect(events).toEqual([{ scanner: 'keyboard', type: 'identified', scanKind: 'otp', outcome: outcome.kind, ...(outcome.kind === 'serviceProblem' ? { problem: outcome.reason } : {}), ms: 0 }]);
  });

  it('maps notFound for a loyalty ID to codeProblem notFound', async () => {
    const { machine, call } = harness();
    machine.scan('4711fc2a-3a8f-414f-a9e7-44dd5231dca7');
    call(0).resolve({ kind: 'notFound' });
    await settle();
    expect(machine.view()).toEqual({ screen: 'codeProblem', reason: 'notFound', resetInSeconds: 5, ...COUNTED });
  });

  it('shows serviceProblem badAnswer when identify rejects on its own', async () => {
    const { machine, call } = harness();
    machine.scan('123456');
    call(0).reject(new Error('bug in the client'));
    await settle();
    expect(machine.view()).toEqual({ screen: 'serviceProblem', reason: 'badAnswer', resetInSeconds: 5, ...COUNTED });
  });

  describe('with a configuration problem', () => {
    it('shows needsStaff config with no countdown, ignores scans and Done', async () => {
      const { machine, identify } = harness();
      machine.setConfigProblem('x');
      const needsStaff = { screen: 'needsStaff', reason: 'config', detail: 'x', fields: [], resetInSeconds: null };
      expect(machine.view()).toEqual(needsStaff);

      machine.scan('123456');
      machine.scan('654321');
      expect(identify).not.toHaveBeenCalled();
      expect(machine.view()).toEqual(needsStaff);

      machine.done();
      expect(machine.view()).toEqual(needsStaff);

      await vi.advanceTimersByTimeAsync(60_000);
      expect(machine.view()).toEqual(needsStaff);
    });

    it('abandons an identification in flight', async () => {
      const { machine, call } = harness();
      machine.scan('123456');
      machine.setConfigProblem('x');
      expect(call(0).signal.aborted).toBe(true);
      call(0).resolve(MEMBER);
      await settle();
      expect(machine.view()).toEqual({ screen: 'needsStaff', reason: 'config', detail: 'x', fields: [], resetInSeconds: null });
    });

    it('goes back to ready once the problem is fixed, and identifies again', () => {
      const { machine, identify } = harness();
      machine.setConfigProblem('x');
      machine.setConfigProblem(null);
      expect(machine.view()).toEqual({ screen: 'ready' });
      machine.scan('123456');
      expect(identify).toHaveBeenCalledTimes(1);
      expect(machine.view()).toEqual({ screen: 'identifying' });
    });

    it('setConfigProblem(null) while valid changes nothing', async () => {
      const { machine, call, views } = harness();
      machine.scan('123456');
      call(0).resolve(MEMBER);
      await settle();
      const count = views.length;
      machine.setConfigProblem(null);
      expect(views).toHaveLength(count);
      expect(machine.view().screen).toBe('member');
    });
  });

  it('publishes every view to subscribers, and stops after unsubscribe', async () => {
    const { machine, call } = harness();
    const seen: SessionView[] = [];
    const unsubscribe = machine.subscribe((view) => seen.push(view));
    machine.scan('123456');
    call(0).resolve({ kind: 'notFound' });
    await settle();
    expect(seen).toEqual([{ screen: 'identifying' }, { screen: 'codeProblem', reason: 'notFound', resetInSeconds: 5, ...COUNTED }]);
    unsubscribe();
    machine.done();
    expect(seen).toHaveLength(2);
    expect(machine.view()).toEqual({ screen: 'ready' });
  });

  it('dispose stops every timer and aborts the request in flight', async () => {
    const { machine, call, views } = harness();
    machine.scan('123456');
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    machine.dispose();
    expect(vi.getTimerCount()).toBe(0);
    expect(call(0).signal.aborted).toBe(true);
    const count = views.length;
    await vi.advanceTimersByTimeAsync(20_000);
    expect(views).toHaveLength(count);
  });

  it('dispose stops a countdown', async () => {
    const { machine, call, views } = harness();
    machine.scan('123456');
    call(0).resolve(MEMBER);
    await settle();
    machine.dispose();
    expect(vi.getTimerCount()).toBe(0);
    const count = views.length;
    await vi.advanceTimersByTimeAsync(20_000);
    expect(views).toHaveLength(count);
  });
});

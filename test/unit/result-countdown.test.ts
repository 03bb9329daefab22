/**
 * A result screen's countdown, owned by main: a touch gives it its full time again, rate-limited
 * and capped so a stuck finger cannot keep a customer's data on screen; the till's delivery
 * brings the member screen's end nearer; notMember stays twice as long.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IdentifyOutcome } from '../../electron/core/identify/identify-outcome';
import { MAX_TOTAL_FACTOR } from '../../electron/core/session/result-countdown';
import { SessionMachine } from '../../electron/core/session/session-machine';
import type { SessionView } from '../../electron/shared/session-view';

const MEMBER: IdentifyOutcome = { kind: 'member', member: { loyaltyId: 'u-1', name: 'Farhan Ahmed', points: { amount: 14464, currency: 'points' }, order: [], transactionId: 't-1' } };
const FULL = 10;

function harness(outcome: IdentifyOutcome = MEMBER) {
  const views: SessionView[] = [];
  const machine = new SessionMachine({
    identify: () => Promise.resolve(outcome),
    settings: () => ({ idleResetSeconds: FULL, deadlineMs: () => 3000, duplicateWindowMs: 3000, catalog: new Map() }),
    now: () => Date.now(),
  });
  machine.subscribe((view) => views.push(view));
  const left = () => {
    const view = machine.view();
    return 'resetInSeconds' in view ? view.resetInSeconds : null;
  };
  return { machine, views, left };
}

async function shown(machine: SessionMachine, code = '123456'): Promise<void> {
  machine.scan(code);
  await vi.advanceTimersByTimeAsync(0);
}

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('a result screen\'s countdown', () => {
  it('a touch gives it its full time again; the page is told, as the same result (not a new one)', async () => {
    const { machine, views, left } = harness();
    await shown(machine);
    const first = machine.view();
    expect(first).toMatchObject({ screen: 'member', resetInSeconds: FULL, resetFullSeconds: FULL });
    await vi.advanceTimersByTimeAsync(6000);
    expect(left()).toBe(FULL - 6);
    machine.stillHere();
    expect(left()).toBe(FULL);
    expect(views.at(-1)).toMatchObject({ resetInSeconds: FULL, result: (first as { result: number }).result });
  });

  it('at most one extension a second: a finger held or tapping fast changes nothing more', async () => {
    const { machine, left } = harness();
    await shown(machine);
    await vi.advanceTimersByTimeAsync(3500);
    machine.stillHere();
    expect(left()).toBe(FULL);
    await vi.advanceTimersByTimeAsync(500); // a tick: one second less
    machine.stillHere(); // half a second after the last extension: not honoured
    expect(left()).toBe(FULL - 1);
    await vi.advanceTimersByTimeAsync(500);
    machine.stillHere();
    expect(left()).toBe(FULL);
  });

  it(`never stays more than ${MAX_TOTAL_FACTOR}× its full time, however often it is touched`, async () => {
    const { machine } = harness();
    await shown(machine);
    let seconds = 0;
    while (machine.view().screen === 'member' && seconds < 10 * FULL) {
      machine.stillHere();
      await vi.advanceTimersByTimeAsync(1000);
      seconds += 1;
    }
    expect(machine.view()).toEqual({ screen: 'ready' });
    expect(seconds).toBe(MAX_TOTAL_FACTOR * FULL);
  });

  it('the till took the identification: the member screen goes within the given seconds, touches or not', async () => {
    const { machine, left } = harness();
    await shown(machine);
    machine.handedOff(3);
    expect(machine.view()).toMatchObject({ resetInSeconds: 3, resetFullSeconds: 3 });
    await vi.advanceTimersByTimeAsync(1500);
    machine.stillHere();
    expect(left()).toBe(2);
    await vi.advanceTimersByTimeAsync(1500);
    expect(machine.view()).toEqual({ screen: 'ready' });
  });

  it('nothing to extend or shorten on ready; a problem screen is not shortened by a delivery', async () => {
    const { machine, views } = harness({ kind: 'serviceProblem', reason: 'serverError', detail: 'HTTP 500' });
    machine.stillHere();
    machine.handedOff(1);
    expect(views).toEqual([]);
    await shown(machine);
    machine.handedOff(1);
    expect(machine.view()).toMatchObject({ screen: 'serviceProblem', resetInSeconds: FULL });
  });

  it('notMember stays twice as long: joining takes a moment', async () => {
    const { machine } = harness({ kind: 'notFound', vippsCheckIn: true });
    await shown(machine, 'https://qr.vipps.no/28/2/01/031/4798765432?v=1');
    expect(machine.view()).toMatchObject({ screen: 'notMember', resetInSeconds: 2 * FULL, resetFullSeconds: 2 * FULL });
  });
});

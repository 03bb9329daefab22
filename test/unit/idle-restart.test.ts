/**
 * The idle restart shared by the support desk (POST /v1/restart) and the daily
 * `maintenance.restartAt` (issue 21): it waits for the customer to finish, for staff mode to
 * close and for the till's hand-off; happens after a quiet moment, at most once in five minutes
 * (remembered across a relaunch), and is logged. Fake timers and a fake clock.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DailyRestart, nextLocalTime } from '../../electron/core/maintenance/daily-restart';
import { IdleRestart, type RestartReason } from '../../electron/core/maintenance/idle-restart';

let dir: string;
let busy: 'customer' | 'staff' | 'handoff' | null;
let restarts: Array<{ reason: RestartReason; at: string }>;
let events: string[];

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-restart-'));
  busy = null;
  restarts = [];
  events = [];
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(new Date(2026, 10, 30, 2, 58, 0)); // 02:58 local
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

const log = { info: (event: string) => void events.push(event), warn: (event: string) => void events.push(event), error: (event: string) => void events.push(event) };

async function idleRestart(): Promise<IdleRestart> {
  return IdleRestart.create({
    busy: () => busy,
    restart: (reason) => void restarts.push({ reason, at: new Date().toTimeString().slice(0, 8) }),
    log,
    stateFile: path.join(dir, 'restart-state.json'),
  });
}

/** Lets the restart's file write (real I/O) finish between fake-timer steps. */
async function advance(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  await vi.waitFor(() => undefined);
}

describe('a requested restart', () => {
  it('waits for the member screen to end, then a quiet moment of 5 s: never in front of a customer', async () => {
    const idle = await idleRestart();
    busy = 'customer';
    expect(idle.request('fleet-api')).toMatchObject({ reason: 'fleet-api', waitingFor: 'customer' });
    await advance(60_000);
    expect(restarts).toEqual([]);
    busy = null; // Done pressed (or the countdown ran out)
    await advance(3000);
    expect(idle.plan()?.waitingFor).toBe('quiet');
    busy = 'customer'; // the next customer scans within the quiet moment
    await advance(3000);
    busy = null;
    await advance(4000);
    expect(restarts).toEqual([]);
    await advance(1500);
    await vi.waitFor(() => expect(restarts).toHaveLength(1));
    expect(restarts[0]?.reason).toBe('fleet-api');
    expect(idle.plan()).toBeNull();
    expect(events).toEqual(['restart-requested', 'restart']);
    idle.stop();
  });

  it('waits for staff mode to close and for the till to take what waits', async () => {
    const idle = await idleRestart();
    busy = 'staff';
    expect(idle.request('fleet-api').waitingFor).toBe('staff');
    await advance(30_000);
    busy = 'handoff';
    expect(idle.plan()?.waitingFor).toBe('handoff');
    await advance(30_000);
    expect(restarts).toEqual([]);
    busy = null;
    await advance(6000);
    await vi.waitFor(() => expect(restarts).toHaveLength(1));
    idle.stop();
  });

  it('a second request while one is pending is the same restart; at most one restart in five minutes, remembered by a relaunched kiosk', async () => {
    const idle = await idleRestart();
    const first = idle.request('fleet-api');
    expect(idle.request('schedule')).toEqual({ ...first, waitingFor: 'quiet' });
    await advance(6000);
    await vi.waitFor(() => expect(restarts).toHaveLength(1));
    idle.stop();

    // The relaunched kiosk reads when it last restarted.
    const relaunched = await idleRestart();
    const plan = relaunched.request('fleet-api');
    expect(plan.waitingFor).toBe('rate-limit');
    expect(Date.parse(plan.notBefore) - Date.now()).toBeGreaterThan(4 * 60_000);
    await advance(4 * 60_000);
    expect(restarts).toHaveLength(1);
    await advance(60_000);
    await vi.waitFor(() => expect(restarts).toHaveLength(2));
    relaunched.stop();
  });

  it('a failing shell restart is logged, and stop() leaves no timer', async () => {
    const idle = await IdleRestart.create({ busy: () => null, restart: () => Promise.reject(new Error('relaunch refused')), log, stateFile: path.join(dir, 'restart-state.json') });
    idle.request('fleet-api');
    await advance(6000);
    await vi.waitFor(() => expect(events).toContain('restart-failed'));
    const pending = await idleRestart();
    busy = 'customer';
    pending.request('fleet-api');
    expect(vi.getTimerCount()).toBe(1);
    pending.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('the daily restart (maintenance.restartAt)', () => {
  it('asks at its local time, then waits for a customer to finish; once a day', async () => {
    const idle = await idleRestart();
    const daily = new DailyRestart(idle);
    daily.configure('03:00');
    expect(new Date(daily.nextAt() ?? '').toTimeString().slice(0, 5)).toBe('03:00');
    busy = 'customer'; // a late customer on the member screen at 03:00
    await advance(3 * 60_000);
    expect(idle.plan()).toMatchObject({ reason: 'schedule', waitingFor: 'customer' });
    expect(restarts).toEqual([]);
    busy = null;
    await advance(6000);
    await vi.waitFor(() => expect(restarts).toHaveLength(1));
    expect(restarts[0]?.reason).toBe('schedule');
    expect(restarts[0]!.at > '03:00:00').toBe(true);
    // The next is tomorrow's.
    expect(daily.nextAt()).toBe(new Date(2026, 11, 1, 3, 0, 0).toISOString());
    await advance(6 * 60 * 60_000);
    expect(restarts).toHaveLength(1);
    daily.configure(null);
    expect(daily.nextAt()).toBeNull();
    idle.stop();
  });

  it('the next local HH:MM: later today, else tomorrow; a time that daylight saving skips comes an hour later', () => {
    const at = (text: string) => new Date(text).getTime();
    expect(new Date(nextLocalTime(at('2026-11-30T02:58:00'), '03:00')).toString()).toBe(new Date('2026-11-30T03:00:00').toString());
    expect(new Date(nextLocalTime(at('2026-11-30T03:00:00'), '03:00')).toString()).toBe(new Date('2026-12-01T03:00:00').toString());
    const zone = process.env.TZ;
    process.env.TZ = 'Europe/Oslo';
    try {
      // 29 March 2026: Norway's clocks go from 02:00 to 03:00.
      expect(new Date(nextLocalTime(Date.parse('2026-03-29T00:30:00Z'), '02:30')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

/**
 * The daily restart (`maintenance.restartAt`, a local time "HH:MM"): the common kiosk guard
 * against slow leaks in GPU drivers and Chromium. At that time each day it asks the idle restart
 * (idle-restart.ts) for a restart, which then waits for the kiosk to be idle: it never
 * interrupts a customer. The wall clock is read once a minute rather than trusted to one long
 * timer, so a clock set right (NTP) or a change of daylight saving time is followed.
 */
import type { IdleRestart } from './idle-restart';

const CHECK_MS = 60_000;

/** The next moment after `now` whose local time is `hhmm` ("03:30"). A time a DST change skips falls an hour later, as Date has it. */
export function nextLocalTime(now: number, hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number) as [number, number];
  const at = new Date(now);
  at.setHours(hours, minutes, 0, 0);
  if (at.getTime() <= now) {
    at.setDate(at.getDate() + 1);
    at.setHours(hours, minutes, 0, 0);
  }
  return at.getTime();
}

export class DailyRestart {
  private restartAt: string | null = null;
  private due: number | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly idle: Pick<IdleRestart, 'request'>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Sets the daily time (null: none). */
  configure(restartAt: string | null): void {
    if (restartAt === this.restartAt) return;
    this.stop();
    if (restartAt === null) return;
    this.restartAt = restartAt;
    this.due = nextLocalTime(this.now(), restartAt);
    this.timer = setInterval(() => this.check(), CHECK_MS);
    this.timer.unref?.();
  }

  /** When the next daily restart is asked for (ISO), or null. */
  nextAt(): string | null {
    return this.due === null ? null : new Date(this.due).toISOString();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.due = null;
    this.restartAt = null;
  }

  private check(): void {
    if (this.due === null || this.restartAt === null || this.now() < this.due) return;
    this.idle.request('schedule');
    this.due = nextLocalTime(this.now(), this.restartAt);
  }
}

/**
 * The kiosk's restart, as the support desk (POST /v1/restart) and the daily maintenance
 * (`maintenance.restartAt`) ask for it: never in front of a customer. A requested restart
 * waits until nobody is served (no customer on screen, staff mode closed, nothing waiting for
 * the till) and it has stayed so for a quiet moment; and it happens at most once in a few
 * minutes, counted from the last restart, which is kept in the user-data folder so that a
 * relaunched kiosk remembers it. The shell says what a restart is (Electron relaunches, the web
 * shell reloads its pages).
 */
import { readFile } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import type { Logger } from '../log/logger';

export type RestartReason = 'fleet-api' | 'schedule';
/** What a pending restart waits for: a customer on screen, staff mode, the till's hand-off, a quiet moment, the rate limit. */
export type RestartWait = 'customer' | 'staff' | 'handoff' | 'quiet' | 'rate-limit';

export interface RestartPlan {
  reason: RestartReason;
  requestedAt: string;
  /** The earliest it may happen (the rate limit), whatever else it waits for. */
  notBefore: string;
  /** What it waits for now; null: it is due. */
  waitingFor: RestartWait | null;
}

export interface IdleRestartDeps {
  /** What keeps the kiosk from restarting now; null: nobody is served. */
  busy(): 'customer' | 'staff' | 'handoff' | null;
  /** The shell's restart. */
  restart(reason: RestartReason): Promise<void> | void;
  log: Logger;
  /** Where the last restart's time is kept (restart-state.json in the user-data folder). */
  stateFile: string;
  now?: () => number;
  /** At most one restart within this (default 5 minutes). */
  minIntervalMs?: number;
  /** Idle this long before it restarts (default 5 s): a customer who just pressed Done may be followed by the next. */
  quietMs?: number;
  /** How often a pending restart looks (default 1 s). */
  pollMs?: number;
}

export const RESTART_MIN_INTERVAL_MS = 5 * 60_000;
export const RESTART_QUIET_MS = 5_000;

export class IdleRestart {
  private pending: { reason: RestartReason; requestedAt: number } | null = null;
  private idleSince: number | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private restarting = false;
  private stopped = false;

  private constructor(
    private readonly deps: IdleRestartDeps,
    private lastRestartAt: number | null,
  ) {}

  /** Reads when the kiosk last restarted (none: no limit yet). */
  static async create(deps: IdleRestartDeps): Promise<IdleRestart> {
    let last: number | null = null;
    try {
      const value = (JSON.parse(await readFile(deps.stateFile, 'utf8')) as { lastRestartAt?: unknown }).lastRestartAt;
      const time = typeof value === 'string' ? Date.parse(value) : NaN;
      if (Number.isFinite(time)) last = time;
    } catch {
      // none yet, or unreadable: no limit from before this start
    }
    return new IdleRestart(deps, last);
  }

  /** Asks for a restart as soon as the kiosk is idle; one already pending stays as it is. */
  request(reason: RestartReason): RestartPlan {
    if (!this.pending && !this.stopped) {
      this.pending = { reason, requestedAt: this.now() };
      this.idleSince = null;
      this.timer = setInterval(() => this.tick(), this.deps.pollMs ?? 1000);
      this.timer.unref?.();
      const plan = this.plan() as RestartPlan;
      this.deps.log.info('restart-requested', { reason, notBefore: plan.notBefore, waitingFor: plan.waitingFor });
      this.tick();
    }
    return this.plan() as RestartPlan;
  }

  /** The restart pending, or null. */
  plan(): RestartPlan | null {
    if (!this.pending) return null;
    return { reason: this.pending.reason, requestedAt: new Date(this.pending.requestedAt).toISOString(), notBefore: new Date(this.notBefore()).toISOString(), waitingFor: this.waitingFor() };
  }

  stop(): void {
    this.stopped = true;
    this.pending = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private notBefore(): number {
    return this.lastRestartAt === null ? (this.pending?.requestedAt ?? this.now()) : this.lastRestartAt + (this.deps.minIntervalMs ?? RESTART_MIN_INTERVAL_MS);
  }

  private waitingFor(): RestartWait | null {
    const busy = this.deps.busy();
    if (busy) return busy;
    if (this.now() < this.notBefore()) return 'rate-limit';
    if (this.idleSince === null || this.now() - this.idleSince < (this.deps.quietMs ?? RESTART_QUIET_MS)) return 'quiet';
    return null;
  }

  private tick(): void {
    if (!this.pending || this.restarting) return;
    if (this.deps.busy()) this.idleSince = null;
    else this.idleSince ??= this.now();
    if (this.waitingFor() === null) void this.restartNow();
  }

  private async restartNow(): Promise<void> {
    const pending = this.pending;
    if (!pending) return;
    this.restarting = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.pending = null;
    const now = this.now();
    this.lastRestartAt = now;
    try {
      await writeFileAtomic(this.deps.stateFile, `${JSON.stringify({ lastRestartAt: new Date(now).toISOString() })}\n`, { mode: 0o600 });
    } catch (error) {
      // The limit then holds for this process only; the restart itself must not wait for a disk.
      this.deps.log.warn('restart-state-unwritten', { message: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
    }
    this.deps.log.info('restart', { reason: pending.reason, waitedSeconds: Math.round((now - pending.requestedAt) / 1000) });
    try {
      await this.deps.restart(pending.reason);
    } catch (error) {
      this.deps.log.error('restart-failed', { message: (error as Error).message });
    } finally {
      this.restarting = false;
    }
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }
}

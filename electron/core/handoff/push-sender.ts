/**
 * Pushes identifications to the till (`handoff.url`), one at a time and in order: each POST is
 * signed (signature.ts) and carries its Idempotency-Key, and is tried again with backoff until
 * the till acknowledges it (any 2xx) or it expires (`handoff.ttlSeconds`). The queue lives in
 * the journal, so a restart or a crash resends what was pending; a till that saw a delivery
 * before the crash recognises it by its key. The queue is bounded: when it is full the oldest
 * waiting delivery gives way (logged), the newest customer matters most.
 */
import { postJson } from '../http/post-json';
import type { Logger } from '../log/logger';
import type { HandoffJournal, PendingDelivery } from './journal';
import { SIGNATURE_HEADER, signature } from './signature';

export interface PushTarget {
  url: string;
  secret: string;
  timeoutMs: number;
}

export interface PushStats {
  pending: number;
  delivered: number;
  expired: number;
  dropped: number;
  /** "delivered", "HTTP 503", "ECONNREFUSED", "timeout", … */
  lastResult: string | null;
  lastAt: string | null;
}

export interface PushSenderDeps {
  journal: HandoffJournal;
  /** What the journal held at start, in order. */
  pending: PendingDelivery[];
  target(): PushTarget | null;
  maxPending(): number;
  log: Logger;
  now?: () => number;
  /** Wait before retry `attempt` (1, 2, …): 0.5 s, doubling, at most 30 s. */
  backoffMs?: (attempt: number) => number;
}

const defaultBackoff = (attempt: number) => Math.min(30_000, 500 * 2 ** (attempt - 1));

export class PushSender {
  private readonly queue: PendingDelivery[];
  private readonly stats: Omit<PushStats, 'pending'> = { delivered: 0, expired: 0, dropped: 0, lastResult: null, lastAt: null };
  private attempts = 0;
  private pumping = false;
  private inFlight: string | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly stopping = new AbortController();

  constructor(private readonly deps: PushSenderDeps) {
    this.queue = [...deps.pending];
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  /** Queues a delivery (on disk first) and starts sending. */
  async enqueue(delivery: PendingDelivery): Promise<void> {
    while (this.queue.length >= this.deps.maxPending()) {
      const index = this.queue[0]?.id === this.inFlight ? 1 : 0;
      const [oldest] = this.queue.splice(index, 1);
      if (!oldest) break;
      this.stats.dropped += 1;
      this.deps.log.warn('handoff-dropped', { message: `the hand-off queue is full (${this.deps.maxPending()}): the oldest waiting identification was dropped` });
      await this.deps.journal.done(oldest.id, 'dropped');
    }
    await this.deps.journal.add(delivery);
    this.queue.push(delivery);
    this.kick();
  }

  /** Sends what is due now (a new delivery, a new target); a scheduled retry keeps its time. */
  kick(): void {
    if (!this.retryTimer) void this.pump();
  }

  snapshot(): PushStats {
    return { pending: this.queue.length, ...this.stats };
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    await this.deps.journal.close();
  }

  private async pump(): Promise<void> {
    if (this.pumping || this.stopping.signal.aborted) return;
    this.pumping = true;
    try {
      while (!this.stopping.signal.aborted) {
        const head = this.queue[0];
        if (!head) return;
        if (this.now() >= head.expiresAt) {
          this.queue.shift();
          this.attempts = 0;
          this.stats.expired += 1;
          this.deps.log.warn('handoff-expired', { message: 'an identification expired before the till acknowledged it' });
          await this.deps.journal.done(head.id, 'expired');
          continue;
        }
        const target = this.deps.target();
        if (!target) return; // pushing is off: kept until it is on again, or expires
        const result = await this.send(head, target);
        if (this.stopping.signal.aborted) return;
        this.stats.lastResult = result.ok ? 'delivered' : result.detail;
        this.stats.lastAt = new Date(this.now()).toISOString();
        if (result.ok) {
          this.queue.shift();
          this.stats.delivered += 1;
          this.deps.log.info('handoff-delivered', { attempts: this.attempts + 1 });
          this.attempts = 0;
          await this.deps.journal.done(head.id, 'delivered');
          continue;
        }
        this.attempts += 1;
        this.deps.log.warn('handoff-retry', { attempt: this.attempts, detail: result.detail });
        const wait = Math.max(0, Math.min((this.deps.backoffMs ?? defaultBackoff)(this.attempts), head.expiresAt - this.now()));
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          void this.pump();
        }, wait);
        return;
      }
    } finally {
      this.pumping = false;
    }
  }

  private async send(delivery: PendingDelivery, target: PushTarget): Promise<{ ok: true } | { ok: false; detail: string }> {
    this.inFlight = delivery.id;
    try {
      const result = await postJson(
        {
          url: target.url,
          rawBody: delivery.body,
          headers: {
            'idempotency-key': delivery.id,
            [SIGNATURE_HEADER]: signature(delivery.body, target.secret, Math.floor(this.now() / 1000)),
          },
          timeoutMs: target.timeoutMs,
        },
        this.stopping.signal,
      );
      if (!result.ok) return { ok: false, detail: result.failure === 'timeout' ? 'timeout' : result.detail };
      return result.reply.status >= 200 && result.reply.status < 300 ? { ok: true } : { ok: false, detail: `HTTP ${result.reply.status}` };
    } catch {
      return { ok: false, detail: 'stopped' };
    } finally {
      this.inFlight = null;
    }
  }
}

/**
 * Pushes identifications to the till (`handoff.url`), one at a time and in order: each POST is
 * signed (signature.ts) and carries its Idempotency-Key, and is tried again with backoff until
 * the till acknowledges it (any 2xx) or it expires (`handoff.ttlSeconds`). A till that refuses
 * the request itself (a 4xx other than 401/403/408/425/429) will refuse it again: that one is
 * given up at once, logged, so it never holds up the customers after it. The queue lives in the
 * journal, so a restart or a crash resends what was pending; a till that saw a delivery before
 * the crash recognises it by its key. The queue is bounded: when it is full the oldest waiting
 * delivery gives way (logged), the newest customer matters most.
 */
import { postJson } from '../http/post-json';
import type { Logger } from '../log/logger';
import type { DoneResult, HandoffJournal, PendingDelivery } from './journal';
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
  rejected: number;
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
  /** Told of each identification the till accepted, by its id. */
  delivered?(id: string): void;
}

const defaultBackoff = (attempt: number) => Math.min(30_000, 500 * 2 ** (attempt - 1));
/** Statuses worth trying again: credentials staff can fix, a timeout, "too early", "too many". */
const RETRYABLE_CLIENT_ERRORS = new Set([401, 403, 408, 425, 429]);
/** After a failure of the journal itself, try again this much later. */
const JOURNAL_RETRY_MS = 5000;

type SendResult = { kind: 'delivered' } | { kind: 'retry'; detail: string } | { kind: 'rejected'; detail: string };

export class PushSender {
  private readonly queue: PendingDelivery[];
  private readonly stats: Omit<PushStats, 'pending'> = { delivered: 0, expired: 0, dropped: 0, rejected: 0, lastResult: null, lastAt: null };
  private attempts = 0;
  private pumping = false;
  private inFlight: string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private enqueueing: Promise<unknown> = Promise.resolve();
  private readonly stopping = new AbortController();

  constructor(private readonly deps: PushSenderDeps) {
    this.queue = [...deps.pending];
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  /** Queues a delivery (on disk first) and sends it now; one at a time, so the order holds. */
  enqueue(delivery: PendingDelivery): Promise<void> {
    const queued = this.enqueueing.then(() => this.enqueueNow(delivery));
    this.enqueueing = queued.catch(() => undefined);
    return queued;
  }

  private async enqueueNow(delivery: PendingDelivery): Promise<void> {
    while (this.queue.length >= this.deps.maxPending()) {
      const index = this.queue[0]?.id === this.inFlight ? 1 : 0;
      const [oldest] = this.queue.splice(index, 1);
      if (!oldest) break;
      if (index === 0) this.attempts = 0; // the head's retries were the head's
      this.stats.dropped += 1;
      this.deps.log.warn('handoff-dropped', { message: `the hand-off queue is full (${this.deps.maxPending()}): the oldest waiting identification was dropped` });
      await this.finish(oldest.id, 'dropped');
    }
    await this.deps.journal.add(delivery);
    this.queue.push(delivery);
    this.kick();
  }

  /** Sends now: a new delivery or a new target is a reason to try at once, whatever the backoff said. */
  kick(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    void this.pump();
  }

  snapshot(): PushStats {
    return { pending: this.queue.length, ...this.stats };
  }

  /** When the oldest delivery still waiting stops being worth delivering, or null. */
  /** The delivery that has waited longest, if any. */
  oldest(): PendingDelivery | null {
    return this.queue[0] ?? null;
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.enqueueing;
    await this.deps.journal.close();
  }

  private schedule(delayMs: number): void {
    if (this.stopping.signal.aborted) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.pump();
    }, Math.max(0, delayMs));
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
          await this.finish(head.id, 'expired');
          continue;
        }
        const target = this.deps.target();
        // Pushing is off: kept until it is on again, and given up when it expires.
        if (!target) return this.schedule(head.expiresAt - this.now());
        const result = await this.send(head, target);
        if (this.stopping.signal.aborted) return;
        this.stats.lastResult = result.kind === 'delivered' ? 'delivered' : result.detail;
        this.stats.lastAt = new Date(this.now()).toISOString();
        if (result.kind === 'retry') {
          this.attempts += 1;
          this.deps.log.warn('handoff-retry', { attempt: this.attempts, detail: result.detail });
          return this.schedule(Math.min((this.deps.backoffMs ?? defaultBackoff)(this.attempts), head.expiresAt - this.now()));
        }
        this.queue.shift();
        if (result.kind === 'delivered') {
          this.stats.delivered += 1;
          this.deps.delivered?.(head.id);
          this.deps.log.info('handoff-delivered', { attempts: this.attempts + 1 });
        } else {
          this.stats.rejected += 1;
          this.deps.log.error('handoff-rejected', { detail: result.detail, message: 'the till refused this identification as it is: given up, not retried' });
        }
        this.attempts = 0;
        await this.finish(head.id, result.kind);
      }
    } catch (error) {
      // Only the journal throws here: log it, and try again (what is pending is still in memory).
      this.deps.log.error('handoff-journal-failed', { message: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
      this.schedule(JOURNAL_RETRY_MS);
    } finally {
      this.pumping = false;
    }
  }

  private finish(id: string, result: DoneResult): Promise<void> {
    return this.deps.journal.done(id, result);
  }

  private async send(delivery: PendingDelivery, target: PushTarget): Promise<SendResult> {
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
      if (!result.ok) return { kind: 'retry', detail: result.failure === 'timeout' ? 'timeout' : result.detail };
      const status = result.reply.status;
      if (status >= 200 && status < 300) return { kind: 'delivered' };
      if (status >= 400 && status < 500 && !RETRYABLE_CLIENT_ERRORS.has(status)) return { kind: 'rejected', detail: `HTTP ${status}` };
      return { kind: 'retry', detail: `HTTP ${status}` };
    } catch {
      return { kind: 'retry', detail: 'stopped' };
    } finally {
      this.inFlight = null;
    }
  }
}

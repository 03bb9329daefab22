/**
 * The till's hand-off as the core runs it: each identification the customer saw goes to the
 * push queue (when `handoff.url` is set) and to the pull feed (when `handoff.listen` is set).
 * Configuration changes apply live; the journal, once opened, stays with the kiosk so that
 * nothing pending is lost when the settings change. A failure here is logged and shown to
 * staff; it never reaches the customer's screen.
 */
import path from 'node:path';
import { isSameValue } from '../../shared/same-value';
import type { KioskConfig } from '../config/config-schema';
import { ListenerError } from '../http/listener';
import type { Logger } from '../log/logger';
import { FeedServer } from './feed-server';
import type { Identification } from './identification';
import { HandoffJournal, type PendingDelivery } from './journal';
import { PushSender, type PushStats } from './push-sender';

type HandoffConfig = NonNullable<KioskConfig['handoff']>;

export interface HandoffHealth {
  push: (PushStats & { url: string; problem: string | null }) | null;
  pull: { address: string | null; problem: string | null; streams: number } | null;
}

export interface HandoffServiceDeps {
  /** Where the journal lives (the user-data folder). */
  dir: string;
  log: Logger;
  now?: () => number;
  backoffMs?: (attempt: number) => number;
  /** Told of each identification the till accepted (pushed), by its id. */
  delivered?(id: string): void;
}

export class HandoffService {
  private config: HandoffConfig | null = null;
  private sender: PushSender | null = null;
  private pushProblem: string | null = null;
  private feed: FeedServer | null = null;
  /** The feed's settings in force (what the last configuration asked for). */
  private feedListen: HandoffConfig['listen'] = null;
  private feedProblem: string | null = null;
  private opening: Promise<void> | null = null;
  private readonly retryTimers = new Map<'journal' | 'feed', ReturnType<typeof setTimeout>>();
  private stopped = false;

  constructor(private readonly deps: HandoffServiceDeps) {}

  /** Applies `handoff` from a new configuration (undefined: no hand-off). */
  async configure(config: HandoffConfig | undefined): Promise<void> {
    this.config = config ?? null;
    if (this.config?.url && !this.sender) await this.openQueue();
    this.sender?.kick();
    await this.configureFeed(this.config?.listen ?? null);
  }

  /** Hands an identification to the till; returns once it is queued on disk (or not needed). */
  async record(identification: Identification): Promise<void> {
    const config = this.config;
    if (!config) return;
    const delivery: PendingDelivery = {
      id: identification.id,
      body: JSON.stringify(identification),
      expiresAt: Date.parse(identification.identifiedAt) + config.ttlSeconds * 1000,
    };
    this.feed?.publish(delivery);
    if (!config.url) return;
    if (!this.sender) {
      this.deps.log.error('handoff-not-queued', { message: `the hand-off queue is not available (${this.pushProblem ?? 'still opening'}): this identification is not pushed` });
      return;
    }
    try {
      await this.sender.enqueue(delivery);
    } catch (error) {
      this.deps.log.error('handoff-queue-failed', { message: (error as Error).message });
    }
  }

  health(): HandoffHealth {
    const config = this.config;
    const stats = this.sender?.snapshot() ?? { pending: 0, delivered: 0, expired: 0, dropped: 0, rejected: 0, lastResult: null, lastAt: null };
    // Shown while pushing is on, and while anything still waits after it was turned off.
    const showPush = Boolean(config?.url) || stats.pending > 0;
    return {
      push: showPush ? { url: config?.url ? displayUrl(config.url) : '(push turned off)', problem: this.pushProblem, ...stats } : null,
      pull: config?.listen ? { address: this.feed?.address() ?? null, problem: this.feedProblem, streams: this.feed?.streamCount() ?? 0 } : null,
    };
  }

  /** For the metrics: what waits, how long the oldest has, and what became of the rest. */
  counts(now = Date.now()): { pending: number; oldestPendingSeconds: number; delivered: number; rejected: number; expired: number; dropped: number } {
    const { pending, delivered, rejected, expired, dropped } = this.sender?.snapshot() ?? { pending: 0, delivered: 0, rejected: 0, expired: 0, dropped: 0 };
    const oldest = this.sender?.oldest() ?? null;
    const oldestPendingSeconds = oldest ? Math.max(0, (now - identifiedAt(oldest)) / 1000) : 0;
    return { pending, oldestPendingSeconds, delivered, rejected, expired, dropped };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.retryTimers.values()) clearTimeout(timer);
    await this.opening;
    await this.sender?.stop();
    this.sender = null;
    await this.feed?.close();
    this.feed = null;
  }

  private openQueue(): Promise<void> {
    this.opening ??= (async () => {
      try {
        const { journal, pending, skipped } = await HandoffJournal.open(this.deps.dir);
        if (skipped) this.deps.log.warn('handoff-journal-damaged', { skipped, message: `${skipped} unreadable line(s) in ${path.join(this.deps.dir, 'handoff-journal.jsonl')} were skipped` });
        if (pending.length) this.deps.log.info('handoff-resumed', { pending: pending.length });
        this.sender = new PushSender({
          journal,
          pending,
          target: () => (this.config?.url && this.config.secret ? { url: this.config.url, secret: this.config.secret, timeoutMs: this.config.timeoutMs } : null),
          maxPending: () => this.config?.maxPending ?? 200,
          log: this.deps.log,
          now: this.deps.now,
          backoffMs: this.deps.backoffMs,
          delivered: (id) => this.deps.delivered?.(id),
        });
        this.pushProblem = null;
      } catch (error) {
        this.pushProblem = `the hand-off journal cannot be opened: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
        this.deps.log.error('handoff-journal-failed', { message: this.pushProblem });
        this.opening = null;
        this.retryLater('journal', () => (this.config?.url && !this.sender ? this.openQueue() : Promise.resolve()));
      }
    })();
    return this.opening;
  }

  /** A start that failed (journal, port) is tried again, not left until the next config change. */
  private retryLater(what: 'journal' | 'feed', attempt: () => Promise<void>): void {
    if (this.stopped || this.retryTimers.has(what)) return;
    const timer = setTimeout(() => {
      this.retryTimers.delete(what);
      void attempt();
    }, START_RETRY_MS);
    timer.unref?.();
    this.retryTimers.set(what, timer);
  }

  private async configureFeed(listen: HandoffConfig['listen']): Promise<void> {
    if (isSameValue(listen, this.feedListen)) return;
    this.feedListen = listen;
    await this.feed?.close();
    this.feed = null;
    this.feedProblem = null;
    if (!listen?.token) return;
    await this.startFeed(listen);
  }

  private async startFeed(listen: NonNullable<HandoffConfig['listen']>): Promise<void> {
    if (!listen.token || this.stopped) return;
    try {
      const feed = await FeedServer.start({ host: listen.host, port: listen.port, tls: listen.tls, token: listen.token, log: this.deps.log, now: this.deps.now });
      if (listen !== this.feedListen || this.stopped) return void (await feed.close()); // the config moved on meanwhile
      this.feed = feed;
      this.feedProblem = null;
      this.deps.log.info('handoff-feed-listening', { address: feed.address(), scheme: feed.scheme() });
    } catch (error) {
      // A port taken, a certificate that cannot be read: the listener's message names the setting.
      this.feedProblem = error instanceof ListenerError ? error.message : `cannot listen on ${listen.host}:${listen.port} (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
      this.deps.log.error('handoff-feed-failed', { message: this.feedProblem });
      this.retryLater('feed', () => (listen === this.feedListen && !this.feed ? this.startFeed(listen) : Promise.resolve()));
    }
  }
}

/** Journal or port unavailable at start: try again this much later. */
const START_RETRY_MS = 30_000;

/** The till's address for staff: no credentials, no query. */
function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

/**
 * When a waiting delivery's customer was identified: its own `identifiedAt` (read once a scrape,
 * for the oldest only), so that a TTL changed since it was queued does not change its age.
 */
function identifiedAt(delivery: PendingDelivery): number {
  let stamp: unknown;
  try {
    stamp = (JSON.parse(delivery.body) as { identifiedAt?: unknown }).identifiedAt;
  } catch {
    // the journal checked it on the way in; a body that is no JSON has no age to give
  }
  const time = typeof stamp === 'string' ? Date.parse(stamp) : NaN;
  return Number.isNaN(time) ? delivery.expiresAt : time;
}

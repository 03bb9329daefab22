/**
 * Sends Vipps check-ins beside the customer's screen: the caller never waits for one. A failed
 * attempt that could pass later is retried a bounded number of times with growing pauses;
 * then the failure is logged, without the phone number, and dropped.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../log/logger';
import type { VippsClient } from './vipps-client';

export interface CheckInSenderOptions {
  log: Logger;
  /** Attempts in all, the first included. */
  maxAttempts?: number;
  /** The pause before attempt `n + 1` (n ≥ 1). */
  backoffMs?: (attempt: number) => number;
  /** Told how each check-in ended (for the metrics). */
  onResult?: (result: 'sent' | 'failed') => void;
}

export const DEFAULT_CHECK_IN_ATTEMPTS = 3;
/** 1 s, then 3 s: the customer is still at the counter, and their phone screen is still useful. */
const defaultBackoff = (attempt: number) => (attempt === 1 ? 1000 : 3000);

export class CheckInSender {
  private readonly stopping = new AbortController();
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly options: CheckInSenderOptions) {}

  /** Starts a check-in; the promise (for tests and shutdown) settles when it is over, never rejects. */
  send(client: VippsClient, phoneNumber: string, isMember: boolean): Promise<void> {
    const run = this.run(client, phoneNumber, isMember).finally(() => this.inFlight.delete(run));
    this.inFlight.add(run);
    return run;
  }

  /** Abandons every check-in still retrying (shutdown). */
  async stop(): Promise<void> {
    this.stopping.abort(new Error('kiosk stopping'));
    await Promise.all(this.inFlight);
  }

  private async run(client: VippsClient, phoneNumber: string, isMember: boolean): Promise<void> {
    const { log } = this.options;
    const maxAttempts = this.options.maxAttempts ?? DEFAULT_CHECK_IN_ATTEMPTS;
    const backoff = this.options.backoffMs ?? defaultBackoff;
    const started = performance.now();
    const signal = this.stopping.signal;
    try {
      for (let attempt = 1; ; attempt++) {
        const result = await client.checkIn(phoneNumber, isMember, signal);
        if (result.ok) {
          log.info('vipps-check-in', { isMember, attempts: attempt, ms: Math.round(performance.now() - started) });
          this.options.onResult?.('sent');
          return;
        }
        if (!result.retryable || attempt >= maxAttempts) {
          log.warn('vipps-check-in-failed', { isMember, attempts: attempt, detail: result.detail });
          this.options.onResult?.('failed');
          return;
        }
        log.info('vipps-check-in-retry', { attempt, detail: result.detail });
        await sleep(backoff(attempt), undefined, { signal });
      }
    } catch {
      // Only the shutdown aborts a check-in; nothing is left to tell.
    }
  }
}

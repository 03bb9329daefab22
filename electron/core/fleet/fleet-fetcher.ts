/**
 * Fetches the chain's signed configuration (`fleet.config`) every `intervalSeconds`, and keeps
 * and applies each new one that is signed with the provisioning file's key, newer than the one
 * applied (`serial`) and valid as the kiosk would run it. Anything else is refused, logged once
 * and counted; the last good one stays (fleet-store.ts keeps it for the next start, offline or
 * not). One check at a time, one timer, no connection kept: it runs for months.
 */
import { createHash } from 'node:crypto';
import type { Logger } from '../log/logger';
import { MAX_DOCUMENT_BYTES, MAX_SIGNATURE_BYTES, verifyFleetDocument, type FleetRefusal } from './fleet-document';
import { readStoredFleet, verifiedLayer, writeStoredFleet, type FleetLayer } from './fleet-store';
import { httpsGet, trustedAuthorities } from './https-get';

export interface FleetSettings {
  url: string;
  publicKey: string;
  intervalSeconds: number;
}

export type FleetCheckResult = 'applied' | 'unchanged' | 'refused' | 'unreachable';

/** What staff health and the support API show of it. */
export interface FleetStatus {
  url: string;
  /** The serial of the configuration applied, null: none yet. */
  serial: number | null;
  lastCheckAt: string | null;
  lastResult: FleetCheckResult | null;
  /** Why the last check was refused or failed (never the document's content). */
  lastProblem: string | null;
  refused: number;
}

export interface FleetFetcherDeps {
  userDataDir: string;
  log: Logger;
  /** Whether the kiosk could run with `layer` (the whole configuration, every layer): null, or why not. */
  check(layer: FleetLayer): Promise<string | null>;
  /** Applies what is now stored (the core's reload). */
  apply(): Promise<void>;
  onRefused?(reason: FleetRefusal): void;
  userAgent: string;
  /** More trusted certificate authorities (tests). */
  extraCa?: string[];
  now?: () => number;
  /** 0–1, for spreading a fleet's checks. */
  random?: () => number;
  /** The wait before refetching a document whose signature did not match (it may have been mid-publish). */
  republishWaitMs?: number;
}

const TIMEOUT_MS = 10_000;
/** The first check, soon after start (spread over a few seconds across a fleet that restarts at once). */
const FIRST_CHECK_MS = [1000, 5000] as const;

export class FleetConfigFetcher {
  private settings: FleetSettings | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private abort: AbortController | null = null;
  private state: Omit<FleetStatus, 'url' | 'serial'> = { lastCheckAt: null, lastResult: null, lastProblem: null, refused: 0 };
  private serial: number | null = null;
  /** The document and signature last refused: the same again is not logged or counted again. */
  private lastRefused: string | null = null;
  private failing = false;
  private readonly ca: string[] | undefined;

  constructor(private readonly deps: FleetFetcherDeps) {
    this.ca = trustedAuthorities(deps.extraCa);
  }

  /** Starts, restarts (new URL, key or interval) or stops the checks. */
  configure(settings: FleetSettings | null): void {
    const same = settings && this.settings && settings.url === this.settings.url && settings.publicKey === this.settings.publicKey && settings.intervalSeconds === this.settings.intervalSeconds;
    if (same) return;
    this.cancel();
    this.settings = settings;
    this.serial = null;
    this.lastRefused = null;
    this.failing = false;
    this.state = { lastCheckAt: null, lastResult: null, lastProblem: null, refused: this.state.refused };
    if (settings) this.schedule(FIRST_CHECK_MS[0] + this.random() * (FIRST_CHECK_MS[1] - FIRST_CHECK_MS[0]));
  }

  status(): FleetStatus | null {
    return this.settings ? { url: this.settings.url, serial: this.serial, ...this.state } : null;
  }

  /** One check now (after the one under way, if any). */
  async checkNow(): Promise<void> {
    await this.running;
    const settings = this.settings;
    if (!settings) return;
    this.abort = new AbortController();
    this.running = this.check(settings, this.abort.signal).finally(() => (this.running = null));
    await this.running;
  }

  async stop(): Promise<void> {
    this.cancel();
    this.settings = null;
    await this.running?.catch(() => undefined);
  }

  private cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.abort?.abort();
  }

  private random(): number {
    return (this.deps.random ?? Math.random)();
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      const settings = this.settings;
      void this.checkNow().finally(() => {
        // ±10 %: kiosks started together drift apart instead of calling at the same second.
        if (this.settings === settings && settings && !this.timer) this.schedule(settings.intervalSeconds * 1000 * (0.9 + 0.2 * this.random()));
      });
    }, delayMs);
    this.timer.unref?.();
  }

  private async check(settings: FleetSettings, signal: AbortSignal): Promise<void> {
    const stored = await readStoredFleet(this.deps.userDataDir);
    const applied = stored ? verifiedLayer(stored, settings.publicKey) : null;
    this.serial = applied?.serial ?? null;
    const etag = applied && stored?.url === settings.url ? stored.etag : null;
    let fetched: { document: Buffer; signature: string | null; etag: string | null } | null;
    try {
      fetched = await this.fetch(settings.url, etag, signal);
      // Published one file at a time, a document may meet its old signature: look again once.
      if (fetched && !verifyFleetDocument(fetched.document, fetched.signature, settings.publicKey).ok) {
        await new Promise((resolve) => setTimeout(resolve, this.deps.republishWaitMs ?? 2000).unref?.());
        if (signal.aborted) return;
        fetched = await this.fetch(settings.url, null, signal);
      }
    } catch (error) {
      if (signal.aborted) return;
      return this.unreachable((error as Error).message);
    }
    this.recovered();
    if (!fetched || (stored && applied && fetched.document.equals(Buffer.from(stored.document, 'base64')))) {
      // Unchanged. A server that answers 200 without ETag is read whole each time, and that is all.
      if (fetched && stored && fetched.etag !== stored.etag) await writeStoredFleet(this.deps.userDataDir, { ...stored, etag: fetched.etag });
      return this.done('unchanged', null);
    }
    const verdict = verifyFleetDocument(fetched.document, fetched.signature, settings.publicKey);
    const refusalKey = createHash('sha256').update(fetched.document).update('\0').update(fetched.signature ?? '').digest('base64');
    if (!verdict.ok) return this.refuse(verdict.reason, verdict.message, refusalKey);
    const { document } = verdict;
    if (applied && document.serial <= applied.serial) return this.refuse('stale', `serial ${document.serial} is not newer than the applied ${applied.serial} (an old document sent again, or a new one whose serial was not raised)`, refusalKey);
    const receivedAt = new Date(this.now()).toISOString();
    const problem = await this.deps.check({ ...document, receivedAt });
    if (problem) return this.refuse('invalid', problem, refusalKey);
    if (signal.aborted) return; // the settings changed meanwhile: this document is for the old ones
    await writeStoredFleet(this.deps.userDataDir, { document: fetched.document.toString('base64'), signature: fetched.signature ?? '', url: settings.url, etag: fetched.etag, receivedAt });
    this.serial = document.serial;
    this.lastRefused = null;
    this.deps.log.info('fleet-config-applied', { serial: document.serial, previous: applied?.serial ?? null });
    this.done('applied', null);
    await this.deps.apply();
  }

  /** The document and its signature; null: unchanged (304). */
  private async fetch(url: string, etag: string | null, signal: AbortSignal): Promise<{ document: Buffer; signature: string | null; etag: string | null } | null> {
    const headers = { 'user-agent': this.deps.userAgent, accept: 'application/json', ...(etag ? { 'if-none-match': etag } : {}) };
    const document = await httpsGet(url, { headers, maxBytes: MAX_DOCUMENT_BYTES, timeoutMs: TIMEOUT_MS, ca: this.ca, signal });
    if (document.status === 304) return etag ? null : Promise.reject(new Error('HTTP 304 to a request without If-None-Match'));
    if (document.status !== 200) throw new Error(`HTTP ${document.status} for the document`);
    const signature = await httpsGet(`${url}.sig`, { headers: { 'user-agent': this.deps.userAgent }, maxBytes: MAX_SIGNATURE_BYTES, timeoutMs: TIMEOUT_MS, ca: this.ca, signal });
    if (signature.status === 404 || signature.status === 410) return { document: document.body, signature: null, etag: document.etag };
    if (signature.status !== 200) throw new Error(`HTTP ${signature.status} for the signature`);
    return { document: document.body, signature: signature.body.toString('latin1'), etag: document.etag };
  }

  private refuse(reason: FleetRefusal, message: string, key: string): void {
    this.done('refused', message);
    if (key === this.lastRefused) return; // the same document again: said and counted once
    this.lastRefused = key;
    this.state.refused += 1;
    this.deps.onRefused?.(reason);
    this.deps.log.warn('fleet-config-refused', { reason, message, applied: this.serial });
  }

  private unreachable(message: string): void {
    this.done('unreachable', message);
    if (this.failing) return;
    this.failing = true;
    this.deps.log.warn('fleet-config-unreachable', { message: `cannot fetch the fleet configuration: ${message}; the one applied stays` });
  }

  private recovered(): void {
    if (!this.failing) return;
    this.failing = false;
    this.deps.log.info('fleet-config-reachable', {});
  }

  private done(result: FleetCheckResult, problem: string | null): void {
    this.state = { ...this.state, lastCheckAt: new Date(this.now()).toISOString(), lastResult: result, lastProblem: problem };
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }
}

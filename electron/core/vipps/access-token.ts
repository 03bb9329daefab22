/**
 * Vipps' access token (`POST /accesstoken/get`), cached until shortly before it expires.
 * Callers that need one at the same time share one request; a token Vipps refused (401) is
 * dropped so the next caller fetches a new one.
 */
import { z } from 'zod';
import { BAD_JSON, postJson } from '../http/post-json';
import { vippsSystemHeaders, type VippsTarget } from './vipps-target';

export type TokenFailure = 'credentials' | 'timeout' | 'unreachable' | 'serverError' | 'badAnswer';

export type TokenResult = { ok: true; token: string } | { ok: false; failure: TokenFailure; detail: string };

/** Vipps sends `expires_in` as a number of seconds, in some versions as a numeric string. */
const TokenAnswerSchema = z.object({
  /** Visible ASCII only: it goes into a header as it is. */
  access_token: z.string().regex(/^[\x21-\x7e]{1,8192}$/),
  expires_in: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).pipe(z.number().int().positive()),
});

/** Renew this long before expiry, at most: a token must not expire between fetch and use. */
const MAX_RENEW_MARGIN_MS = 60_000;

export class AccessTokenCache {
  private cached: { token: string; renewAt: number } | null = null;
  private pending: Promise<TokenResult> | null = null;

  constructor(
    private readonly target: VippsTarget,
    private readonly now: () => number = Date.now,
  ) {}

  /** A valid token, from the cache or fetched. Never rejects. */
  get(): Promise<TokenResult> {
    if (this.cached && this.now() < this.cached.renewAt) return Promise.resolve({ ok: true, token: this.cached.token });
    this.pending ??= this.fetch().finally(() => (this.pending = null));
    return this.pending;
  }

  /** Vipps refused `token`: forget it (unless a newer one already replaced it). */
  invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = null;
  }

  private async fetch(): Promise<TokenResult> {
    const result = await postJson({
      url: `${this.target.baseUrl}/accesstoken/get`,
      headers: {
        client_id: this.target.clientId,
        client_secret: this.target.clientSecret,
        'Ocp-Apim-Subscription-Key': this.target.subscriptionKey,
        'Merchant-Serial-Number': this.target.merchantSerialNumber,
        ...vippsSystemHeaders(this.target.product),
      },
      timeoutMs: this.target.timeoutMs,
    });
    if (!result.ok) return { ok: false, failure: result.failure, detail: result.detail };
    const { status, body } = result.reply;
    if (status === 401 || status === 403) return { ok: false, failure: 'credentials', detail: `token: HTTP ${status}` };
    if (status >= 500) return { ok: false, failure: 'serverError', detail: `token: HTTP ${status}` };
    const answer = status === 200 && body !== BAD_JSON ? TokenAnswerSchema.safeParse(body) : null;
    if (!answer?.success) return { ok: false, failure: 'badAnswer', detail: `token: HTTP ${status} without a token` };
    const lifetimeMs = answer.data.expires_in * 1000;
    const margin = Math.min(MAX_RENEW_MARGIN_MS, lifetimeMs / 10);
    this.cached = { token: answer.data.access_token, renewAt: this.now() + lifetimeMs - margin };
    return { ok: true, token: answer.data.access_token };
  }
}

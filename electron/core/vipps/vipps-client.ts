/**
 * The two Vipps calls made with the access token: the QR exchange (token-form personal QR →
 * phone number) and the loyalty check-in. A 401 means the cached token went stale: it is
 * fetched anew once, and the call repeated once.
 */
import { z } from 'zod';
import { BAD_JSON, postJson, type PostResult } from '../http/post-json';
import type { IdentifyOutcome } from '../identify/identify-outcome';
import { AccessTokenCache, type TokenResult } from './access-token';
import { vippsHeaders, type VippsTarget } from './vipps-target';

export type ExchangeResult = { ok: true; msisdn: string } | { ok: false; outcome: IdentifyOutcome };

/** One check-in attempt. `retryable` says whether trying again could help. */
export type CheckInResult = { ok: true } | { ok: false; retryable: boolean; detail: string };

/** The exchange's answer (Vipps MobilePay's QR API guide: `{"msisdn": "4712345678", …}`), E.164 with or without the plus. */
const ExchangeAnswerSchema = z.object({ msisdn: z.string().regex(/^\+?[1-9][0-9]{5,14}$/).transform((msisdn) => msisdn.replace(/^\+/, '')) });

/**
 * The numbers Vipps and MobilePay users have: Norway (47 + 8 digits), Denmark (45 + 8) and
 * Finland (358 + 6 to 10). Anything else is not guessed at: the kiosk says the service failed.
 */
export function isNordicMsisdn(digits: string): boolean {
  return /^(?:47[0-9]{8}|45[0-9]{8}|358[0-9]{6,10})$/.test(digits);
}

/**
 * Whether the Check-in API takes this number: it is Vipps' (Norway's) alone, and its published
 * OpenAPI file (vippsas/vipps-check-in-api, docs/swagger.yaml, v1.0.2) allows `^47[0-9]{8}$` only.
 * A Danish or Finnish MobilePay customer is identified, but never checked in.
 */
export function isCheckInNumber(digits: string): boolean {
  return /^47[0-9]{8}$/.test(digits);
}

type Call = { kind: 'token'; result: Extract<TokenResult, { ok: false }> } | { kind: 'post'; result: PostResult };

export class VippsClient {
  private readonly tokens: AccessTokenCache;

  constructor(
    readonly target: VippsTarget,
    now: () => number = Date.now,
  ) {
    this.tokens = new AccessTokenCache(target, now);
  }

  /** `POST /qr/v1/exchange`: the phone number behind a token-form personal QR code. */
  async exchange(qrCode: string, signal: AbortSignal): Promise<ExchangeResult> {
    const call = await this.withToken((token) => ({ url: `${this.target.baseUrl}/qr/v1/exchange`, headers: vippsHeaders(this.target, token), body: { qrCode } }), signal);
    if (call.kind === 'token') return { ok: false, outcome: tokenOutcome(call.result) };
    if (!call.result.ok) return { ok: false, outcome: { kind: 'serviceProblem', reason: call.result.failure, detail: `exchange: ${call.result.detail}` } };
    const { status, body } = call.result.reply;
    if (status === 200) {
      const answer = body === BAD_JSON ? null : ExchangeAnswerSchema.safeParse(body);
      if (!answer?.success) return { ok: false, outcome: { kind: 'serviceProblem', reason: 'badAnswer', detail: 'exchange: HTTP 200 without a phone number' } };
      if (!isNordicMsisdn(answer.data.msisdn)) {
        // Never the number itself: its length says enough to find the cause.
        const detail = `exchange: HTTP 200 with a ${answer.data.msisdn.length}-digit number outside Norway (47), Denmark (45) and Finland (358)`;
        return { ok: false, outcome: { kind: 'serviceProblem', reason: 'badAnswer', detail } };
      }
      return { ok: true, msisdn: answer.data.msisdn };
    }
    // A code it cannot exchange is the customer's to refresh: the QR API's published refusal is a
    // 400 problem body ("The complete data contained in the QR code is required."); 404 and 410
    // say the same of an unknown or expired code. Refused credentials are staff's.
    if (status === 400 || status === 404 || status === 410) return { ok: false, outcome: { kind: 'codeProblem', reason: 'notFound' } };
    if (status === 422) return { ok: false, outcome: { kind: 'codeProblem', reason: 'invalidCode' } };
    if (status === 401 || status === 403) return { ok: false, outcome: { kind: 'credentialsRefused', status } };
    if (status >= 500) return { ok: false, outcome: { kind: 'serviceProblem', reason: 'serverError', detail: `exchange: HTTP ${status}` } };
    return { ok: false, outcome: { kind: 'serviceProblem', reason: 'badAnswer', detail: `exchange: unexpected HTTP ${status}` } };
  }

  /** `POST /point-of-sale/v1/loyalty-check-in`: tells the customer's phone whether they are a member. */
  async checkIn(phoneNumber: string, isMember: boolean, signal: AbortSignal): Promise<CheckInResult> {
    const body = {
      phoneNumber,
      isMember,
      ...(this.target.loyaltyProgramName ? { loyaltyProgramName: this.target.loyaltyProgramName } : {}),
    };
    const call = await this.withToken((token) => ({ url: `${this.target.baseUrl}/point-of-sale/v1/loyalty-check-in`, headers: vippsHeaders(this.target, token), body }), signal);
    if (call.kind === 'token') return { ok: false, retryable: call.result.failure !== 'credentials', detail: call.result.detail };
    if (!call.result.ok) return { ok: false, retryable: true, detail: `check-in: ${call.result.detail}` };
    const { status } = call.result.reply;
    if (status >= 200 && status < 300) return { ok: true };
    // Overload and server faults may pass; a refused or malformed request will not.
    return { ok: false, retryable: status === 429 || status >= 500, detail: `check-in: HTTP ${status}` };
  }

  /** Sends with the cached token; after a 401, once more with a fresh one. */
  private async withToken(request: (token: string) => { url: string; headers: Record<string, string>; body: unknown }, signal: AbortSignal): Promise<Call> {
    for (let attempt = 1; ; attempt++) {
      const token = await abortable(this.tokens.get(), signal);
      if (!token.ok) return { kind: 'token', result: token };
      const result = await postJson({ ...request(token.token), timeoutMs: this.target.timeoutMs }, signal);
      if (attempt === 2 || !result.ok || result.reply.status !== 401) return { kind: 'post', result };
      this.tokens.invalidate(token.token);
    }
  }
}

function tokenOutcome(failure: Extract<TokenResult, { ok: false }>): IdentifyOutcome {
  if (failure.failure === 'credentials') return { kind: 'credentialsRefused', status: 401 };
  return { kind: 'serviceProblem', reason: failure.failure, detail: failure.detail };
}

/** The promise's value, or a rejection with the signal's reason once it aborts. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error as Error);
      },
    );
  });
}

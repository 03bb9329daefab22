/**
 * Each hand-off is signed, so the till can tell it came from this kiosk and is fresh:
 * `X-Kiosk-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with handoff.secret>`.
 * The timestamp is inside what is signed: a till that refuses signatures older than a few
 * minutes cannot be fed a recorded request again (its Idempotency-Key catches the rest).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-kiosk-signature';

export function signature(body: string, secret: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

export type Verdict = { ok: true } | { ok: false; reason: 'malformed' | 'stale' | 'mismatch' };

/** What a till does with the header (the README's receiver does the same in a few lines). */
export function verifySignature(header: string | undefined, body: string, secret: string, nowSeconds: number, toleranceSeconds = 300): Verdict {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!match?.[1] || !match[2]) return { ok: false, reason: 'malformed' };
  const t = Number(match[1]);
  if (Math.abs(nowSeconds - t) > toleranceSeconds) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(signature(body, secret, t).split('v1=')[1] ?? '', 'hex');
  const given = Buffer.from(match[2], 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given) ? { ok: true } : { ok: false, reason: 'mismatch' };
}

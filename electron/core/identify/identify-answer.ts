/**
 * Reads the identify API's answers (`004_2f068c8d5fa0209d.txt`). The back end is outside this
 * kiosk: its JSON is checked with zod and anything unexpected is a `badAnswer`, not a crash.
 */
import { z } from 'zod';
import type { CodeProblemReason } from '../../shared/session-view';
import type { IdentifiedMember } from './identify-outcome';

const MemberAnswerSchema = z.object({
  balances: z
    .array(z.object({ amount: z.number().finite(), currency: z.string().max(32) }))
    .max(20)
    .default([]),
  loyaltyUser: z.object({
    id: z.string().max(100),
    name: z.string().max(200),
  }),
  order: z
    .array(
      z.object({
        productId: z.string().min(1).max(64),
        quantity: z.number().int().min(0).max(999),
        productType: z.string().max(32).optional(),
      }),
    )
    .max(100)
    .default([]),
  transactionId: z.string().max(100).optional(),
});

export function readMemberAnswer(body: unknown): IdentifiedMember | null {
  const parsed = MemberAnswerSchema.safeParse(body);
  if (!parsed.success) return null;
  const answer = parsed.data;
  const balance = answer.balances.find((b) => b.currency.toLowerCase() === 'points') ?? answer.balances[0] ?? null;
  return {
    loyaltyId: answer.loyaltyUser.id,
    name: answer.loyaltyUser.name,
    points: balance,
    order: answer.order.map((line) => ({
      productId: line.productId,
      quantity: line.quantity,
      productType: line.productType ?? null,
    })),
    transactionId: answer.transactionId ?? null,
  };
}

/**
 * The API document's error codes. A Map, not an object: the code is the back end's text, and
 * `"constructor"` or `"__proto__"` must find nothing rather than what every object inherits.
 */
const ERROR_CODES: ReadonlyMap<string, CodeProblemReason> = new Map([
  ['IdentificationFailed', 'identificationFailed'],
  ['OrderSelectionStatusUnclaimable', 'alreadyUsed'],
  ['InvalidIdentifier', 'invalidCode'],
  ['IdentifierTypeDisabled', 'typeDisabled'],
]);

/**
 * The error body's format is only called "standard" by the API document, so look for a known
 * error code in any string field at the top level or one level down (`{"error": {"code": …}}`).
 */
export function readErrorReason(body: unknown): CodeProblemReason {
  for (const value of stringsNear(body)) {
    const reason = ERROR_CODES.get(value);
    if (reason) return reason;
  }
  return 'invalidCode';
}

function stringsNear(body: unknown, depth = 0): string[] {
  if (typeof body === 'string') return [body];
  if (depth > 1 || typeof body !== 'object' || body === null) return [];
  return Object.values(body).flatMap((value) => stringsNear(value, depth + 1));
}

/**
 * What the till receives for each identification the customer saw (`member` and `notMember`):
 * enough to apply the rewards, never the scanned code. Its JSON Schema is
 * docs/handoff/identification.schema.json; a change here is a change there.
 */
import { randomUUID } from 'node:crypto';
import type { IdentifiedMember } from '../identify/identify-outcome';
import { firstNameOf } from '../session/member-view';

export const SCHEMA_VERSION = 1;

export interface Identification {
  schemaVersion: 1;
  /** The idempotency key: the back end's transactionId, else a random UUID (a non-member has none). */
  id: string;
  kind: 'member' | 'notMember';
  transactionId: string | null;
  loyaltyUserId: string | null;
  firstName: string | null;
  points: { amount: number; currency: string } | null;
  orderLines: Array<{ productId: string; name: string | null; quantity: number; productType: string | null }>;
  storeId: string;
  terminalId: string;
  /** When the customer's screen showed it (ISO 8601, UTC). */
  identifiedAt: string;
}

export interface IdentificationContext {
  storeId: string;
  terminalId: string;
  catalog: Record<string, string>;
  now: Date;
}

/**
 * The back end's transactionId as the key, when it is one: printable ASCII without spaces, as
 * it travels in an HTTP header and an SSE `id:` line. Anything else (empty, a line break) is not
 * trusted with either, and the identification gets a UUID of its own.
 */
const USABLE_KEY = /^[\x21-\x7e]{1,100}$/;

export function memberIdentification(member: IdentifiedMember, context: IdentificationContext): Identification {
  const transactionId = member.transactionId !== null && USABLE_KEY.test(member.transactionId) ? member.transactionId : null;
  return {
    schemaVersion: SCHEMA_VERSION,
    id: transactionId ?? randomUUID(),
    kind: 'member',
    transactionId,
    loyaltyUserId: member.loyaltyId,
    firstName: firstNameOf(member.name) || null,
    points: member.points,
    orderLines: member.order.map((line) => ({ productId: line.productId, name: context.catalog[line.productId] ?? null, quantity: line.quantity, productType: line.productType })),
    storeId: context.storeId,
    terminalId: context.terminalId,
    identifiedAt: context.now.toISOString(),
  };
}

/** A Vipps customer who is not a member: the till may offer to sign them up. No phone number. */
export function notMemberIdentification(context: IdentificationContext): Identification {
  return {
    schemaVersion: SCHEMA_VERSION,
    id: randomUUID(),
    kind: 'notMember',
    transactionId: null,
    loyaltyUserId: null,
    firstName: null,
    points: null,
    orderLines: [],
    storeId: context.storeId,
    terminalId: context.terminalId,
    identifiedAt: context.now.toISOString(),
  };
}

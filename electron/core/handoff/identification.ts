/**
 * What the till receives for each identification the customer saw (`member` and `notMember`):
 * enough to apply the rewards, never the scanned code. Its JSON Schema is
 * docs/handoff/identification.schema.json; a change here is a change there.
 */
import { randomUUID } from 'node:crypto';
import type { IdentifiedMember } from '../identify/identify-outcome';
import type { ParsedScan } from '../scan/parse-scan';
import { firstNameOf, type Catalog } from '../session/member-view';

/** 2: `identifiedBy` (a v1 till validating with additionalProperties: false would refuse it). */
export const SCHEMA_VERSION = 2;

/**
 * How the customer was identified, so that a till can ask before it spends rewards on a weak
 * one. Strongest first:
 * - `appCode`: the loyalty app's one-time code (OTP), fresh on the customer's phone;
 * - `loyaltyId`: the member's loyalty ID (a UUID), a code that does not change;
 * - `personalQrToken`: a tokenized personal QR code (Vipps or MobilePay), which Vipps MobilePay
 *   exchanged for the customer's number;
 * - `phoneNumber`: a phone number, from a Vipps phone-form code (exchanged or read locally: the
 *   exchange gives back the number in the code, so it proves nothing more). Anyone can make one.
 * Tills must treat a value they do not know as the weakest (new ways, e.g. a typed code, may come).
 */
export const IDENTIFIED_BY = ['appCode', 'loyaltyId', 'personalQrToken', 'phoneNumber'] as const;
export type IdentifiedBy = (typeof IDENTIFIED_BY)[number];

export function identifiedByOf(scanKind: ParsedScan['kind']): IdentifiedBy {
  switch (scanKind) {
    case 'otp':
      return 'appCode';
    case 'loyaltyId':
      return 'loyaltyId';
    case 'vippsToken':
      return 'personalQrToken';
    case 'vippsPhone':
      return 'phoneNumber';
  }
}

export interface Identification {
  schemaVersion: typeof SCHEMA_VERSION;
  /** The idempotency key: the back end's transactionId, else a random UUID (a non-member has none). */
  id: string;
  kind: 'member' | 'notMember';
  identifiedBy: IdentifiedBy;
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
  identifiedBy: IdentifiedBy;
  storeId: string;
  terminalId: string;
  catalog: Catalog;
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
    identifiedBy: context.identifiedBy,
    transactionId,
    loyaltyUserId: member.loyaltyId,
    firstName: firstNameOf(member.name) || null,
    points: member.points,
    orderLines: member.order.map((line) => ({ productId: line.productId, name: context.catalog.get(line.productId) ?? null, quantity: line.quantity, productType: line.productType })),
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
    identifiedBy: context.identifiedBy,
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

/** What one identification came to, independent of HTTP: the session maps it to a screen. */
import type { CodeProblemReason, ServiceProblemReason } from '../../shared/session-view';

export interface OrderLine {
  productId: string;
  quantity: number;
  productType: string | null;
}

/** The member as the back end described them; held by main only while their screen shows. */
export interface IdentifiedMember {
  loyaltyId: string;
  name: string;
  points: { amount: number; currency: string } | null;
  order: OrderLine[];
  transactionId: string | null;
}

export type IdentifyOutcome =
  | { kind: 'member'; member: IdentifiedMember }
  /** `vippsCheckIn`: the customer's phone was told (a Vipps code on a kiosk set up for Vipps). */
  | { kind: 'notFound'; vippsCheckIn?: boolean }
  | { kind: 'codeProblem'; reason: CodeProblemReason }
  | { kind: 'credentialsRefused'; status: number }
  | { kind: 'serviceProblem'; reason: ServiceProblemReason; detail: string };

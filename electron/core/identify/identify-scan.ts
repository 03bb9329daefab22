/**
 * From a parsed scan to an outcome: OTPs and loyalty IDs are identified as they are; a Vipps
 * personal QR code is first turned into a phone number (the token form through Vipps' exchange),
 * identified with it as the membership check, and then, beside the screen, checked in with
 * Vipps so the customer's phone shows whether they are a member.
 */
import type { ParsedScan } from '../scan/parse-scan';
import type { VippsClient } from '../vipps/vipps-client';
import type { IdentifyOutcome } from './identify-outcome';

export interface IdentifyScanDeps {
  identify(identifier: string, signal: AbortSignal): Promise<IdentifyOutcome>;
  /** Null when the kiosk has no Vipps set-up: phone codes identify, token codes cannot. */
  vipps(): VippsClient | null;
  /** Starts a check-in and returns at once: it must never delay the customer's screen. */
  checkIn(client: VippsClient, phoneNumber: string, isMember: boolean): void;
}

export async function identifyScan(scan: ParsedScan, signal: AbortSignal, deps: IdentifyScanDeps): Promise<IdentifyOutcome> {
  switch (scan.kind) {
    case 'otp':
    case 'loyaltyId':
      return deps.identify(scan.identifier, signal);
    case 'vippsPhone':
      return checkMembership(scan.identifier, deps.vipps(), signal, deps);
    case 'vippsToken': {
      const vipps = deps.vipps();
      if (!vipps) return { kind: 'codeProblem', reason: 'vippsNotAccepted' };
      const exchanged = await vipps.exchange(scan.qrCode, signal);
      if (!exchanged.ok) return exchanged.outcome;
      return checkMembership(exchanged.msisdn, vipps, signal, deps);
    }
  }
}

async function checkMembership(phoneNumber: string, vipps: VippsClient | null, signal: AbortSignal, deps: IdentifyScanDeps): Promise<IdentifyOutcome> {
  const outcome = await deps.identify(phoneNumber, signal);
  // Only a definite answer is worth telling the customer's phone; a failed look-up says nothing.
  if (!vipps || (outcome.kind !== 'member' && outcome.kind !== 'notFound')) return outcome;
  deps.checkIn(vipps, phoneNumber, outcome.kind === 'member');
  return outcome.kind === 'notFound' ? { kind: 'notFound', vippsCheckIn: true } : outcome;
}

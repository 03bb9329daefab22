/**
 * From a parsed scan to an outcome: OTPs and loyalty IDs are identified as they are; a personal
 * QR code (Vipps or MobilePay) is turned into a phone number by Vipps MobilePay's exchange,
 * identified with it as the membership check, and then, beside the screen, checked in with
 * Vipps so the customer's phone shows whether they are a member.
 *
 * Vipps' phone-form codes still carry the number in clear, but Vipps MobilePay's QR API guide
 * "strongly recommends" the exchange for them too (Vipps will move to tokenized codes): with a
 * Vipps set-up every personal QR code is exchanged, and the number in the code is used only when
 * the exchange cannot be reached (timeout, network, 5xx), which is logged. Without one, the
 * phone form identifies with its number, as it always did.
 */
import type { Logger } from '../log/logger';
import type { ParsedScan } from '../scan/parse-scan';
import type { VippsClient } from '../vipps/vipps-client';
import type { IdentifyOutcome } from './identify-outcome';

export interface IdentifyScanDeps {
  identify(identifier: string, signal: AbortSignal): Promise<IdentifyOutcome>;
  /** Null when the kiosk has no Vipps set-up: phone codes identify, token codes cannot. */
  vipps(): VippsClient | null;
  /** Starts a check-in and returns at once: it must never delay the customer's screen. */
  checkIn(client: VippsClient, phoneNumber: string, isMember: boolean): void;
  log: Pick<Logger, 'warn'>;
}

export async function identifyScan(scan: ParsedScan, signal: AbortSignal, deps: IdentifyScanDeps): Promise<IdentifyOutcome> {
  switch (scan.kind) {
    case 'otp':
    case 'loyaltyId':
      return deps.identify(scan.identifier, signal);
    case 'vippsPhone': {
      const vipps = deps.vipps();
      if (!vipps) return checkMembership(scan.identifier, null, signal, deps);
      const exchanged = await vipps.exchange(scan.qrCode, signal);
      if (exchanged.ok) return checkMembership(exchanged.msisdn, vipps, signal, deps);
      if (!unreachable(exchanged.outcome)) return failed(exchanged.outcome, deps);
      deps.log.warn('vipps-exchange-fallback', { reason: exchanged.outcome.reason, detail: exchanged.outcome.detail, using: 'the number in the phone-form code' });
      return checkMembership(scan.identifier, vipps, signal, deps);
    }
    case 'vippsToken': {
      const vipps = deps.vipps();
      if (!vipps) return { kind: 'codeProblem', reason: 'vippsNotAccepted' };
      const exchanged = await vipps.exchange(scan.qrCode, signal);
      if (!exchanged.ok) return failed(exchanged.outcome, deps);
      return checkMembership(exchanged.msisdn, vipps, signal, deps);
    }
  }
}

/** The exchange could not be reached at all: it may answer next time, and the code is not at fault. */
function unreachable(outcome: IdentifyOutcome): outcome is Extract<IdentifyOutcome, { kind: 'serviceProblem' }> {
  return outcome.kind === 'serviceProblem' && (outcome.reason === 'timeout' || outcome.reason === 'unreachable' || outcome.reason === 'serverError');
}

/** A failed exchange as the customer sees it; a service problem is also logged, with why. */
function failed(outcome: IdentifyOutcome, deps: IdentifyScanDeps): IdentifyOutcome {
  if (outcome.kind === 'serviceProblem') deps.log.warn('vipps-exchange-failed', { reason: outcome.reason, detail: outcome.detail });
  return outcome;
}

async function checkMembership(phoneNumber: string, vipps: VippsClient | null, signal: AbortSignal, deps: IdentifyScanDeps): Promise<IdentifyOutcome> {
  const outcome = await deps.identify(phoneNumber, signal);
  // Only a definite answer is worth telling the customer's phone; a failed look-up says nothing.
  if (!vipps || (outcome.kind !== 'member' && outcome.kind !== 'notFound')) return outcome;
  deps.checkIn(vipps, phoneNumber, outcome.kind === 'member');
  return outcome.kind === 'notFound' ? { kind: 'notFound', vippsCheckIn: true } : outcome;
}

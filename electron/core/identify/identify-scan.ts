/**
 * From a parsed scan to an outcome: OTPs and loyalty IDs are identified as they are; a personal
 * QR code (Vipps or MobilePay) is turned into a phone number by Vipps MobilePay's exchange,
 * identified with it as the membership check, and then, beside the screen, checked in with
 * Vipps so the customer's phone shows whether they are a member.
 *
 * Vipps' phone-form codes carry the number in clear, and anyone can make one for any number:
 * what they do is the chain's choice (`personalQr.phoneForm`, config-schema.ts). Exchanged (Vipps
 * MobilePay's QR API guide "strongly recommends" it; the default with Vipps), the exchange must
 * answer: one that cannot be reached is a service problem, never a fall-back to the number in
 * the code. Refused, the customer is asked for the code in their app. Read locally, the number
 * is looked up as it is, only where the chain chose that.
 */
import type { PhoneFormPolicy } from '../config/config-schema';
import type { Logger } from '../log/logger';
import type { ParsedScan } from '../scan/parse-scan';
import type { VippsClient } from '../vipps/vipps-client';
import type { IdentifyOutcome } from './identify-outcome';

export interface IdentifyScanDeps {
  identify(identifier: string, signal: AbortSignal): Promise<IdentifyOutcome>;
  /** Null when the kiosk has no Vipps set-up: no exchange, no check-in. */
  vipps(): VippsClient | null;
  /** What phone-form codes do here (the configured choice, or the set-up's default). */
  phoneForm(): PhoneFormPolicy;
  /**
   * Starts a check-in and returns at once (it must never delay the customer's screen): true when
   * one was started, false when the number cannot be checked in (not Norwegian: skipped, logged).
   */
  checkIn(client: VippsClient, phoneNumber: string, isMember: boolean): boolean;
  log: Pick<Logger, 'warn'>;
}

export async function identifyScan(scan: ParsedScan, signal: AbortSignal, deps: IdentifyScanDeps): Promise<IdentifyOutcome> {
  switch (scan.kind) {
    case 'otp':
    case 'loyaltyId':
      return deps.identify(scan.identifier, signal);
    case 'vippsPhone':
      return identifyPhoneForm(scan, signal, deps);
    case 'vippsToken': {
      const vipps = deps.vipps();
      if (!vipps) return { kind: 'codeProblem', reason: 'vippsNotAccepted' };
      return exchangeAndCheck(scan.qrCode, vipps, signal, deps);
    }
  }
}

function identifyPhoneForm(scan: Extract<ParsedScan, { kind: 'vippsPhone' }>, signal: AbortSignal, deps: IdentifyScanDeps): Promise<IdentifyOutcome> {
  const vipps = deps.vipps();
  const policy = deps.phoneForm();
  if (policy === 'local') return checkMembership(scan.identifier, vipps, signal, deps);
  // The configuration refuses "exchange" without Vipps; should a set-up lose it anyway, refuse.
  if (policy === 'exchange' && vipps) return exchangeAndCheck(scan.qrCode, vipps, signal, deps);
  return Promise.resolve({ kind: 'codeProblem', reason: 'phoneCodeRefused' });
}

async function exchangeAndCheck(qrCode: string, vipps: VippsClient, signal: AbortSignal, deps: IdentifyScanDeps): Promise<IdentifyOutcome> {
  const exchanged = await vipps.exchange(qrCode, signal);
  if (!exchanged.ok) {
    // Why, for staff: never the code or a number (the outcome carries neither).
    if (exchanged.outcome.kind === 'serviceProblem') deps.log.warn('vipps-exchange-failed', { reason: exchanged.outcome.reason, detail: exchanged.outcome.detail });
    return exchanged.outcome;
  }
  return checkMembership(exchanged.msisdn, vipps, signal, deps);
}

async function checkMembership(phoneNumber: string, vipps: VippsClient | null, signal: AbortSignal, deps: IdentifyScanDeps): Promise<IdentifyOutcome> {
  const outcome = await deps.identify(phoneNumber, signal);
  // Only a definite answer is worth telling the customer's phone; a failed look-up says nothing.
  if (!vipps || (outcome.kind !== 'member' && outcome.kind !== 'notFound')) return outcome;
  const checkedIn = deps.checkIn(vipps, phoneNumber, outcome.kind === 'member');
  return outcome.kind === 'notFound' ? { kind: 'notFound', vippsCheckIn: checkedIn } : outcome;
}

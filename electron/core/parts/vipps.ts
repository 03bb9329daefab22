/**
 * Vipps MobilePay: the client for the configured Vipps (or the sandbox's), the check-ins sent
 * beside the screen, and which codes are personal QR codes. The client, and its cached access
 * token with it, is kept across configurations while its target is the same.
 */
import { isSameValue } from '../../shared/same-value';
import type { KioskConfig, PhoneFormPolicy } from '../config/config-schema';
import type { Logger } from '../log/logger';
import type { KioskMetrics } from '../metrics/kiosk-metrics';
import type { Product } from '../product';
import { SANDBOX_PERSONAL_QR_ORIGINS } from '../sandbox/sandbox-members';
import { VIPPS_QR_ORIGIN } from '../scan/personal-qr';
import { CheckInSender } from '../vipps/check-in-sender';
import { isCheckInNumber, VippsClient } from '../vipps/vipps-client';
import type { VippsTarget } from '../vipps/vipps-target';
import { SANDBOX_TIMEOUT_MS, type BackEnd } from './back-end';
import type { KioskPart } from './kiosk-part';

export interface Vipps extends KioskPart {
  /** Null: no Vipps (no exchange, no check-in). */
  client(): VippsClient | null;
  kind(): 'configured' | 'sandbox' | 'off';
  personalQrOrigins(): readonly string[];
  /** What phone-form codes do: the configured choice, else `exchange` with Vipps and `refuse` without. */
  phoneForm(): PhoneFormPolicy;
  /**
   * Starts a check-in and returns at once (it never delays the customer's screen): true when
   * one started; false for a number the Check-in API does not take (outside Norway: skipped,
   * logged and counted).
   */
  checkIn(client: VippsClient, phoneNumber: string, isMember: boolean): boolean;
}

export function createVipps(deps: { config: () => KioskConfig; backEnd: BackEnd; product: Product; metrics: KioskMetrics; log: Logger }): Vipps {
  let client: VippsClient | null = null;
  const checkIns = new CheckInSender({ log: deps.log, onResult: (result) => deps.metrics.checkIn(result) });

  /** The configured Vipps, else on the sandbox the sandbox's; null: no exchange, no check-in. */
  const targetFor = (config: KioskConfig): VippsTarget | null => {
    const configured = config.vipps;
    const { product } = deps;
    if (configured) {
      return {
        baseUrl: configured.baseUrl,
        clientId: configured.clientId,
        clientSecret: configured.clientSecret ?? '',
        subscriptionKey: configured.subscriptionKey ?? '',
        merchantSerialNumber: configured.merchantSerialNumber,
        loyaltyProgramName: configured.loyaltyProgramName ?? null,
        timeoutMs: configured.timeoutMs,
        product,
      };
    }
    const sandbox = deps.backEnd.sandbox();
    if (config.identify || !sandbox) return null;
    return { baseUrl: sandbox.baseUrl, ...sandbox.vipps, loyaltyProgramName: 'Sandbox Rewards', timeoutMs: SANDBOX_TIMEOUT_MS, product };
  };

  return {
    name: 'Vipps',
    apply({ after }) {
      const next = targetFor(after);
      if (!isSameValue(next, client?.target ?? null)) client = next ? new VippsClient(next) : null;
    },
    stop: () => checkIns.stop(),
    client: () => client,
    kind: () => (deps.config().vipps ? 'configured' : client ? 'sandbox' : 'off'),
    personalQrOrigins: () => deps.config().vipps?.personalQrOrigins ?? (client ? SANDBOX_PERSONAL_QR_ORIGINS : [VIPPS_QR_ORIGIN]),
    phoneForm: () => deps.config().personalQr.phoneForm ?? (client ? 'exchange' : 'refuse'),
    checkIn(vipps, phoneNumber, isMember) {
      if (!isCheckInNumber(phoneNumber)) {
        // The country code alone: it says why, and is nobody's number.
        deps.log.info('vipps-check-in-skipped', { isMember, reason: 'the Check-in API takes Norwegian numbers (47) only', countryCode: phoneNumber.startsWith('358') ? '358' : phoneNumber.slice(0, 2) });
        deps.metrics.checkIn('skipped');
        return false;
      }
      // After the screen: the session publishes the outcome in the same turn, the check-in starts later.
      setImmediate(() => void checkIns.send(vipps, phoneNumber, isMember));
      return true;
    },
  };
}

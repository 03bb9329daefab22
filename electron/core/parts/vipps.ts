/**
 * Vipps MobilePay: the client for the configured Vipps (or the sandbox's), the check-ins sent
 * beside the screen, and which codes are personal QR codes. The client, and its cached access
 * token with it, is kept across configurations while its target is the same.
 */
import { isSameValue } from '../../shared/same-value';
import type { KioskConfig } from '../config/config-schema';
import type { Logger } from '../log/logger';
import type { KioskMetrics } from '../metrics/kiosk-metrics';
import type { Product } from '../product';
import { SANDBOX_PERSONAL_QR_ORIGINS } from '../sandbox/sandbox-members';
import { VIPPS_QR_ORIGIN } from '../scan/personal-qr';
import { CheckInSender } from '../vipps/check-in-sender';
import { VippsClient } from '../vipps/vipps-client';
import type { VippsTarget } from '../vipps/vipps-target';
import { SANDBOX_TIMEOUT_MS, type BackEnd } from './back-end';
import type { KioskPart } from './kiosk-part';

export interface Vipps extends KioskPart {
  /** Null: no Vipps (no exchange, no check-in). */
  client(): VippsClient | null;
  kind(): 'configured' | 'sandbox' | 'off';
  personalQrOrigins(): readonly string[];
  /** Starts a check-in and returns at once: it never delays the customer's screen. */
  checkIn(client: VippsClient, phoneNumber: string, isMember: boolean): void;
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
    // After the screen: the session publishes the outcome in the same turn, the check-in starts later.
    checkIn: (vipps, phoneNumber, isMember) => setImmediate(() => void checkIns.send(vipps, phoneNumber, isMember)),
  };
}

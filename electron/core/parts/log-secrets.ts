/** The kiosk's log never writes the configured secrets' values, whatever a library's error message quotes. */
import type { KioskLogger } from '../log/logger';
import type { KioskPart } from './kiosk-part';

export function logSecrets(log: KioskLogger | null): KioskPart {
  return {
    name: 'log secrets',
    apply({ after }) {
      const { identify, vipps, handoff, telemetry } = after;
      log?.setSecrets([
        identify?.token,
        vipps?.clientSecret,
        vipps?.subscriptionKey,
        handoff?.secret,
        handoff?.listen?.token,
        telemetry?.prometheus?.token,
        ...Object.values(telemetry?.otlp?.headers ?? {}),
      ]);
    },
  };
}

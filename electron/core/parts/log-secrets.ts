/** The kiosk's log never writes the configured secrets' values, whatever a library's error message quotes. */
import type { KioskLogger } from '../log/logger';
import type { KioskPart } from './kiosk-part';

export function logSecrets(log: KioskLogger | null): KioskPart {
  return {
    name: 'log secrets',
    apply({ after }) {
      log?.setSecrets([after.identify?.token, after.vipps?.clientSecret, after.vipps?.subscriptionKey, after.handoff?.secret, after.handoff?.listen?.token]);
    },
  };
}

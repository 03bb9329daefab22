/** One log line for each configuration that took effect: where from, which back end, which Vipps, what phone-form codes do. */
import type { ConfigHolder } from '../config/config-holder';
import type { Logger } from '../log/logger';
import type { BackEnd } from './back-end';
import type { KioskPart } from './kiosk-part';
import type { Vipps } from './vipps';

export function configLogged(deps: { config: ConfigHolder; backEnd: BackEnd; vipps: Vipps; log: Logger }): KioskPart {
  return {
    name: 'config log',
    apply() {
      const source = deps.config.source();
      // `numberQr`: what personalQr.phoneForm says; a field named "phone…" would be redacted as a number.
      deps.log.info('config-loaded', { source: source.kind, path: source.path, backEnd: deps.backEnd.kind(), vipps: deps.vipps.kind(), numberQr: deps.vipps.phoneForm() });
    },
  };
}

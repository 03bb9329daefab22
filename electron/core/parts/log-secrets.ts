/**
 * The kiosk's log never writes the configured secrets' values, whatever a library's error message
 * quotes. A new configuration's secrets are known to the log before any part applies it (the old
 * ones stay known until it has), and a refused file's telemetry secrets too when its telemetry runs.
 */
import type { KioskConfig } from '../config/config-schema';
import type { KioskLogger } from '../log/logger';
import type { KioskPart } from './kiosk-part';

type Secret = string | undefined;

function secretsOf(config: Pick<KioskConfig, 'identify' | 'vipps' | 'handoff' | 'telemetry'>): Secret[] {
  const { identify, vipps, handoff, telemetry } = config;
  return [identify?.token, vipps?.clientSecret, vipps?.subscriptionKey, handoff?.secret, handoff?.listen?.token, ...telemetrySecrets(telemetry)];
}

function telemetrySecrets(telemetry: KioskConfig['telemetry']): Secret[] {
  return [telemetry?.prometheus?.token, ...Object.values(telemetry?.otlp?.headers ?? {})];
}

export function logSecrets(log: KioskLogger | null): KioskPart {
  let known: Secret[] = [];
  const setSecrets = (secrets: Secret[]) => {
    known = secrets;
    log?.setSecrets(secrets);
  };
  return {
    name: 'log secrets',
    prepare: ({ before, after }) => setSecrets([...secretsOf(before), ...secretsOf(after)]),
    apply: ({ after }) => setSecrets(secretsOf(after)),
    refuse: ({ telemetry }) => setSecrets([...known, ...telemetrySecrets(telemetry)]),
  };
}

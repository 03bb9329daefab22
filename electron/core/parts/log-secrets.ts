/**
 * The kiosk's log never writes the configured secrets' values, whatever a library's error message
 * quotes. A new configuration's secrets are known to the log before any part applies it (the old
 * ones stay known until it has), and a refused file's telemetry and support API secrets too when they run.
 */
import type { KioskConfig } from '../config/config-schema';
import type { KioskLogger } from '../log/logger';
import type { KioskPart } from './kiosk-part';

type Secret = string | undefined;

function secretsOf(config: Pick<KioskConfig, 'identify' | 'vipps' | 'handoff' | 'telemetry' | 'fleet'>): Secret[] {
  const { identify, vipps, handoff, telemetry, fleet } = config;
  return [identify?.token, vipps?.clientSecret, vipps?.subscriptionKey, handoff?.secret, handoff?.listen?.token, fleet?.api?.token, ...telemetrySecrets(telemetry)];
}

/** The metrics token, and each OTLP header's value, also without its scheme ("Bearer x": x too). */
function telemetrySecrets(telemetry: KioskConfig['telemetry']): Secret[] {
  const headers = Object.values(telemetry?.otlp?.headers ?? {});
  return [telemetry?.prometheus?.token, ...headers, ...headers.map((value) => /^\S+\s+(\S{8,})$/.exec(value)?.[1])];
}

export function logSecrets(log: KioskLogger | null): KioskPart {
  /** The secrets of the configuration in force. */
  let applied: Secret[] = [];
  return {
    name: 'log secrets',
    prepare: ({ before, after }) => log?.setSecrets([...secretsOf(before), ...secretsOf(after)]),
    apply: ({ after }) => {
      applied = secretsOf(after);
      log?.setSecrets(applied);
    },
    refuse: ({ telemetry, fleet }) => log?.setSecrets([...applied, ...telemetrySecrets(telemetry), fleet?.api?.token]),
  };
}

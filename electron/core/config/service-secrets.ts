/**
 * The shared secrets of the services the kiosk offers or calls besides the loyalty back end
 * (the till's hand-off, the metrics endpoint and push, the support API): taken from the environment over the
 * file, and refused when missing or guessable. Staff mode never sets these.
 */
import type { FieldIssue } from '../../shared/staff-view';
import type { KioskConfig } from './config-schema';
import { MIN_FLEET_API_TOKEN } from './fleet-schema';
import { SECRET_ENV } from './secret-env';

/** A signing key or bearer token shorter than this is guessable. */
export const MIN_SHARED_SECRET = 16;

/** Sets each service's secrets from the environment where given; the problems found. */
export function applyServiceSecrets(config: KioskConfig, fromEnv: (name: keyof typeof SECRET_ENV) => string | undefined): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const shared = (field: string, value: string | undefined, envName: string, needed: boolean) => {
    if (!value) {
      if (needed) issues.push({ field, message: `missing (set it in the file or in ${envName})`, code: 'missingNoStaff', params: { envName } });
    } else if (value.length < MIN_SHARED_SECRET) {
      issues.push({ field, message: `must be at least ${MIN_SHARED_SECRET} characters`, code: 'sharedSecretShort', params: { minimum: MIN_SHARED_SECRET } });
    }
  };
  const { handoff, telemetry, fleet } = config;
  if (handoff) {
    handoff.secret = fromEnv('handoffSecret') ?? handoff.secret;
    shared('handoff.secret', handoff.secret, SECRET_ENV.handoffSecret, handoff.url !== null);
    if (handoff.listen) {
      handoff.listen.token = fromEnv('handoffToken') ?? handoff.listen.token;
      shared('handoff.listen.token', handoff.listen.token, SECRET_ENV.handoffToken, true);
    }
  }
  if (telemetry?.prometheus) {
    telemetry.prometheus.token = fromEnv('metricsToken') ?? telemetry.prometheus.token;
    shared('telemetry.prometheus.token', telemetry.prometheus.token, SECRET_ENV.metricsToken, true);
  }
  if (fleet?.api) {
    fleet.api.token = fromEnv('fleetApiToken') ?? fleet.api.token;
    const { token } = fleet.api;
    if (!token) issues.push({ field: 'fleet.api.token', message: `missing (set it in the file or in ${SECRET_ENV.fleetApiToken})`, code: 'missingNoStaff', params: { envName: SECRET_ENV.fleetApiToken } });
    else if (token.length < MIN_FLEET_API_TOKEN) issues.push({ field: 'fleet.api.token', message: `must be at least ${MIN_FLEET_API_TOKEN} characters`, code: 'sharedSecretShort', params: { minimum: MIN_FLEET_API_TOKEN } });
  }
  if (telemetry?.otlp) {
    const fromEnvHeaders = parseHeaderList(fromEnv('otlpHeaders'));
    if (fromEnvHeaders === null) issues.push({ field: SECRET_ENV.otlpHeaders, message: 'must be a list like "Authorization=Bearer abc,X-Scope-OrgID=chain"', code: 'wrongType', params: { expected: 'Name=value,Name=value' } });
    else telemetry.otlp.headers = { ...telemetry.otlp.headers, ...fromEnvHeaders };
  }
  return issues;
}

/**
 * `Name=value,Name2=value2`, as OpenTelemetry's own OTEL_EXPORTER_OTLP_HEADERS has it (values
 * may be percent-encoded); {} for nothing, null when malformed. A name `__proto__` is malformed,
 * as in the file (schema-parts.ts, ownRecord): assigned to an object it would be lost unsaid.
 */
export function parseHeaderList(text: string | undefined): Record<string, string> | null {
  if (!text) return {};
  const headers = new Map<string, string>();
  for (const pair of text.split(',')) {
    const at = pair.indexOf('=');
    const name = pair.slice(0, at).trim();
    if (at < 1 || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/.test(name) || name === '__proto__') return null;
    let value: string;
    try {
      value = decodeURIComponent(pair.slice(at + 1).trim());
    } catch {
      return null;
    }
    if (!value || /\p{Cc}/u.test(value)) return null;
    headers.set(name, value);
  }
  return Object.fromEntries(headers);
}

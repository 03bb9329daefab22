/**
 * A secret belongs to the origin it was set for. The kiosk sends a credential only to the
 * address (scheme, host and port) it was entered or provisioned together with:
 * - a secret staff type in is sealed with the origin of its service's URL at that moment, inside
 *   the ciphertext (so editing the staff file cannot rebind it), and applies only while that
 *   service's URL has that origin;
 * - a secret from the provisioning file, and one from the environment (set by whoever
 *   provisions the machine, with the file), goes only to the provisioning file's own URL for
 *   its service: a staff-changed URL on another origin gets neither.
 * Without this, anyone who learned the PIN could point a URL at their own server and receive the
 * chain's credentials with the next "Test connection" or scan.
 */
import { SECRET_ENV } from './secret-env';
import type { SecretStore } from './secret-store';
import { valueAt, type StaffLayer } from './staff-layer';

export interface SecretBinding {
  /** The config path of the URL the secrets are sent to. */
  url: string;
  /** The secrets sent there (config paths), each with the environment variable that may supply it. */
  secrets: ReadonlyArray<{ path: string; env: string }>;
}

/**
 * Every URL stored beside a secret. Staff can edit only the first two URLs today; the others are
 * listed so that the rule holds the day one of them becomes editable.
 */
export const SECRET_BINDINGS: readonly SecretBinding[] = [
  { url: 'identify.baseUrl', secrets: [{ path: 'identify.token', env: SECRET_ENV.identifyToken }] },
  {
    url: 'vipps.baseUrl',
    secrets: [
      { path: 'vipps.clientSecret', env: SECRET_ENV.vippsClientSecret },
      { path: 'vipps.subscriptionKey', env: SECRET_ENV.vippsSubscriptionKey },
    ],
  },
  { url: 'handoff.url', secrets: [{ path: 'handoff.secret', env: SECRET_ENV.handoffSecret }] },
  { url: 'telemetry.otlp.url', secrets: [{ path: 'telemetry.otlp.headers', env: SECRET_ENV.otlpHeaders }] },
];

/** The binding a secret path belongs to. */
export function bindingOf(secretPath: string): SecretBinding | undefined {
  return SECRET_BINDINGS.find((binding) => binding.secrets.some((secret) => secret.path === secretPath));
}

/** `https://host[:port]` of an http(s) URL (lower case, default port dropped); null for anything else. */
export function originOf(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** A secret that was set for one origin and would now go to another (or to none). */
export interface MovedSecret {
  path: string;
  env: string;
  /** Where it would go now. */
  origin: string | null;
  /** Where it belongs (the provisioning file's URL, or a staff secret's sealed origin). */
  belongsTo: string | null;
}

/**
 * Takes the provisioning file's secrets out of `settings` (the file with staff changes laid
 * over it) where staff moved their service's URL to another origin; `env` likewise loses the
 * variables that would supply them. What was taken out is listed, so the error can say why.
 */
export function withoutMovedFileSecrets(file: unknown, settings: Record<string, unknown>, env: NodeJS.ProcessEnv): { settings: Record<string, unknown>; env: NodeJS.ProcessEnv; moved: MovedSecret[] } {
  const moved: MovedSecret[] = [];
  let result = settings;
  const keptEnv: NodeJS.ProcessEnv = { ...env };
  for (const binding of SECRET_BINDINGS) {
    const belongsTo = originOf(valueAt(file, binding.url));
    const origin = originOf(valueAt(settings, binding.url));
    if (origin === belongsTo) continue;
    for (const secret of binding.secrets) {
      const inFile = valueAt(file, secret.path) !== undefined;
      const inEnv = Boolean(env[secret.env]?.trim());
      if (!inFile && !inEnv) continue;
      if (inFile) result = withoutPath(result, secret.path);
      delete keptEnv[secret.env];
      moved.push({ path: secret.path, env: secret.env, origin, belongsTo });
    }
  }
  return { settings: result, env: keptEnv, moved };
}

/** Whether the environment supplies this secret for the URL in force: only for the provisioning file's own origin. */
export function envSecretApplies(env: NodeJS.ProcessEnv, secretPath: string, file: unknown, settings: unknown): string | null {
  const binding = bindingOf(secretPath);
  const name = binding?.secrets.find((secret) => secret.path === secretPath)?.env;
  if (!binding || !name || !env[name]?.trim()) return null;
  return originOf(valueAt(file, binding.url)) === originOf(valueAt(settings, binding.url)) ? name : null;
}

/**
 * What is encrypted for a staff secret: a marker line, the origin, the secret. Secrets never hold
 * a line break (the schema refuses control characters), so one saved before origins were kept,
 * which is the secret alone, is told apart: it has no origin (`unsealSecret` says null).
 */
const SEALED = 'origin-bound-secret/1';

export function sealSecret(origin: string, secret: string): string {
  return `${SEALED}\n${origin}\n${secret}`;
}

export function unsealSecret(plain: string): { origin: string | null; secret: string } {
  const [marker, origin, ...rest] = plain.split('\n');
  if (marker !== SEALED || origin === undefined || rest.length === 0) return { origin: null, secret: plain };
  return { origin, secret: rest.join('\n') };
}

/**
 * The staff layer's secrets that apply to `settings`: decryptable here, not supplied by the
 * environment for the URL in force, their service still there, and sealed for its URL's origin
 * (one saved before origins were kept goes to the URL in force, as it did then, until staff
 * next save, which seals it). `failed`: a path this machine cannot decrypt.
 */
export function staffSecretsInForce(
  layer: StaffLayer,
  settings: Record<string, unknown>,
  env: NodeJS.ProcessEnv,
  store: SecretStore | undefined,
): { entries: Array<[string, string]>; moved: MovedSecret[]; failed: string | null } {
  const entries: Array<[string, string]> = [];
  const moved: MovedSecret[] = [];
  if (!store?.status().available) return { entries, moved, failed: null };
  for (const [secretPath, cipher] of Object.entries(layer.secrets)) {
    const binding = bindingOf(secretPath);
    const url = binding ? valueAt(settings, binding.url) : undefined;
    const envName = binding?.secrets.find((secret) => secret.path === secretPath)?.env ?? '';
    if (cipher === undefined || !binding || url === undefined || env[envName]?.trim()) continue;
    let plain: string;
    try {
      plain = store.decrypt(cipher);
    } catch {
      return { entries, moved, failed: secretPath };
    }
    const { origin, secret } = unsealSecret(plain);
    if (origin === null || origin === originOf(url)) entries.push([secretPath, secret]);
    else moved.push({ path: secretPath, env: envName, origin: originOf(url), belongsTo: origin });
  }
  return { entries, moved, failed: null };
}

/** A copy of `config` without the value at `configPath`. */
function withoutPath(config: Record<string, unknown>, configPath: string): Record<string, unknown> {
  const copy = structuredClone(config);
  const parts = configPath.split('.');
  const last = parts.pop() ?? '';
  let node: unknown = copy;
  for (const part of parts) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  if (typeof node === 'object' && node !== null && Object.hasOwn(node, last)) delete (node as Record<string, unknown>)[last];
  return copy;
}

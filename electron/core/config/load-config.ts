/**
 * Finds, reads and validates the configuration file, and applies secrets from the environment.
 * Never throws for a bad file: it returns one clear error naming the fields, so the kiosk can
 * show `needsStaff` instead of crashing.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ConfigSchema, type KioskConfig } from './config-schema';

export type ConfigSource = { kind: 'file'; path: string } | { kind: 'defaults'; path: string };

export type ConfigResult =
  | { ok: true; config: KioskConfig; source: ConfigSource }
  | { ok: false; error: string; source: ConfigSource };

/** Environment variables that may carry secrets instead of the file. */
export const SECRET_ENV = {
  identifyToken: 'KIOSK_IDENTIFY_TOKEN',
  vippsClientSecret: 'KIOSK_VIPPS_CLIENT_SECRET',
  vippsSubscriptionKey: 'KIOSK_VIPPS_SUBSCRIPTION_KEY',
} as const;

/** `KIOSK_CONFIG` when set, else `config.json` in the user-data folder. */
export function resolveConfigPath(env: NodeJS.ProcessEnv, userDataDir: string): { path: string; explicit: boolean } {
  const fromEnv = env.KIOSK_CONFIG?.trim();
  if (fromEnv) return { path: path.resolve(fromEnv), explicit: true };
  return { path: path.join(userDataDir, 'config.json'), explicit: false };
}

export async function loadConfig(env: NodeJS.ProcessEnv, userDataDir: string): Promise<ConfigResult> {
  const { path: file, explicit } = resolveConfigPath(env, userDataDir);
  let textContent: string;
  try {
    textContent = await readFile(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const source: ConfigSource = { kind: 'defaults', path: file };
    // A missing default file means a fresh install: run on defaults (the embedded sandbox).
    // A missing file that KIOSK_CONFIG names is an operator's mistake and must be said.
    if (missing && !explicit) return validate({}, env, source);
    return { ok: false, error: `Configuration file ${file} cannot be read (${describeFsError(error)})`, source };
  }
  const source: ConfigSource = { kind: 'file', path: file };
  let raw: unknown;
  try {
    raw = JSON.parse(textContent);
  } catch (error) {
    // Never echo the parser's message: V8 quotes the text around the error, which may be a secret.
    return { ok: false, error: `Configuration file ${file} is not valid JSON${jsonErrorPlace(textContent, error)}`, source };
  }
  return validate(raw, env, source);
}

/** Validates a parsed configuration object and merges secrets from the environment. */
export function validate(raw: unknown, env: NodeJS.ProcessEnv, source: ConfigSource): ConfigResult {
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, error: `Configuration ${where(source)} is invalid: ${formatIssues(parsed.error)}`, source };
  }
  const config = parsed.data;
  const missing: string[] = [];
  const fromEnv = (name: keyof typeof SECRET_ENV) => {
    const value = env[SECRET_ENV[name]]?.trim() || undefined;
    // Secrets travel in HTTP headers: a line break would break the request (and fetch's error quotes it).
    if (value && /\p{Cc}/u.test(value)) {
      missing.push(`${SECRET_ENV[name]}: must not contain control characters (line breaks, tabs)`);
      return undefined;
    }
    return value;
  };
  if (config.identify) {
    config.identify.token = fromEnv('identifyToken') ?? config.identify.token;
    if (!config.identify.token) missing.push(`identify.token: missing (set it in the file or in ${SECRET_ENV.identifyToken})`);
  }
  if (config.vipps) {
    config.vipps.clientSecret = fromEnv('vippsClientSecret') ?? config.vipps.clientSecret;
    config.vipps.subscriptionKey = fromEnv('vippsSubscriptionKey') ?? config.vipps.subscriptionKey;
    if (!config.vipps.clientSecret) missing.push(`vipps.clientSecret: missing (set it in the file or in ${SECRET_ENV.vippsClientSecret})`);
    if (!config.vipps.subscriptionKey) missing.push(`vipps.subscriptionKey: missing (set it in the file or in ${SECRET_ENV.vippsSubscriptionKey})`);
  }
  if (missing.length) return { ok: false, error: `Configuration ${where(source)} is invalid: ${[...new Set(missing)].join('; ')}`, source };
  return { ok: true, config, source };
}

/** "identify.timeoutMs: Too small…; storeId: …" — field paths first, never the values. */
export function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.length ? issue.path.map(String).join('.') : '(top level)';
      if (issue.code === 'unrecognized_keys') {
        const prefix = issue.path.length ? `${field}.` : '';
        return issue.keys.map((key) => `${prefix}${key}: unknown field`).join('; ');
      }
      return `${field}: ${issue.message}`;
    })
    .join('; ');
}

/** " (line L, column C)" where the parser gave a position, else "". */
function jsonErrorPlace(text: string, error: unknown): string {
  const position = /position (\d+)/.exec((error as Error).message)?.[1];
  if (position === undefined) return '';
  const before = text.slice(0, Number(position)).split('\n');
  return ` (line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1})`;
}

function where(source: ConfigSource): string {
  return source.kind === 'file' ? `in ${source.path}` : '(defaults)';
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (code ?? String(error));
}

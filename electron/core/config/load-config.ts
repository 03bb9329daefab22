/**
 * Finds, reads, layers and validates the configuration, and applies secrets from the environment.
 * Never throws for a bad file: it returns one clear error naming the fields, so the kiosk can
 * show `needsStaff` instead of crashing.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FieldIssue } from '../../shared/staff-view';
import { fieldIssues, formatIssues } from './config-issues';
import { readTrustedFile, UntrustedFileError } from './file-trust';
import { ConfigSchema, type KioskConfig } from './config-schema';
import { SCHEMA_MESSAGES } from './schema-parts';
import { SECRET_ENV } from './secret-env';
import { staffSecretsInForce, withoutMovedFileSecrets, type MovedSecret } from './secret-origins';
import { applyServiceSecrets } from './service-secrets';
import { osProvisioningPath } from './provisioning-path';
import type { SecretStore } from './secret-store';
import { isPinHash } from '../staff/pin-hash';
import { withFleetLayer, type FleetLayer } from '../fleet/fleet-layer';
import { settleListeners } from './listener-schema';
import { applyPaths, STAFF_SETTINGS_FILE, StaffLayerSchema, valueAt, type StaffLayer } from './staff-layer';

/** Where the configuration came from: the provisioning file (or none), the fleet configuration over it (its serial), the staff layer. */
export type ConfigSource = { kind: 'file' | 'defaults'; path: string; staffPath: string; fleet?: { serial: number; receivedAt: string } | null };

/** One problem, by config path (the staff form shows it beside its field). */
export type { FieldIssue } from '../../shared/staff-view';

export type ConfigResult =
  | { ok: true; config: KioskConfig; source: ConfigSource }
  /**
   * `pinHash`: the provisioning file's PIN hash when it is well-formed, so staff can still open
   * staff mode (and see what is wrong) while the rest of the configuration is invalid.
   */
  | { ok: false; error: string; source: ConfigSource; issues?: FieldIssue[]; pinHash?: string; salvage?: Salvage };

/**
 * What an invalid file still says validly of the kiosk's identity, telemetry and fleet: enough
 * for a kiosk that starts on it to tell its fleet so (kiosk_info, kiosk_config_valid 0).
 */
export type Salvage = Partial<Pick<KioskConfig, 'storeId' | 'terminalId' | 'telemetry' | 'fleet'>>;

export interface LoadOptions {
  platform?: NodeJS.Platform;
  /** Decrypts the secrets staff saved; none (the web shell): staff secrets are not applied. */
  secrets?: SecretStore;
  /** Instead of the staff file: a layer about to be saved, checked before it is written. */
  staffLayer?: StaffLayer;
  /** Staff secrets that layer drops (set for another origin): a missing one is said as such. */
  dropped?: readonly MovedSecret[];
  /** Instead of the stored fleet configuration: one just received, checked before it is kept. */
  fleetLayer?: FleetLayer;
}

/**
 * The provisioning file: `KIOSK_CONFIG` when set, else the OS's machine-wide place when it
 * exists, else `config.json` in the user-data folder (DESIGN.md's place, for a single kiosk).
 */
export function resolveConfigPath(env: NodeJS.ProcessEnv, userDataDir: string, platform: NodeJS.Platform = process.platform): { path: string; explicit: boolean } {
  const fromEnv = env.KIOSK_CONFIG?.trim();
  if (fromEnv) return { path: path.resolve(fromEnv), explicit: true };
  const machineWide = osProvisioningPath(platform, env);
  if (existsSync(machineWide)) return { path: machineWide, explicit: false };
  return { path: path.join(userDataDir, 'config.json'), explicit: false };
}

/**
 * Every file whose appearance or change may change the configuration: the one `KIOSK_CONFIG`
 * names, else both the machine-wide place and the user-data one (a provisioning file rolled out
 * after the first start must take over without a restart).
 */
export function configCandidatePaths(env: NodeJS.ProcessEnv, userDataDir: string, platform: NodeJS.Platform = process.platform): string[] {
  const fromEnv = env.KIOSK_CONFIG?.trim();
  if (fromEnv) return [path.resolve(fromEnv)];
  return [osProvisioningPath(platform, env), path.join(userDataDir, 'config.json')];
}

export function staffSettingsPath(userDataDir: string): string {
  return path.join(userDataDir, STAFF_SETTINGS_FILE);
}

/**
 * Defaults < provisioning file < staff changes < environment (secrets). Each file is checked on
 * its own first, so an error names the file it is in; the kiosk never runs half-configured.
 */
export async function loadConfig(env: NodeJS.ProcessEnv, userDataDir: string, options: LoadOptions = {}): Promise<ConfigResult> {
  const { path: file, explicit } = resolveConfigPath(env, userDataDir, options.platform);
  const staffPath = staffSettingsPath(userDataDir);
  const provisioning = await readJsonFile(file, explicit, readTrustedFile);
  const source: ConfigSource = { kind: provisioning.ok && provisioning.value !== undefined ? 'file' : 'defaults', path: file, staffPath };
  if (!provisioning.ok) return { ok: false, error: provisioning.error, source };
  const staff = options.staffLayer ? { ok: true as const, layer: options.staffLayer } : await readStaffLayer(staffPath);
  if (!staff.ok) return { ok: false, error: staff.error, source };
  const { value: base = {}, fleet } = await withFleetLayer(provisioning.value, userDataDir, options.fleetLayer); // the chain's, over the file
  if (fleet) source.fleet = { serial: fleet.serial, receivedAt: fleet.receivedAt };
  if (typeof base !== 'object' || base === null || Array.isArray(base)) {
    return { ok: false, error: `Configuration in ${file} is invalid: (top level): must be a JSON object`, source };
  }
  const locked = lockedPaths(base);
  const staffSettings = applyPaths(base as Record<string, unknown>, Object.entries(staff.layer.settings), locked);
  // A secret goes only to the origin it was set for (secret-origins.ts): the file's and the
  // environment's to the file's URLs, staff's to the URL they were typed for.
  const { settings, env: envInForce, moved } = withoutMovedFileSecrets(base, staffSettings, env);
  // The secret store is asked only when there is a staff secret: on Linux the first look at
  // safeStorage may unlock the keyring, with a password prompt on the customer's screen.
  const store = Object.keys(staff.layer.secrets).length > 0 ? options.secrets : undefined;
  const staffSecrets = staffSecretsInForce(staff.layer, settings, envInForce, store);
  if (staffSecrets.failed) {
    return { ok: false, error: `Staff settings in ${staffPath} are invalid: ${staffSecrets.failed}: cannot be decrypted on this machine (set it again in staff mode)`, source, pinHash: validPinHash(base) };
  }
  const secrets = staffSecrets.entries;
  const merged = applyPaths(settings, secrets, locked);
  const result = validate(merged, envInForce, source, true, [...moved, ...staffSecrets.moved, ...(options.dropped ?? [])]);
  if (result.ok) return result;
  // A value staff set is staff's to fix: say so, and where it is kept.
  const fromStaff = [...Object.keys(staff.layer.settings), ...Object.keys(staff.layer.secrets)];
  const touchesStaff = result.issues?.some((issue) => fromStaff.some((path) => issue.field === path || issue.field.split('.')[0] === path.split('.')[0]));
  return { ...result, error: touchesStaff ? `${result.error} (staff changes are in ${staffPath})` : result.error, pinHash: validPinHash(base) };
}

/** The provisioning file's own values (no staff changes, no defaults); undefined when there is none or it cannot be read. */
export async function readProvisioningValues(env: NodeJS.ProcessEnv, userDataDir: string, platform?: NodeJS.Platform): Promise<unknown> {
  const { path: file, explicit } = resolveConfigPath(env, userDataDir, platform);
  const read = await readJsonFile(file, explicit, readTrustedFile);
  return read.ok ? (await withFleetLayer(read.value, userDataDir)).value : undefined; // what staff changes lie over
}

type JsonRead = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * The parsed file; undefined when it is missing and was not asked for by name. The provisioning
 * file is read only when nobody else could have written it (file-trust.ts).
 */
async function readJsonFile(file: string, required: boolean, read: (file: string) => Promise<string> = (each) => readFile(each, 'utf8')): Promise<JsonRead> {
  let text: string;
  try {
    text = await read(file);
  } catch (error) {
    if (error instanceof UntrustedFileError) return { ok: false, error: `Configuration file ${file} is refused: ${error.message}` };
    // A missing default file means a fresh install: run on defaults (the embedded sandbox).
    // A missing file that KIOSK_CONFIG names is an operator's mistake and must be said.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !required) return { ok: true, value: undefined };
    return { ok: false, error: `Configuration file ${file} cannot be read (${describeFsError(error)})` };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    // Never echo the parser's message: V8 quotes the text around the error, which may be a secret.
    return { ok: false, error: `Configuration file ${file} is not valid JSON${jsonErrorPlace(text, error)}` };
  }
}

export async function readStaffLayer(file: string): Promise<{ ok: true; layer: StaffLayer } | { ok: false; error: string }> {
  const read = await readJsonFile(file, false);
  if (!read.ok) return read;
  const parsed = StaffLayerSchema.safeParse(read.value ?? {});
  if (!parsed.success) return { ok: false, error: `Staff settings in ${file} are invalid: ${formatIssues(parsed.error)}` };
  return { ok: true, layer: parsed.data };
}

function validPinHash(base: object): string | undefined {
  const hash = valueAt(base, 'staff.pinHash');
  return typeof hash === 'string' && isPinHash(hash) ? hash : undefined;
}

/** The provisioning file's `locked` list, when it is a list of strings (the schema checks the rest). */
function lockedPaths(base: object): string[] {
  const locked = (base as { locked?: unknown }).locked;
  return Array.isArray(locked) ? locked.filter((entry): entry is string => typeof entry === 'string') : [];
}

/**
 * Validates a parsed configuration object and merges secrets from the environment. An invalid
 * one still yields what it says validly of the kiosk's identity and telemetry (`Salvage`).
 */
export function validate(raw: unknown, env: NodeJS.ProcessEnv, source: ConfigSource, salvage = true, moved: readonly MovedSecret[] = []): ConfigResult {
  const invalid = (issues: FieldIssue[]): ConfigResult => ({
    ok: false,
    error: `Configuration ${where(source)} is invalid: ${issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ')}`,
    source,
    issues,
    ...(salvage ? { salvage: salvageOf(raw, env, source) } : {}),
  });
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldIssues(parsed.error));
  const config = parsed.data;
  const issues: FieldIssue[] = [];
  const fromEnv = (name: keyof typeof SECRET_ENV): string | undefined => {
    const value = env[SECRET_ENV[name]]?.trim() || undefined;
    // Secrets travel in HTTP headers: a line break would break the request (and fetch's error quotes it).
    if (value && /\p{Cc}/u.test(value)) {
      issues.push({ field: SECRET_ENV[name], message: SCHEMA_MESSAGES.controlCharacters, code: 'controlCharacters' });
      return undefined;
    }
    return value;
  };
  const missing = (field: string, envName: string) => {
    const away = moved.find((secret) => secret.path === field);
    // Set, but for another address: say so, so staff know to type it again for this one.
    if (away) issues.push({ field, message: `must be entered again for ${away.origin ?? 'the new address'} (the one set belongs to ${away.belongsTo ?? 'no address'})`, code: 'secretNewOrigin', params: { origin: away.origin ?? '', belongsTo: away.belongsTo ?? '' } });
    else issues.push({ field, message: `missing (set it in the file, in staff mode or in ${envName})`, code: 'missing', params: { envName } });
  };
  if (config.identify) {
    config.identify.token = fromEnv('identifyToken') ?? config.identify.token;
    if (!config.identify.token) missing('identify.token', SECRET_ENV.identifyToken);
  }
  if (config.vipps) {
    config.vipps.clientSecret = fromEnv('vippsClientSecret') ?? config.vipps.clientSecret;
    config.vipps.subscriptionKey = fromEnv('vippsSubscriptionKey') ?? config.vipps.subscriptionKey;
    if (!config.vipps.clientSecret) missing('vipps.clientSecret', SECRET_ENV.vippsClientSecret);
    if (!config.vipps.subscriptionKey) missing('vipps.subscriptionKey', SECRET_ENV.vippsSubscriptionKey);
  }
  issues.push(...applyServiceSecrets(config, fromEnv));
  issues.push(...settleListeners(config, path.dirname(source.path)));
  if (issues.length) return invalid(issues);
  return { ok: true, config, source };
}

/** Each of `raw`'s store, terminal and telemetry as the kiosk would run it, when it alone is valid. */
function salvageOf(raw: unknown, env: NodeJS.ProcessEnv, source: ConfigSource): Salvage {
  const salvage: Salvage = {};
  if (typeof raw !== 'object' || raw === null) return salvage;
  for (const key of ['storeId', 'terminalId', 'telemetry', 'fleet'] as const) {
    const value = (raw as Record<string, unknown>)[key];
    if (value === undefined) continue;
    const alone = validate({ [key]: value }, env, source, false);
    if (alone.ok) Object.assign(salvage, { [key]: alone.config[key] });
  }
  return salvage;
}

/** " (line L, column C)" where the parser gave a position, else "". */
function jsonErrorPlace(text: string, error: unknown): string {
  const position = /position (\d+)/.exec((error as Error).message)?.[1];
  if (position === undefined) return '';
  const before = text.slice(0, Number(position)).split('\n');
  return ` (line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1})`;
}

function where(source: ConfigSource): string {
  return `${source.kind === 'file' ? `in ${source.path}` : '(defaults)'}${source.fleet ? ` with the fleet configuration (serial ${source.fleet.serial})` : ''}`;
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (code ?? String(error));
}

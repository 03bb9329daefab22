/**
 * What a staff save (or a "Test connection" of the form's values) makes of the staff layer:
 * the changed values, the secrets typed anew sealed with the origin of their service's URL as
 * it will be, and the stored secrets of a service whose URL moves to another origin dropped
 * (secret-origins.ts). Nothing is written here: the caller checks the result as a whole first.
 */
import { EDITABLE_PATHS, SECRET_PATHS, type EditablePath, type FieldIssue, type SecretPath, type SettingValue } from '../../shared/staff-view';
import type { KioskConfig } from '../config/config-schema';
import { bindingOf, envSecretApplies, originOf, sealSecret, unsealSecret, type MovedSecret } from '../config/secret-origins';
import type { SecretStore } from '../config/secret-store';
import { applyPaths, valueAt, type StaffLayer } from '../config/staff-layer';

export interface StaffSaveRequest {
  values: Partial<Record<EditablePath, SettingValue>>;
  /** Write-only: a non-empty value replaces the secret; absent leaves it as it is. */
  secrets: Partial<Record<SecretPath, string>>;
}

/**
 * Optional settings whose emptied field means "none". Every other emptied field (a Terminal ID,
 * a back end's URL) drops the staff change instead: an accidental clear must never turn a
 * store's kiosk to the sandbox or leave it without an ID.
 */
const NONE_ALLOWED: ReadonlySet<EditablePath> = new Set(['scanners.camera.deviceId', 'scanners.serial.path', 'vipps.loyaltyProgramName']);

export interface LayerChangeContext {
  /** The configuration in force (its locked list, and where unsealed secrets have been going). */
  config: KioskConfig;
  /** The provisioning file's own values. */
  provisioned: unknown;
  env: NodeJS.ProcessEnv;
  secrets: SecretStore;
}

export interface LayerChange {
  layer: StaffLayer;
  errors: FieldIssue[];
  /** Stored secrets this change drops, their service's URL moving to another origin. */
  dropped: MovedSecret[];
}

export function changeLayer(current: StaffLayer, request: StaffSaveRequest, context: LayerChangeContext): LayerChange {
  const { config, provisioned, env, secrets: store } = context;
  const layer: StaffLayer = structuredClone(current);
  const errors: FieldIssue[] = [];
  const dropped: MovedSecret[] = [];

  for (const field of EDITABLE_PATHS) {
    if (!Object.hasOwn(request.values, field)) continue;
    if (config.locked.includes(field)) {
      errors.push({ field, message: 'is locked by the provisioning file', code: 'locked' });
      continue;
    }
    const value = request.values[field];
    const emptied = value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
    if (!emptied) layer.settings[field] = value;
    // "None" of something optional (no serial port, the first camera found, no programme name)
    // is a choice of its own, kept over the provisioning file's value.
    else if (NONE_ALLOWED.has(field) && valueAt(provisioned, field) != null) layer.settings[field] = null;
    // Otherwise emptied: the staff change goes, and the provisioning file's value (or the default) applies.
    else delete layer.settings[field];
  }

  // Where each service's URL will be, and so where its secrets may go.
  const after = applyPaths(asObject(provisioned), Object.entries(layer.settings), config.locked);
  const status = store.status();
  for (const field of SECRET_PATHS) {
    const binding = bindingOf(field);
    const origin = binding ? originOf(valueAt(after, binding.url)) : null;
    const typed = request.secrets[field]?.trim();
    if (typed) {
      const envName = envSecretApplies(env, field, provisioned, after);
      if (config.locked.includes(field)) errors.push({ field, message: 'is locked by the provisioning file', code: 'locked' });
      else if (envName) errors.push({ field, message: `comes from the environment variable ${envName} on this kiosk, which would override it`, code: 'secretFromEnv', params: { envName } });
      else if (!status.available) errors.push({ field, message: status.reason, code: 'secretStorage', params: { storage: status.code } });
      else if (origin === null) errors.push({ field, message: 'needs its service’s URL first: a secret is kept for the address it was entered for', code: 'secretWithoutUrl' });
      else layer.secrets[field] = store.encrypt(sealSecret(origin, typed));
      continue;
    }
    const cipher = layer.secrets[field];
    if (cipher === undefined || !binding || !status.available) continue;
    let stored: { origin: string | null; secret: string };
    try {
      stored = unsealSecret(store.decrypt(cipher));
    } catch {
      continue; // not this machine's: the check after names it, as at start
    }
    // One saved before origins were kept has been going to the URL in force: it belongs there.
    const belongsTo = stored.origin ?? originOf(valueAt(config, binding.url));
    if (belongsTo !== origin) {
      delete layer.secrets[field];
      dropped.push({ path: field, env: binding.secrets.find((secret) => secret.path === field)?.env ?? '', origin, belongsTo });
    } else if (stored.origin === null && origin !== null) {
      layer.secrets[field] = store.encrypt(sealSecret(origin, stored.secret));
    }
  }
  return { layer, errors, dropped };
}

/**
 * The origins each secret is held for here, by path: the provisioning file's URL when the file
 * or the environment supplies it, and the origin a staff secret was sealed with. No secret values.
 */
export function secretOrigins(layer: StaffLayer | null, context: LayerChangeContext): Partial<Record<SecretPath, string[]>> {
  const { config, provisioned, env, secrets: store } = context;
  const origins: Partial<Record<SecretPath, string[]>> = {};
  for (const field of SECRET_PATHS) {
    const binding = bindingOf(field);
    if (!binding) continue;
    const found = new Set<string>();
    const fileOrigin = originOf(valueAt(provisioned, binding.url));
    const envName = binding.secrets.find((secret) => secret.path === field)?.env ?? '';
    if (fileOrigin && (valueAt(provisioned, field) !== undefined || env[envName]?.trim())) found.add(fileOrigin);
    const cipher = layer?.secrets[field];
    if (cipher !== undefined && store.status().available) {
      try {
        const sealed = unsealSecret(store.decrypt(cipher)).origin ?? originOf(valueAt(config, binding.url));
        if (sealed) found.add(sealed);
      } catch {
        // not this machine's: it counts for no origin
      }
    }
    if (found.size) origins[field] = [...found];
  }
  return origins;
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

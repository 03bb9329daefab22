/**
 * Staff mode as main owns it: the PIN check with lockout, a staff session that ends after
 * 60 s without a staff request, and the settings form's read and save. Every staff request
 * but unlock is refused while staff mode is closed, whatever the page sends.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import {
  EDITABLE_PATHS,
  type FieldIssue,
  SECRET_PATHS,
  type EditablePath,
  type SecretPath,
  type SettingValue,
  type StaffSaveResult,
  type StaffSettingsView,
  type StaffUnlockResult,
} from '../../shared/staff-view';
import type { KioskConfig } from '../config/config-schema';
import { loadConfig, readProvisioningValues, readStaffLayer, secretEnvOverride, type ConfigSource } from '../config/load-config';
import type { SecretStore } from '../config/secret-store';
import { valueAt, type StaffLayer } from '../config/staff-layer';
import { PinLockout } from './pin-lockout';
import { verifyPin } from './pin-hash';

export const STAFF_IDLE_MS = 60_000;

/**
 * Optional settings whose emptied field means "none". Every other emptied field (a Terminal ID,
 * a back end's URL) drops the staff change instead: an accidental clear must never turn a
 * store's kiosk to the sandbox or leave it without an ID.
 */
const NONE_ALLOWED: ReadonlySet<EditablePath> = new Set(['scanners.camera.deviceId', 'scanners.serial.path', 'vipps.loyaltyProgramName']);

export interface StaffDeps {
  config(): KioskConfig;
  source(): ConfigSource;
  env: NodeJS.ProcessEnv;
  userDataDir: string;
  secrets: SecretStore;
  /** Applies the saved settings (the core's reload); resolves once they are live. */
  reload(): Promise<void>;
  cameras(): StaffSettingsView['cameras'];
  serialPorts(): Promise<StaffSettingsView['serialPorts']>;
  now?: () => number;
}

export interface StaffSaveRequest {
  values: Partial<Record<EditablePath, SettingValue>>;
  /** Write-only: a non-empty value replaces the secret; absent leaves it as it is. */
  secrets: Partial<Record<SecretPath, string>>;
}

export class StaffService {
  private readonly lockout: PinLockout;
  private openUntil = 0;
  private unlocking: Promise<unknown> = Promise.resolve();
  private saving: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: StaffDeps) {
    this.lockout = new PinLockout(deps.now);
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  isOpen(): boolean {
    return this.now() < this.openUntil;
  }

  /** One PIN check at a time: parallel guesses must not slip past the lockout's count. */
  unlock(pin: string): Promise<StaffUnlockResult> {
    const result = this.unlocking.then(() => this.checkPin(pin));
    this.unlocking = result.catch(() => undefined);
    return result;
  }

  private async checkPin(pin: string): Promise<StaffUnlockResult> {
    const pinHash = this.deps.config().staff.pinHash;
    if (!pinHash) return { ok: false, reason: 'noPin' };
    const state = this.lockout.state();
    if (state.locked) return { ok: false, reason: 'locked', retryInSeconds: state.retryInSeconds };
    if (!(await verifyPin(pin, pinHash))) {
      const after = this.lockout.recordWrong();
      return after.locked ? { ok: false, reason: 'locked', retryInSeconds: after.retryInSeconds } : { ok: false, reason: 'wrongPin', attemptsLeft: after.attemptsLeft };
    }
    this.lockout.recordRight();
    this.touch();
    return { ok: true };
  }

  close(): void {
    this.openUntil = 0;
  }

  /** Throws unless staff mode is open; keeps it open for another idle period. */
  requireOpen(): void {
    if (!this.isOpen()) throw new Error('Staff mode is closed');
    this.touch();
  }

  async settings(): Promise<StaffSettingsView> {
    this.requireOpen();
    const config = this.deps.config();
    const values = Object.fromEntries(EDITABLE_PATHS.map((field) => [field, (valueAt(config, field) as SettingValue | undefined) ?? null])) as Record<EditablePath, SettingValue>;
    const secretsSet = Object.fromEntries(SECRET_PATHS.map((field) => [field, Boolean(valueAt(config, field))])) as Record<SecretPath, boolean>;
    return {
      values,
      secretsSet,
      secretsFromEnv: Object.fromEntries(SECRET_PATHS.flatMap((field) => {
        const name = secretEnvOverride(this.deps.env, field);
        return name ? [[field, name]] : [];
      })),
      locked: [...config.locked],
      secretStorage: this.deps.secrets.status(),
      cameras: this.deps.cameras(),
      serialPorts: await this.deps.serialPorts().catch(() => []),
    };
  }

  /** One save at a time: each reads, checks and writes the staff file whole. */
  async save(request: StaffSaveRequest): Promise<StaffSaveResult> {
    this.requireOpen();
    const result = this.saving.then(() => this.saveNow(request));
    this.saving = result.catch(() => undefined);
    return result;
  }

  private async saveNow(request: StaffSaveRequest): Promise<StaffSaveResult> {
    this.requireOpen();
    const config = this.deps.config();
    const errors: FieldIssue[] = [];
    const staffPath = this.deps.source().staffPath;
    const current = await readStaffLayer(staffPath);
    // Never start over from nothing: that would silently drop every earlier change and secret.
    if (!current.ok) return { ok: false, errors: [{ field: '(staff settings)', message: `${current.error}. Fix or remove that file first.` }] };
    const layer: StaffLayer = structuredClone(current.layer);
    const provisioned = await readProvisioningValues(this.deps.env, this.deps.userDataDir);

    for (const field of EDITABLE_PATHS) {
      if (!(field in request.values)) continue;
      if (config.locked.includes(field)) {
        errors.push({ field, message: 'is locked by the provisioning file', code: 'locked' });
        continue;
      }
      const value = request.values[field];
      const emptied = value === null || (typeof value === 'string' && value.trim() === '');
      if (!emptied) layer.settings[field] = value;
      // "None" of something optional (no serial port, the first camera found, no programme name)
      // is a choice of its own, kept over the provisioning file's value.
      else if (NONE_ALLOWED.has(field) && valueAt(provisioned, field) != null) layer.settings[field] = null;
      // Otherwise emptied: the staff change goes, and the provisioning file's value (or the default) applies.
      else delete layer.settings[field];
    }
    const secretStatus = this.deps.secrets.status();
    for (const field of SECRET_PATHS) {
      const secret = request.secrets[field];
      if (secret === undefined || secret === '') continue;
      const envName = secretEnvOverride(this.deps.env, field);
      if (config.locked.includes(field)) errors.push({ field, message: 'is locked by the provisioning file', code: 'locked' });
      else if (envName) errors.push({ field, message: `comes from the environment variable ${envName} on this kiosk, which would override it`, code: 'secretFromEnv', params: { envName } });
      else if (!secretStatus.available) errors.push({ field, message: secretStatus.reason, code: 'secretStorage', params: { storage: secretStatus.code } });
      else layer.secrets[field] = this.deps.secrets.encrypt(secret.trim());
    }
    if (errors.length) return { ok: false, errors };

    // The same checks as at start, on the layers as they would be: nothing invalid is written.
    const checked = await loadConfig(this.deps.env, this.deps.userDataDir, { secrets: this.deps.secrets, staffLayer: layer });
    if (!checked.ok) return { ok: false, errors: checked.issues?.length ? checked.issues : [{ field: '(configuration)', message: checked.error }] };

    await mkdir(path.dirname(staffPath), { recursive: true });
    await writeFileAtomic(staffPath, `${JSON.stringify(layer, null, 2)}\n`, { mode: 0o600 });
    await this.deps.reload();
    return { ok: true };
  }

  private touch(): void {
    this.openUntil = this.now() + STAFF_IDLE_MS;
  }
}

/**
 * Staff mode as main owns it: the PIN check with its lockout (kept in user data), a staff
 * session that ends after 60 s without a staff request, and the settings form's read and save.
 * Every staff request but unlock is refused while staff mode is closed, whatever the page sends.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import {
  EDITABLE_PATHS,
  SECRET_PATHS,
  type ConnectionTestDraft,
  type EditablePath,
  type FieldIssue,
  type HealthView,
  type SecretPath,
  type SettingValue,
  type StaffSaveResult,
  type StaffSettingsView,
  type StaffUnlockResult,
} from '../../shared/staff-view';
import type { KioskConfig } from '../config/config-schema';
import { loadConfig, readProvisioningValues, readStaffLayer, type ConfigSource } from '../config/load-config';
import { envSecretApplies } from '../config/secret-origins';
import type { SecretStore } from '../config/secret-store';
import { valueAt } from '../config/staff-layer';
import type { Logger } from '../log/logger';
import { LOCKOUT_FILE } from './lockout-file';
import { PinLockout } from './pin-lockout';
import { MIN_PIN_DIGITS, verifyPin } from './pin-hash';
import { changeLayer, secretOrigins, type LayerChange, type LayerChangeContext, type StaffSaveRequest } from './staff-layer-change';

export type { StaffSaveRequest } from './staff-layer-change';

export const STAFF_IDLE_MS = 60_000;

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
  log?: Logger;
  /** A PIN refused: wrong, or tried while locked (the metrics count both). */
  onPinFailure?(reason: 'wrong' | 'locked'): void;
}

/** What "Test connection" would call with the form's values: the identify section, or why nothing may be sent. */
export type TestTarget =
  | { ok: true; identify: KioskConfig['identify'] }
  | { ok: false; outcome: 'secretNeeded' | 'invalidSettings'; detail: string };

export class StaffService {
  private readonly lockout: PinLockout;
  private openUntil = 0;
  private unlocking: Promise<unknown> = Promise.resolve();
  private saving: Promise<unknown> = Promise.resolve();
  /** The PIN hash last opened with a PIN shorter than new ones must be (health warns while it is in force). */
  private shortPinHash: string | null = null;

  constructor(private readonly deps: StaffDeps) {
    this.lockout = new PinLockout({ file: path.join(deps.userDataDir, LOCKOUT_FILE), log: deps.log, now: deps.now });
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
    const state = await this.lockout.state();
    if (state.locked) {
      this.deps.onPinFailure?.('locked');
      return { ok: false, reason: 'locked', retryInSeconds: state.retryInSeconds };
    }
    const ifWrong = await this.lockout.recordAttempt();
    if (!(await verifyPin(pin, pinHash))) {
      this.lockout.logWrong();
      this.deps.onPinFailure?.('wrong');
      return ifWrong.locked ? { ok: false, reason: 'locked', retryInSeconds: ifWrong.retryInSeconds } : { ok: false, reason: 'wrongPin', attemptsLeft: ifWrong.attemptsLeft };
    }
    await this.lockout.recordRight();
    this.shortPinHash = pin.length < MIN_PIN_DIGITS ? pinHash : null;
    if (this.shortPinHash) this.deps.log?.warn('staff-pin-short', { minimumDigits: MIN_PIN_DIGITS, message: 'the staff PIN is shorter than new PINs must be: set a new one (npm run hash-pin)' });
    this.touch();
    return { ok: true };
  }

  /** For the health view: whether the PIN in force was found shorter than new PINs must be. */
  pinHealth(): HealthView['staffPin'] {
    return { short: this.shortPinHash !== null && this.shortPinHash === this.deps.config().staff.pinHash, minimumDigits: MIN_PIN_DIGITS };
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
    const context = await this.context();
    const current = await readStaffLayer(this.deps.source().staffPath);
    const values = Object.fromEntries(EDITABLE_PATHS.map((field) => [field, (valueAt(config, field) as SettingValue | undefined) ?? null])) as Record<EditablePath, SettingValue>;
    const secretsSet = Object.fromEntries(SECRET_PATHS.map((field) => [field, Boolean(valueAt(config, field))])) as Record<SecretPath, boolean>;
    return {
      values,
      secretsSet,
      // Only where it applies: the environment's secrets go to the provisioning file's URLs alone.
      secretsFromEnv: Object.fromEntries(SECRET_PATHS.flatMap((field) => {
        const name = envSecretApplies(this.deps.env, field, context.provisioned, config);
        return name ? [[field, name]] : [];
      })),
      locked: [...config.locked],
      secretOrigins: secretOrigins(current.ok ? current.layer : null, context),
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

  /**
   * The identify section a save of the form's URL and token would put in force, by the save's
   * own rules (a token goes only to the origin it was set for), or why nothing may be sent.
   */
  async testTarget(draft: ConnectionTestDraft): Promise<TestTarget> {
    this.requireOpen();
    const request: StaffSaveRequest = { values: draft.baseUrl === undefined ? {} : { 'identify.baseUrl': draft.baseUrl }, secrets: draft.token ? { 'identify.token': draft.token } : {} };
    const change = await this.change(request);
    const checked = 'error' in change ? change : await this.check(change);
    if (!('error' in checked)) return { ok: true, identify: checked.config.identify };
    const issues = checked.error;
    const token = issues.find((issue) => issue.field === 'identify.token' && (issue.code === 'secretNewOrigin' || issue.code === 'missing'));
    if (token) return { ok: false, outcome: 'secretNeeded', detail: token.message };
    const own = issues.filter((issue) => issue.field.startsWith('identify.'));
    return { ok: false, outcome: 'invalidSettings', detail: (own.length ? own : issues).map((issue) => `${issue.field}: ${issue.message}`).join('; ') };
  }

  private async saveNow(request: StaffSaveRequest): Promise<StaffSaveResult> {
    this.requireOpen();
    const change = await this.change(request);
    if ('error' in change) return { ok: false, errors: change.error };
    const checked = await this.check(change);
    if ('error' in checked) return { ok: false, errors: checked.error };
    for (const secret of change.dropped) this.deps.log?.warn('staff-secret-dropped', { field: secret.path, from: secret.belongsTo, to: secret.origin });
    const staffPath = this.deps.source().staffPath;
    await mkdir(path.dirname(staffPath), { recursive: true });
    await writeFileAtomic(staffPath, `${JSON.stringify(change.layer, null, 2)}\n`, { mode: 0o600 });
    await this.deps.reload();
    return { ok: true };
  }

  /** The staff layer as `request` would make it, or the fields it is refused for. */
  private async change(request: StaffSaveRequest): Promise<LayerChange | { error: FieldIssue[] }> {
    const current = await readStaffLayer(this.deps.source().staffPath);
    // Never start over from nothing: that would silently drop every earlier change and secret.
    if (!current.ok) return { error: [{ field: '(staff settings)', message: `${current.error}. Fix or remove that file first.` }] };
    const change = changeLayer(current.layer, request, await this.context());
    return change.errors.length ? { error: change.errors } : change;
  }

  /** The same checks as at start, on the layers as they would be: nothing invalid is written or tried. */
  private async check(change: LayerChange): Promise<{ config: KioskConfig } | { error: FieldIssue[] }> {
    const checked = await loadConfig(this.deps.env, this.deps.userDataDir, { secrets: this.deps.secrets, staffLayer: change.layer, dropped: change.dropped });
    if (checked.ok) return { config: checked.config };
    return { error: checked.issues?.length ? checked.issues : [{ field: '(configuration)', message: checked.error }] };
  }

  private async context(): Promise<LayerChangeContext> {
    return { config: this.deps.config(), provisioned: await readProvisioningValues(this.deps.env, this.deps.userDataDir), env: this.deps.env, secrets: this.deps.secrets };
  }

  private touch(): void {
    this.openUntil = this.now() + STAFF_IDLE_MS;
  }
}

/**
 * The configuration in force, and how a new one takes over: as one transition, one at a time.
 * 1. each part `prepare`s for it while the old one still serves (the sandbox starts here);
 * 2. it becomes current;
 * 3. each part `apply`s it, in the order the core lists them, told what changed (`ConfigChange`);
 *    when one throws, the others apply all the same, and then every part is told of the problem.
 * An invalid file changes nothing but the problem shown (and keeps the provisioning PIN, so
 * staff can get in to fix it): each part is told through `refuse`.
 */
import type { Logger } from '../log/logger';
import type { KioskPart } from '../parts/kiosk-part';
import { ConfigSchema, type KioskConfig } from './config-schema';
import { configChange } from './config-change';
import type { ConfigResult, ConfigSource } from './load-config';

export class ConfigHolder {
  private config: KioskConfig = ConfigSchema.parse({});
  private configSource: ConfigSource = { kind: 'defaults', path: '', staffPath: '' };
  private configProblem: string | null = null;
  private applied = false;
  private queue: Promise<void> = Promise.resolve();
  private parts: readonly KioskPart[] = [];

  constructor(private readonly log: Logger) {}

  /** The parts told of each configuration, in this order (the core's list). Once. */
  use(parts: readonly KioskPart[]): void {
    if (this.parts.length) throw new Error('the configuration holder already has its parts');
    this.parts = parts;
  }

  /** The configuration in force (never a half-applied one). */
  current(): KioskConfig {
    return this.config;
  }

  source(): ConfigSource {
    return this.configSource;
  }

  /** Why the configuration on disk is not in force, or null. */
  problem(): string | null {
    return this.configProblem;
  }

  /** Loads and applies, after any transition under way (overlapping ones could leave the sandbox in the wrong state). */
  reload(load: () => Promise<ConfigResult>): Promise<void> {
    this.queue = this.queue
      .then(async () => this.transition(await load()))
      .catch((error: unknown) => {
        const message = `The kiosk could not apply its configuration: ${(error as Error).message}`;
        this.configProblem = message; // the staff view and kiosk_config_valid say so, as the screen does
        this.log.error('config-apply-failed', { message });
        for (const part of this.parts) part.refuse?.({ message, fields: [] });
      });
    return this.queue;
  }

  private async transition(result: ConfigResult): Promise<void> {
    this.configSource = result.source;
    this.configProblem = result.ok ? null : result.error;
    if (!result.ok) {
      // Staff must be able to get in to fix it: keep a PIN even when nothing else is valid.
      if (result.pinHash && !this.config.staff.pinHash) this.config = { ...this.config, staff: { ...this.config.staff, pinHash: result.pinHash } };
      // And the fleet must learn which kiosk it is (kiosk_info), if nothing valid ran before.
      const { storeId, terminalId } = result.salvage ?? {};
      if (!this.applied) this.config = { ...this.config, ...(storeId ? { storeId } : {}), ...(terminalId ? { terminalId } : {}) };
      this.log.error('config-invalid', { message: result.error });
      const problem = { message: result.error, fields: [...new Set((result.issues ?? []).map((issue) => issue.field))], telemetry: result.salvage?.telemetry, fleet: result.salvage?.fleet };
      for (const part of this.parts) part.refuse?.(problem);
      return;
    }
    const change = configChange(this.config, result.config, !this.applied);
    for (const part of this.parts) await part.prepare?.(change);
    this.config = result.config;
    this.applied = true;
    // The rest still apply after a part that fails (the configuration is current: a part left
    // behind would see no change in its section at the next reload); the failure then shows as
    // a configuration problem, as a refused file does.
    let failure: unknown = null;
    for (const part of this.parts) {
      try {
        await part.apply?.(change);
      } catch (error) {
        failure ??= error;
      }
    }
    if (failure !== null) throw failure;
  }
}

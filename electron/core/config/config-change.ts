/** What a new configuration changes, as each part of the kiosk is told (config-holder.ts). */
import { isSameValue } from '../../shared/same-value';
import type { KioskConfig } from './config-schema';

export interface ConfigChange {
  readonly before: KioskConfig;
  readonly after: KioskConfig;
  /** The first configuration since start: everything counts as changed. */
  readonly first: boolean;
  /** Whether what `select` picks (a part's section) differs between before and after. */
  changed<T>(select: (config: KioskConfig) => T): boolean;
}

export interface ConfigProblem {
  message: string;
  /** The fields at fault (for the needsStaff screen). */
  fields: string[];
  /**
   * The refused file's `telemetry` section, when that section alone is valid: a kiosk that
   * starts on a broken file still tells its fleet so (kiosk_config_valid 0).
   */
  telemetry?: KioskConfig['telemetry'];
  /** Likewise its `fleet` section: the support desk can still reach a kiosk whose file is broken. */
  fleet?: KioskConfig['fleet'];
}

export function configChange(before: KioskConfig, after: KioskConfig, first: boolean): ConfigChange {
  return { before, after, first, changed: (select) => first || !isSameValue(select(before), select(after)) };
}

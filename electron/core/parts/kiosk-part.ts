/**
 * One concern of the kiosk (its back end, Vipps, the scanners, the hand-off, …): it starts
 * itself, reacts to its own section of each new configuration, and stops itself. The core lists
 * its parts in one place (kiosk-core.ts), and the configuration holder calls them in that order.
 */
import type { ConfigChange, ConfigProblem } from '../config/config-change';

export interface KioskPart {
  /** For logs and errors. */
  readonly name: string;
  /** Before a new configuration becomes current, while the old one still serves: get ready for it. */
  prepare?(change: ConfigChange): Promise<void> | void;
  /** Once it is current. */
  apply?(change: ConfigChange): Promise<void> | void;
  /** An invalid configuration was refused (or could not be applied); the previous one stays. */
  refuse?(problem: ConfigProblem): void;
  stop?(): Promise<void> | void;
}

/** What a shell passes to `startKioskCore`: where its files live, its environment, and test seams. */
import type { SecretStore } from './config/secret-store';
import type { KioskLogger, Logger } from './log/logger';
import type { SandboxOptions } from './sandbox/sandbox-server';
import type { SerialScannerDeps } from './scan/serial-scanner';

export interface KioskCoreOptions {
  /** Where `config.json` lives when `KIOSK_CONFIG` is unset. */
  userDataDir: string;
  env: NodeJS.ProcessEnv;
  /** Default: JSON lines on stderr and a rotating file in `<userDataDir>/logs`. */
  logger?: Logger | KioskLogger;
  /** Encrypts staff-entered secrets (Electron's safeStorage); none in the web shell. */
  secrets?: SecretStore;
  /** The app's version, for the staff health view and Vipps' system headers. */
  version?: string;
  /** For tests: how the serial port is made and how long to wait before opening it again. */
  serial?: Pick<SerialScannerDeps, 'createPort' | 'retryDelayMs'>;
  /** For tests: the hand-off's wait before retry `attempt`. */
  handoffBackoffMs?: (attempt: number) => number;
  /** For tests: told of every request the embedded sandbox receives (to hold them to Vipps' published API files). */
  sandbox?: SandboxOptions;
}

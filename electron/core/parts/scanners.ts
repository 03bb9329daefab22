/**
 * The wired scanners: the keyboard-wedge detector (rebuilt only when `scanners.keyboard`
 * changes, so a burst arriving during a reload is not lost) and the serial scanner (restarted
 * only when `scanners.serial` changes). Both scan through the gate.
 */
import type { SerialState } from '../../shared/scanner-state';
import type { KioskConfig } from '../config/config-schema';
import type { Logger } from '../log/logger';
import type { KioskMetrics } from '../metrics/kiosk-metrics';
import { SerialScanner, type SerialScannerDeps } from '../scan/serial-scanner';
import { WedgeDetector, type TimedKey } from '../scan/wedge-detector';
import type { HealthStats } from '../staff/health-stats';
import type { KioskPart } from './kiosk-part';

export interface Scanners extends KioskPart {
  /** A key press, for the keyboard-wedge detector. */
  keyInput(key: TimedKey): void;
  /**
   * The keys so far were a person's, typed for the keypad (keypad-keys.ts): a burst that follows
   * is no tail of theirs, and they were no lost scan. A new detector holds nothing of them.
   */
  forgetTyping(): void;
  serialState(): SerialState;
}

export function createScanners(deps: {
  scan(text: string, scanner: 'keyboard' | 'serial'): void;
  stats: HealthStats;
  metrics: KioskMetrics;
  log: Logger;
  /** For tests: how the serial port is made and how long to wait before opening it again. */
  serial?: Pick<SerialScannerDeps, 'createPort' | 'retryDelayMs'>;
}): Scanners {
  const { log } = deps;
  let wedge: WedgeDetector | null = null;
  let serial: SerialScanner | null = null;
  let serialState: SerialState = { state: 'off', detail: null };
  let keyboard: KioskConfig['scanners']['keyboard'] | null = null;

  const wedgeFor = ({ enabled, maxInterKeyMs, layout }: KioskConfig['scanners']['keyboard']): WedgeDetector | null =>
    enabled
      ? new WedgeDetector({
          maxInterKeyMs,
          layout,
          onScan: (text) => deps.scan(text, 'keyboard'),
          // Never the characters: the length, why, and the largest gap say enough.
          onVoid: (burst) => {
            deps.stats.recordVoided();
            deps.metrics.scan('keyboard', 'voided');
            log.warn('scan-voided', { ...burst });
          },
        })
      : null;

  /** Stops the serial scanner and starts it again with `settings` (if a port is set). */
  const restartSerial = async ({ path, baudRate, prefix, suffix }: KioskConfig['scanners']['serial']): Promise<void> => {
    await serial?.stop();
    serial = null;
    if (!path) return;
    serial = new SerialScanner(
      { path, baudRate, prefix, suffix },
      {
        onScan: (text) => deps.scan(text, 'serial'),
        onState: (state) => {
          serialState = state;
          log.info('serial-state', { ...state });
        },
        ...deps.serial,
      },
    );
    serial.start();
  };

  return {
    name: 'scanners',
    async apply(change) {
      if (change.changed((config) => config.scanners.serial)) await restartSerial(change.after.scanners.serial);
      if (change.changed((config) => config.scanners.keyboard)) wedge = wedgeFor((keyboard = change.after.scanners.keyboard));
    },
    stop: () => serial?.stop(),
    keyInput: (key) => wedge?.key(key),
    forgetTyping: () => {
      if (wedge && keyboard) wedge = wedgeFor(keyboard);
    },
    serialState: () => serialState,
  };
}

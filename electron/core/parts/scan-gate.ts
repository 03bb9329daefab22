/**
 * Where every scanner's text goes: to the session, unless nobody could see the result. While
 * staff mode is open a scan is ignored (identify opens a loyalty transaction); while the screen
 * is out of order (Electron's watchdog) too.
 */
import type { ScannerKind } from '../../shared/scanner-state';
import type { Logger } from '../log/logger';
import type { KioskMetrics } from '../metrics/kiosk-metrics';
import type { SessionMachine } from '../session/session-machine';

export interface ScanGate {
  /** Says why the scan was ignored, or null when it went to the session. */
  scan(text: string, scanner: ScannerKind): string | null;
  setOutOfOrder(on: boolean): void;
  /** Who says whether staff mode is open (the staff service, made after the gate). */
  setStaffOpen(isOpen: () => boolean): void;
}

export function createScanGate(deps: { session: SessionMachine; metrics: KioskMetrics; log: Logger }): ScanGate {
  let staffOpen = (): boolean => false;
  let outOfOrder = false;
  const ignore = (scanner: ScannerKind, reason: string) => {
    deps.metrics.scan(scanner, 'ignored');
    deps.log.info('scan-ignored', { reason });
    return reason;
  };
  return {
    scan(text, scanner) {
      if (staffOpen()) return ignore(scanner, 'staff mode is open');
      if (outOfOrder) return ignore(scanner, 'the screen is out of order');
      deps.session.scan(text, scanner);
      return null;
    },
    setOutOfOrder: (on) => {
      outOfOrder = on;
    },
    setStaffOpen: (isOpen) => {
      staffOpen = isOpen;
    },
  };
}

/**
 * Where every scanner's text goes: to the session, unless nobody could see the result. While
 * staff mode is open a scan is ignored (identify opens a loyalty transaction); while the screen
 * is out of order (Electron's watchdog) too.
 */
import type { Logger } from '../log/logger';
import type { SessionMachine } from '../session/session-machine';

export interface ScanGate {
  scan(text: string): void;
  setOutOfOrder(on: boolean): void;
  /** Who says whether staff mode is open (the staff service, made after the gate). */
  setStaffOpen(isOpen: () => boolean): void;
}

export function createScanGate(deps: { session: SessionMachine; log: Logger }): ScanGate {
  let staffOpen = (): boolean => false;
  let outOfOrder = false;
  return {
    scan(text) {
      if (staffOpen()) return void deps.log.info('scan-ignored', { reason: 'staff mode is open' });
      if (outOfOrder) return void deps.log.info('scan-ignored', { reason: 'the screen is out of order' });
      deps.session.scan(text);
    },
    setOutOfOrder: (on) => {
      outOfOrder = on;
    },
    setStaffOpen: (isOpen) => {
      staffOpen = isOpen;
    },
  };
}

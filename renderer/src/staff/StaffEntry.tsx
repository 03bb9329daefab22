/**
 * The two ways into staff mode: Ctrl+Alt+S on a keyboard, or five taps on the top-left corner
 * within 3 seconds (a kiosk usually has no keyboard). Both only open the PIN pad.
 */
import { useEffect, useRef } from 'react';
import { openPinPad, useStaffStore } from './staff-store';

export const STAFF_TAPS = 5;
export const STAFF_TAP_WINDOW_MS = 3000;

export function StaffEntry() {
  const taps = useRef<number[]>([]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey && event.altKey && event.code === 'KeyS' && useStaffStore.getState().phase === 'closed') {
        event.preventDefault();
        openPinPad();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onTap = () => {
    const now = performance.now();
    taps.current = [...taps.current.filter((at) => now - at <= STAFF_TAP_WINDOW_MS), now];
    if (taps.current.length >= STAFF_TAPS) {
      taps.current = [];
      openPinPad();
    }
  };

  // No visible label and out of the tab order: customers should not find it by chance.
  return <div className="staff-corner" data-testid="staff-corner" aria-hidden="true" onPointerDown={onTap} />;
}

/** Staff mode's screens: the PIN pad until main accepts the PIN, then the staff panel. */
import { PinPad } from './PinPad';
import { StaffPanel } from './StaffPanel';
import type { StaffPhase } from './staff-store';

export function StaffScreen({ phase }: { phase: Exclude<StaffPhase, 'closed'> }) {
  return phase === 'pin' ? <PinPad /> : <StaffPanel />;
}

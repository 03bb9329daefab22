/**
 * Staff mode in the renderer: which staff screen shows. What staff may do is decided in main;
 * this only remembers that the PIN pad or the staff panel is open, so `data-screen="staff"`.
 */
import { create } from 'zustand';

export type StaffPhase = 'closed' | 'pin' | 'open';

interface StaffStore {
  phase: StaffPhase;
}

export const useStaffStore = create<StaffStore>(() => ({ phase: 'closed' }));

export const openPinPad = () => useStaffStore.setState({ phase: 'pin' });
export const staffUnlocked = () => useStaffStore.setState({ phase: 'open' });
export const closeStaff = () => useStaffStore.setState({ phase: 'closed' });

/**
 * Staff mode in the renderer: which staff screen shows. What staff may do is decided in main;
 * this only remembers that the PIN pad or the staff panel is open, so `data-screen="staff"`.
 */
import { create } from 'zustand';
import { forgetCustomer } from '../customer-store';

export type StaffPhase = 'closed' | 'pin' | 'open';

interface StaffStore {
  phase: StaffPhase;
}

export const useStaffStore = create<StaffStore>(() => ({ phase: 'closed' }));

/** Staff mode opens on the kiosk's own language and look: no customer is there any more. */
export const openPinPad = () => {
  forgetCustomer();
  useStaffStore.setState({ phase: 'pin' });
};
export const staffUnlocked = () => useStaffStore.setState({ phase: 'open' });
export const closeStaff = () => useStaffStore.setState({ phase: 'closed' });

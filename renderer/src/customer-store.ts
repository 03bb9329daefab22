/**
 * What one customer chose at the kiosk: a language and the larger-text, high-contrast mode. Both
 * are theirs alone: they go back to the kiosk's defaults when the session returns to `ready`
 * after them, when the attract screen starts (they walked away) and when staff mode opens.
 * Also whether the attract screen is showing.
 */
import { create } from 'zustand';

interface CustomerStore {
  /** The customer's pick; null: the configured language. */
  language: string | null;
  highContrast: boolean;
  attract: boolean;
}

export const useCustomerStore = create<CustomerStore>(() => ({ language: null, highContrast: false, attract: false }));

export const pickLanguage = (language: string) => useCustomerStore.setState({ language, attract: false });
export const toggleHighContrast = () => useCustomerStore.setState((state) => ({ highContrast: !state.highContrast, attract: false }));
export const forgetCustomer = () => useCustomerStore.setState({ language: null, highContrast: false, attract: false });
export const startAttract = () => useCustomerStore.setState({ language: null, highContrast: false, attract: true });
export const stopAttract = () => useCustomerStore.setState({ attract: false });

/**
 * A customer's choices end with their visit: when the session comes back to `ready` from any
 * other screen (Done, the countdown, a reset), and when staff mode opens.
 */
import { useEffect, useRef } from 'react';
import type { ScreenName } from '../../../electron/shared/session-view';
import { forgetCustomer } from '../customer-store';

export function useCustomerLifecycle(screen: ScreenName | null, staffOpen: boolean): void {
  const previous = useRef<ScreenName | null>(null);
  useEffect(() => {
    if (screen === 'ready' && previous.current !== null && previous.current !== 'ready') forgetCustomer();
    previous.current = screen;
  }, [screen]);
  useEffect(() => {
    if (staffOpen) forgetCustomer();
  }, [staffOpen]);
}

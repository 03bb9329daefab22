/**
 * The UI's state: exactly the session view main last published, replaced whole on each push,
 * so nothing of a previous customer can linger once main says `ready`.
 */
import { create } from 'zustand';
import type { KioskApi } from '../../electron/shared/contract';
import type { SessionView } from '../../electron/shared/session-view';

interface SessionStore {
  /** Null until main has answered (no bridge, or not yet connected). */
  view: SessionView | null;
}

export const useSessionStore = create<SessionStore>(() => ({ view: null }));

/** Follows main's session state; returns the unsubscribe function. */
export function connectSessionStore(kiosk: KioskApi): () => void {
  let pushed = false;
  const unsubscribe = kiosk.onState((view) => {
    pushed = true;
    useSessionStore.setState({ view }, true);
  });
  void kiosk.getState().then((view) => {
    if (!pushed) useSessionStore.setState({ view }, true); // a push is always newer
  });
  return unsubscribe;
}

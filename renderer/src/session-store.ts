/**
 * The UI's state: exactly the session view main last published, replaced whole on each push,
 * so nothing of a previous customer can linger once main says `ready`.
 */
import { create } from 'zustand';
import type { KioskApi, Preview } from '../../electron/shared/contract';
import type { SessionView } from '../../electron/shared/session-view';

interface SessionStore {
  /** Null until main has answered (no bridge, or not yet connected). */
  view: SessionView | null;
  /** The camera's live picture for the ready screen; null when the camera is not running. */
  preview: Preview;
}

export const useSessionStore = create<SessionStore>(() => ({ view: null, preview: null }));

/** Follows main's session state; returns the unsubscribe function. */
export function connectSessionStore(kiosk: KioskApi): () => void {
  let pushed = false;
  const unsubscribeState = kiosk.onState((view) => {
    pushed = true;
    useSessionStore.setState({ view });
  });
  const unsubscribePreview = kiosk.onPreview((preview) => useSessionStore.setState({ preview }));
  void kiosk.getState().then((view) => {
    if (!pushed) useSessionStore.setState({ view }); // a push is always newer
  });
  return () => {
    unsubscribeState();
    unsubscribePreview();
  };
}

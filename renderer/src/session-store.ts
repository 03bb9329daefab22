/**
 * The UI's state from main: exactly the session view main last published, replaced whole on
 * each push, so nothing of a previous customer can linger once main says `ready`; the camera
 * preview and its hint; and the appearance (language, brand, sounds) from the configuration.
 */
import { create } from 'zustand';
import type { Appearance } from '../../electron/shared/appearance';
import type { CameraHint, KioskApi, Preview } from '../../electron/shared/contract';
import type { SessionView } from '../../electron/shared/session-view';
import { forgetCustomer } from './customer-store';

interface SessionStore {
  /** Null until main has answered (no bridge, or not yet connected). */
  view: SessionView | null;
  /** The camera's live picture for the ready screen; null when the camera is not running. */
  preview: Preview;
  /** What main says about the picture (a code seen but not read). */
  cameraHint: CameraHint;
  /** Null until main has answered: the page shows English and the default look until then. */
  appearance: Appearance | null;
}

export const useSessionStore = create<SessionStore>(() => ({ view: null, preview: null, cameraHint: { codeNotRead: false }, appearance: null }));

/** Follows main's session state and appearance; returns the unsubscribe function. */
export function connectSessionStore(kiosk: KioskApi): () => void {
  let pushed = false;
  let appearancePushed = false;
  const unsubscribeState = kiosk.onState((view) => {
    pushed = true;
    // Back to `ready` after a customer: their choices go in the same update, so the next
    // customer's first frame is already in the kiosk's own language and look.
    const previous = useSessionStore.getState().view;
    if (view.screen === 'ready' && previous && previous.screen !== 'ready') forgetCustomer();
    useSessionStore.setState({ view });
  });
  const unsubscribePreview = kiosk.onPreview((preview) => useSessionStore.setState({ preview }));
  const unsubscribeHint = kiosk.onCameraHint((cameraHint) => useSessionStore.setState({ cameraHint }));
  const unsubscribeAppearance = kiosk.onAppearance((appearance) => {
    appearancePushed = true;
    useSessionStore.setState({ appearance });
  });
  void kiosk.getState().then((view) => {
    if (!pushed) useSessionStore.setState({ view }); // a push is always newer
  });
  void kiosk.getAppearance().then((appearance) => {
    if (!appearancePushed) useSessionStore.setState({ appearance });
  });
  return () => {
    unsubscribeState();
    unsubscribePreview();
    unsubscribeHint();
    unsubscribeAppearance();
  };
}

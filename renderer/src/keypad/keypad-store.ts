/**
 * The keypad as the page shows it: main's view (on, open, resting), replaced whole on each push,
 * and the digits typed so far, which stay in the page until the customer submits them. Digits
 * come from the on-screen keys, from keys the page sees itself, and from keys main hands over
 * (a person's keys on a physical keyboard, which the page never sees: key-policy.ts). Closing
 * clears them, whoever closes it (Cancel, the idle time, a scan, main).
 */
import { create } from 'zustand';
import type { KioskApi } from '../../../electron/shared/contract';
import type { KeypadKey, KeypadView } from '../../../electron/shared/keypad-view';
import { kioskBridge } from '../kiosk-bridge';

/** The loyalty app's one-time code: 6 digits (main checks it again: `^\d{6}$`). */
export const CODE_LENGTH = 6;

interface KeypadStore {
  /** Null until main has answered. */
  view: KeypadView | null;
  digits: string;
  /** A submit is on its way to main. */
  submitting: boolean;
}

export const useKeypadStore = create<KeypadStore>(() => ({ view: null, digits: '', submitting: false }));

const resting = () => (useKeypadStore.getState().view?.restSeconds ?? null) !== null;

export function typeDigit(digit: string): void {
  if (resting() || !/^[0-9]$/.test(digit)) return;
  useKeypadStore.setState((state) => (state.digits.length < CODE_LENGTH ? { digits: state.digits + digit } : state));
}

export const deleteDigit = () => useKeypadStore.setState((state) => ({ digits: state.digits.slice(0, -1) }));
export const clearDigits = () => useKeypadStore.setState({ digits: '' });

export function openKeypad(): void {
  void kioskBridge()
    ?.keypadOpen()
    .then((view) => useKeypadStore.setState({ view }))
    .catch(() => undefined);
}

export function closeKeypad(): void {
  useKeypadStore.setState({ digits: '' });
  void kioskBridge()?.keypadClose().catch(() => undefined);
}

/** Sends a complete code; main closes the keypad and the session moves on. */
export function submitCode(): void {
  const { digits, submitting } = useKeypadStore.getState();
  if (submitting || digits.length !== CODE_LENGTH || resting()) return;
  const kiosk = kioskBridge();
  if (!kiosk) return;
  useKeypadStore.setState({ submitting: true });
  void kiosk
    .keypadSubmit(digits)
    .catch(() => undefined)
    .finally(() => useKeypadStore.setState({ submitting: false }));
}

/** A key main handed over, or one the page saw itself while the keypad is open. */
export function keypadKey(key: KeypadKey): void {
  if (key === 'Backspace' || key === 'Delete') deleteDigit();
  else if (key === 'Enter') submitCode();
  else if (key === 'Escape') closeKeypad();
  else typeDigit(key);
}

/** Follows main's keypad; returns the unsubscribe function. */
export function connectKeypadStore(kiosk: KioskApi): () => void {
  let pushed = false;
  const apply = (view: KeypadView) => useKeypadStore.setState(view.open ? { view } : { view, digits: '', submitting: false });
  const unsubscribeView = kiosk.onKeypad((view) => {
    pushed = true;
    apply(view);
  });
  const unsubscribeKeys = kiosk.onKeypadKeys((keys) => {
    if (useKeypadStore.getState().view?.open) keys.forEach(keypadKey);
  });
  void kiosk.getKeypad().then((view) => {
    if (!pushed) apply(view); // a push is always newer
  });
  return () => {
    unsubscribeView();
    unsubscribeKeys();
  };
}

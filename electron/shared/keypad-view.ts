/**
 * The typed-code keypad as main publishes it (main owns whether it is open and whether it
 * rests after wrong codes; the renderer holds the digits until the customer submits them).
 */

/** A typed code: the loyalty app's 6-digit one-time code, nothing else. */
export const TYPED_CODE_PATTERN = /^\d{6}$/;

export interface KeypadView {
  /** `scanners.keypad.enabled`: the ready screen offers "Type your code". */
  enabled: boolean;
  open: boolean;
  /**
   * Seconds until typed codes are taken again after too many wrong ones (null: not resting).
   * Scans work meanwhile.
   */
  restSeconds: number | null;
  /** The keypad closes after this long without a touch or a key (the configured idle time). */
  idleSeconds: number;
}

/**
 * A key a person typed on a physical keyboard while the keypad was open, that the page never saw
 * (main withholds every printable key, and keys close behind one, from the UI: they may be a
 * scanner's). Main hands them over once it is sure they are a person's.
 */
export type KeypadKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'Backspace' | 'Delete' | 'Enter' | 'Escape';

export type KeypadSubmitResult =
  | { ok: true }
  /** `resting`: too many wrong typed codes; `off`: the keypad is turned off; `closed`: it was not open (a scan closed it). */
  | { ok: false; reason: 'resting' | 'off' | 'closed' };

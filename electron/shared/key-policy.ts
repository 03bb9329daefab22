/**
 * Which key presses are withheld from the customer UI. Decided synchronously where the key
 * arrives (main's `before-input-event`, or the web page's capture listener), before main's
 * wedge detector has seen the whole burst.
 *
 * The customer screens have no text fields, so printable keys are never typing: they are
 * always withheld and only feed the scanner. Enter and Tab right after a printable key end a
 * scanner burst, so they are withheld too; otherwise they stay with the UI (keyboard users
 * press Done with them).
 */

/** Enter/Tab this soon after a printable key belongs to the burst, not to the UI. */
export const BURST_TERMINATOR_WINDOW_MS = 150;

export interface KeyLike {
  key: string;
  ctrl: boolean;
  alt: boolean;
  meta: boolean;
}

/** A key that types (or, as a dead key, starts typing) a character: a scanner's, never the UI's. */
export function isPrintableKey(key: KeyLike): boolean {
  return ([...key.key].length === 1 || key.key === 'Dead') && !key.ctrl && !key.alt && !key.meta;
}

export function isBurstTerminator(key: KeyLike): boolean {
  return (key.key === 'Enter' || key.key === 'Tab') && !key.ctrl && !key.alt && !key.meta;
}

/** @param msSincePrintable time since the last printable key, Infinity when none. */
export function shouldWithholdKey(key: KeyLike, msSincePrintable: number): boolean {
  if (isPrintableKey(key)) return true;
  return isBurstTerminator(key) && msSincePrintable <= BURST_TERMINATOR_WINDOW_MS;
}

/** Remembers the last printable key so each shell can decide at once, key by key. */
export class KeyWithholder {
  private lastPrintableAt = -Infinity;

  /** True when the key must not reach the UI. */
  decide(key: KeyLike, time: number): boolean {
    const withhold = shouldWithholdKey(key, time - this.lastPrintableAt);
    if (isPrintableKey(key)) this.lastPrintableAt = time;
    return withhold;
  }
}

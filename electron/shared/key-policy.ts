/**
 * Which key presses are withheld from the customer UI. Decided synchronously where the key
 * arrives (main's `before-input-event`, or the web page's capture listener), before main's
 * wedge detector has seen the whole burst.
 *
 * The customer screens have no text fields, so printable keys are never typing: they are
 * always withheld and only feed the scanner. Every other key that follows a printable one
 * closely (Enter/Tab ending a burst, a scanner's Ctrl+letter control characters, anything a
 * burst holds) is withheld too, so nothing a scanner sends can press a button or act as a
 * shortcut; so is any character chord but the staff shortcut. Apart from those, keys stay with the
 * UI (keyboard users press Done with them).
 */

/**
 * Any key this soon after a printable key belongs to the burst (Enter, Tab, chords), not to the
 * UI: every gap of a burst that is not a stall fits in it. An Enter held back longer by a stall
 * may reach the UI; a Done it presses as the new scan starts is ignored in main
 * (SessionMachine.customerDone), and a keyboard user's Enter soon after a result stays theirs.
 */
export const BURST_TERMINATOR_WINDOW_MS = 150;

export interface KeyLike {
  key: string;
  /** The physical key (`KeyboardEvent.code`), when known. */
  code?: string;
  ctrl: boolean;
  alt: boolean;
  meta: boolean;
}

/** Keys that type without a character yet: a dead key, or one an input method is composing. */
const COMPOSING_KEYS = new Set(['Dead', 'Process', 'Unidentified']);

/** A key that types (or starts typing) a character: a scanner's, never the UI's. */
export function isPrintableKey(key: KeyLike): boolean {
  return ([...key.key].length === 1 || COMPOSING_KEYS.has(key.key)) && !key.ctrl && !key.alt && !key.meta;
}

export function isBurstTerminator(key: KeyLike): boolean {
  return (key.key === 'Enter' || key.key === 'Tab') && !key.ctrl && !key.alt && !key.meta;
}

/** Ctrl+Alt+S (by physical key, whatever the layout) opens staff mode: the one chord the UI takes. */
export function isStaffShortcut(key: KeyLike): boolean {
  return key.ctrl && key.alt && !key.meta && key.code === 'KeyS';
}

/**
 * A character key held with Ctrl, Alt or Meta. The customer UI has no use for one but the staff
 * shortcut, and a scanner sends its control characters so (STX as Ctrl+B, GS as Ctrl+]), even as
 * the first key of a burst, before any printable key could mark it as a scanner's.
 */
export function isForeignChord(key: KeyLike): boolean {
  return (key.ctrl || key.alt || key.meta) && [...key.key].length === 1 && !isStaffShortcut(key);
}

/** @param msSincePrintable time since the last printable key, Infinity when none. */
export function shouldWithholdKey(key: KeyLike, msSincePrintable: number): boolean {
  return isPrintableKey(key) || isForeignChord(key) || msSincePrintable <= BURST_TERMINATOR_WINDOW_MS;
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

/**
 * Reads a keyboard-wedge scanner's keys. A scanner sends key positions (USB HID usages) for the
 * layout it is set to; the OS turns them into characters with its own layout.
 * - When `key` is one of the characters its physical key makes in the scanner's layout, it is
 *   taken as typed: some scanners, Bluetooth ones and virtual keyboards (and Playwright's
 *   `keyboard.type()`) send `:` on Semicolon without Shift, so Shift cannot be trusted there.
 * - When it is not, the layouts differ and `key` is garbled: a US-layout scanner's `:/?` arrive
 *   on a Norwegian PC as `Ø-_`. The `code` (the physical key) and Shift are not garbled, so the
 *   scanner's own layout turns them back into what it meant to type.
 * - Without a `code` (some scanners' Alt-code modes), `key` is all there is.
 * - Caps Lock flips a letter's case in the OS, not in the scanner: when the shell says it is on,
 *   a letter's case follows Shift.
 *
 * Only what a scan can hold is mapped: letters, digits, ASCII punctuation and the numpad.
 * Dead keys are left out; on those positions the OS's character is used.
 */

export const SCANNER_LAYOUTS = ['us', 'no', 'de', 'host'] as const;
export type ScannerLayout = (typeof SCANNER_LAYOUTS)[number];

export interface PhysicalKey {
  key: string;
  code: string;
  shift: boolean;
  capsLock?: boolean;
}

/**
 * code → [unshifted, shifted]; a space marks a dead key (left to the OS). Maps: `code` comes from
 * the key event (in the web shell, from the page), and `"constructor"` must be no key at all.
 */
type LayoutTable = ReadonlyMap<string, readonly [string, string]>;

function table(digitsShifted: string, punctuation: Record<string, string>, swapYZ = false): LayoutTable {
  const entries: Array<[string, readonly [string, string]]> = [];
  for (let i = 0; i < 26; i++) {
    let letter = String.fromCharCode(97 + i);
    if (swapYZ && (letter === 'y' || letter === 'z')) letter = letter === 'y' ? 'z' : 'y';
    entries.push([`Key${String.fromCharCode(65 + i)}`, [letter, letter.toUpperCase()]]);
  }
  [...'1234567890'].forEach((digit, i) => entries.push([`Digit${digit}`, [digit, digitsShifted[i] ?? ' ']]));
  for (const [code, pair] of Object.entries(punctuation)) entries.push([code, [pair[0] ?? ' ', pair[1] ?? ' ']]);
  return new Map(entries);
}

const NUMPAD: ReadonlyMap<string, string> = new Map(Object.entries({
  Numpad0: '0', Numpad1: '1', Numpad2: '2', Numpad3: '3', Numpad4: '4',
  Numpad5: '5', Numpad6: '6', Numpad7: '7', Numpad8: '8', Numpad9: '9',
  NumpadDecimal: '.', NumpadAdd: '+', NumpadSubtract: '-', NumpadMultiply: '*', NumpadDivide: '/',
}));

const LAYOUTS: Record<Exclude<ScannerLayout, 'host'>, LayoutTable> = {
  us: table('!@#$%^&*()', {
    Minus: '-_', Equal: '=+', BracketLeft: '[{', BracketRight: ']}', Backslash: '\\|', Semicolon: ';:',
    Quote: '\'"', Backquote: '`~', Comma: ',<', Period: '.>', Slash: '/?', IntlBackslash: '\\|',
  }),
  // Norwegian (nb/nn): Equal's shifted ` and BracketRight's ¨ ^ are dead keys.
  no: table('!"#¤%&/()=', {
    Minus: '+?', Equal: '\\ ', BracketLeft: 'åÅ', BracketRight: '  ', Backslash: '\'*', Semicolon: 'øØ',
    Quote: 'æÆ', Backquote: '|§', Comma: ',;', Period: '.:', Slash: '-_', IntlBackslash: '<>',
  }),
  // German (QWERTZ): Y and Z swap; Equal's ´ ` and Backquote's ^ are dead keys.
  de: table('!"§$%&/()=', {
    Minus: 'ß?', Equal: '  ', BracketLeft: 'üÜ', BracketRight: '+*', Backslash: '#\'', Semicolon: 'öÖ',
    Quote: 'äÄ', Backquote: ' °', Comma: ',;', Period: '.:', Slash: '-_', IntlBackslash: '<>',
  }, true),
};

/**
 * The character the scanner meant, or null for a key that types none (a dead key the OS has
 * not composed yet). Space is a character; it only ever shows up as a space.
 */
export function decodeScannerKey(input: PhysicalKey, layout: ScannerLayout): string | null {
  const typed = [...input.key].length === 1 ? input.key : null;
  if (layout === 'host' || !input.code) return typed;
  if (input.code === 'Space') return ' ';
  const numpad = NUMPAD.get(input.code);
  if (numpad) return numpad;
  const pair = LAYOUTS[layout].get(input.code);
  const meant = pair?.[input.shift ? 1 : 0];
  const byPosition = meant && meant !== ' ' ? meant : null;
  if (input.capsLock && byPosition && /^Key[A-Z]$/.test(input.code)) return byPosition;
  if (typed !== null && pair && (pair[0] === typed || pair[1] === typed)) return typed;
  return byPosition ?? typed;
}

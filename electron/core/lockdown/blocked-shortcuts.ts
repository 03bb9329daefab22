/**
 * The browser and window shortcuts a customer could use to leave, break or inspect the kiosk.
 * Electron's main swallows them in `before-input-event`, before any menu accelerator, Chromium
 * handler or page sees them. The staff shortcut (Ctrl+Alt+S) and the editing keys staff need in
 * the settings form (Ctrl+A/C/V/X/Z) are not among them.
 *
 * Letters are matched by physical key (`code`) and by character (`key`), so no keyboard layout
 * lets one through.
 */

/** Electron's `Input` as far as this needs it. */
export interface ShortcutInput {
  type?: string;
  key: string;
  code: string;
  control: boolean;
  alt: boolean;
  meta: boolean;
  shift: boolean;
}

export type BlockedAction = 'reload' | 'close' | 'quit' | 'zoom' | 'print' | 'devtools' | 'fullscreen' | 'newWindow' | 'navigate' | 'find' | 'save' | 'viewSource';

/** Is it this letter, by physical key or by character? */
const letter = (input: ShortcutInput, char: string) => input.code === `Key${char.toUpperCase()}` || input.key.toLowerCase() === char;

/** The action a key press would trigger that the kiosk refuses, or null for keys it lets through. */
export function blockedShortcut(input: ShortcutInput): BlockedAction | null {
  if (isAltGrCharacter(input)) return null;
  const mod = input.control || input.meta; // Ctrl on Windows/Linux, Cmd on macOS
  const key = input.key;
  if (key === 'F5' || key === 'BrowserRefresh' || (mod && letter(input, 'r'))) return 'reload';
  if (key === 'F12' || (mod && input.shift && ['i', 'j', 'c'].some((c) => letter(input, c))) || (input.meta && input.alt && ['i', 'j', 'c'].some((c) => letter(input, c)))) return 'devtools';
  if (mod && letter(input, 'u')) return 'viewSource';
  if (mod && letter(input, 'q')) return 'quit';
  if ((input.alt && key === 'F4') || (mod && (key === 'F4' || letter(input, 'w'))) || (input.meta && letter(input, 'm')) || (input.meta && letter(input, 'h'))) return 'close';
  if (mod && ['+', '=', '-', '_', '0'].includes(key)) return 'zoom';
  if (mod && ['Equal', 'Minus', 'Digit0', 'NumpadAdd', 'NumpadSubtract', 'Numpad0'].includes(input.code)) return 'zoom';
  if (key === 'ZoomIn' || key === 'ZoomOut' || key === 'ZoomToggle') return 'zoom';
  if (key === 'Print' || (mod && letter(input, 'p'))) return 'print';
  if (key === 'F11' || (input.control && input.meta && letter(input, 'f'))) return 'fullscreen';
  if (mod && (letter(input, 'n') || letter(input, 't'))) return 'newWindow';
  if (key === 'BrowserBack' || key === 'BrowserForward' || key === 'BrowserHome' || (input.alt && ['ArrowLeft', 'ArrowRight', 'Home'].includes(key)) || (mod && ['[', ']'].includes(key) && !input.alt)) return 'navigate';
  if (key === 'F3' || key === 'BrowserSearch' || (mod && (letter(input, 'f') || letter(input, 'g')))) return 'find';
  if (mod && (letter(input, 's') || letter(input, 'o')) && !(input.control && input.alt)) return 'save';
  return null;
}

/**
 * Windows reports AltGr as Ctrl+Alt. A Ctrl+Alt key that types a symbol (German AltGr+Q is "@",
 * AltGr+0 is "}") is typing, which staff need in URLs and secrets, not a shortcut; a plain
 * letter or digit with Ctrl+Alt is still judged as a shortcut.
 */
function isAltGrCharacter(input: ShortcutInput): boolean {
  return input.control && input.alt && !input.meta && [...input.key].length === 1 && !/^[\p{L}\p{N}]$/u.test(input.key);
}

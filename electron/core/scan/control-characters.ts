/**
 * The control characters a scanner types as Ctrl chords (Ctrl+C is ETX, Ctrl+] is GS), read by
 * physical key so that any keyboard layout gives the same character.
 */
interface KeyPosition {
  /** The physical key (`KeyC`, `BracketRight`). */
  code: string;
}

/** Ctrl + these physical keys type a control character (as on a US keyboard). */
const CTRL_CODES: ReadonlyMap<string, number> = new Map([
  ['BracketLeft', 0x1b],
  ['Backslash', 0x1c],
  ['BracketRight', 0x1d],
]);

/** The control character of Ctrl + a letter (or [ \ ]), by physical key; undefined for other chords. */
export function controlCharacter(input: KeyPosition): string | undefined {
  const letter = /^Key([A-Z])$/.exec(input.code)?.[1];
  if (letter) return String.fromCharCode(letter.charCodeAt(0) & 0x1f);
  const code = CTRL_CODES.get(input.code);
  return code === undefined ? undefined : String.fromCharCode(code);
}

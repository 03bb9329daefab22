/**
 * Scanner keys read by physical position: recorded key-down sequences of a scanner typing a
 * Vipps URL, where the OS's layout garbles `key` but `code` and Shift say what was meant.
 */
import { describe, expect, it, vi } from 'vitest';
import { decodeScannerKey, type ScannerLayout } from '../../electron/core/scan/keyboard-layouts';
import { WedgeDetector, type TimedKey } from '../../electron/core/scan/wedge-detector';

const URL = 'https://qr.vipps.no/28/2/01/031/4712345678?v=1';

/** [code, shift] for each character on a US keyboard (what a factory-default scanner sends). */
const US_POSITIONS: Record<string, [string, boolean]> = {
  ':': ['Semicolon', true],
  '/': ['Slash', false],
  '?': ['Slash', true],
  '=': ['Equal', false],
  '.': ['Period', false],
  '-': ['Minus', false],
  _: ['Minus', true],
};

/** What a Norwegian OS makes of those US positions (`key`), per [code, shift]. */
const NORWEGIAN_OS: Record<string, string> = {
  'Semicolon+': 'Ø',
  'Slash-': '-',
  'Slash+': '_',
  'Equal-': '\\',
  'Period-': '.',
  'Minus-': '+',
  'Minus+': '?',
};

/** What a German OS makes of them. */
const GERMAN_OS: Record<string, string> = {
  'Semicolon+': 'Ö',
  'Slash-': '-',
  'Slash+': '_',
  'Equal-': 'Dead', // ´ on a German keyboard waits for the next key
  'Period-': '.',
  'Minus-': 'ß',
  'Minus+': '?',
};

function position(char: string): [string, boolean] {
  if (/^[0-9]$/.test(char)) return [`Digit${char}`, false];
  if (/^[a-z]$/i.test(char)) return [`Key${char.toUpperCase()}`, char !== char.toLowerCase()];
  const symbol = US_POSITIONS[char];
  if (!symbol) throw new Error(`no position for ${char}`);
  return symbol;
}

/** A US-layout scanner's burst as an OS with `os` punctuation reports it, keys 8 ms apart. */
function recorded(text: string, os: Record<string, string> | null, swapYZ = false): TimedKey[] {
  const keys = [...text].map((char, index): TimedKey => {
    const [code, shift] = position(char);
    let key = os?.[`${code}${shift ? '+' : '-'}`] ?? char;
    if (swapYZ && /^[yz]$/i.test(char)) key = char === 'y' ? 'z' : char === 'z' ? 'y' : char === 'Y' ? 'Z' : 'Y';
    return { key, code, shift, ctrl: false, alt: false, meta: false, time: 1000 + index * 8 };
  });
  return [...keys, { key: 'Enter', code: 'Enter', shift: false, ctrl: false, alt: false, meta: false, time: 1000 + text.length * 8 }];
}

function scanned(keys: TimedKey[], layout?: ScannerLayout): string[] {
  const onScan = vi.fn<(text: string) => void>();
  const wedge = new WedgeDetector({ maxInterKeyMs: 30, layout, onScan });
  keys.forEach((key) => wedge.key(key));
  return onScan.mock.calls.map(([text]) => text);
}

describe('keyboard-wedge scans on another OS layout', () => {
  it('the recording really is garbled on a Norwegian OS', () => {
    const garbled = recorded(URL, NORWEGIAN_OS).map((key) => key.key).slice(0, 8).join('');
    expect(garbled).toBe('httpsØ--');
  });

  it('a US scanner on a Norwegian OS: the URL survives, `: / ?` included', () => {
    expect(scanned(recorded(URL, NORWEGIAN_OS))).toEqual([URL]);
  });

  it('a US scanner on a German OS (dead key, Y/Z swapped): the URL survives', () => {
    const text = 'https://qr.vipps.no/p/Yz_9';
    expect(scanned(recorded(text, GERMAN_OS, true))).toEqual([text]);
    expect(scanned(recorded(URL, GERMAN_OS, true))).toEqual([URL]);
  });

  it('a US scanner on a US OS is unchanged', () => {
    expect(scanned(recorded(URL, null))).toEqual([URL]);
  });

  it('reads letters by Shift while Caps Lock is on (the shells report it), so it does not change a token', () => {
    const keys = recorded('https://qr.vipps.no/p/AbCd', null).map((key) => ({
      ...key,
      capsLock: true,
      key: /^[a-z]$/i.test(key.key) ? (key.shift ? key.key.toLowerCase() : key.key.toUpperCase()) : key.key,
    }));
    expect(scanned(keys)).toEqual(['https://qr.vipps.no/p/AbCd']);
  });

  it('"host" trusts the characters the OS produced (scanner and OS set alike)', () => {
    // A Norwegian-layout scanner on a Norwegian OS: ':' is Shift+Period, '/' Shift+Digit7, '?' Shift+Minus.
    const norwegianScanner: Record<string, [string, boolean]> = { ':': ['Period', true], '/': ['Digit7', true], '?': ['Minus', true], '=': ['Digit0', true], '.': ['Period', false] };
    const keys = [...URL].map((char, index): TimedKey => {
      const [code, shift] = norwegianScanner[char] ?? position(char);
      return { key: char, code, shift, ctrl: false, alt: false, meta: false, time: index * 8 };
    });
    keys.push({ key: 'Enter', code: 'Enter', shift: false, ctrl: false, alt: false, meta: false, time: URL.length * 8 });
    expect(scanned(keys, 'host')).toEqual([URL]);
    expect(scanned(keys, 'no')).toEqual([URL]);
    // Read as a US scanner, the same positions are wrong: the layout setting matters.
    expect(scanned(keys, 'us')).not.toEqual([URL]);
  });
});

describe('decodeScannerKey', () => {
  it.each<[ScannerLayout, string, boolean, string]>([
    ['us', 'Semicolon', true, ':'],
    ['us', 'Slash', true, '?'],
    ['no', 'Period', true, ':'],
    ['no', 'Digit7', true, '/'],
    ['no', 'Minus', true, '?'],
    ['no', 'Digit0', true, '='],
    ['de', 'Period', true, ':'],
    ['de', 'Digit7', true, '/'],
    ['de', 'Minus', true, '?'],
    ['de', 'KeyZ', false, 'y'],
    ['de', 'KeyY', true, 'Z'],
    ['us', 'Numpad4', false, '4'],
  ])('%s layout: %s (shift %s) is %j', (layout, code, shift, char) => {
    expect(decodeScannerKey({ key: 'x', code, shift }, layout)).toBe(char);
  });

  it('falls back to the OS character for a position the layout does not map', () => {
    expect(decodeScannerKey({ key: '@', code: 'IntlRo', shift: false }, 'us')).toBe('@');
    expect(decodeScannerKey({ key: 'é', code: '', shift: false }, 'no')).toBe('é');
  });

  it('types nothing for a dead key the layout leaves to the OS', () => {
    expect(decodeScannerKey({ key: 'Dead', code: 'BracketRight', shift: false }, 'no')).toBeNull();
    expect(decodeScannerKey({ key: 'Dead', code: 'Equal', shift: false }, 'host')).toBeNull();
  });
});

/**
 * Every character of both Vipps URL forms, as a scanner set to each layout presses it: on a PC
 * of the same layout with Shift as the layout needs it, the same without Shift (as some
 * scanners, virtual keyboards and Playwright's keyboard.type() send it), and on a Norwegian PC.
 * Positions are written out here, not taken from the kiosk's tables.
 */
describe('both Vipps URL forms, every character, under each scanner layout', () => {
  const TOKEN_URL = 'https://qr.vipps.no/p/AbZy_-09';
  /** [code, shift] per punctuation character, per scanner layout; letters and digits below. */
  const PUNCTUATION: Record<'us' | 'no' | 'de', Record<string, [string, boolean]>> = {
    us: { ':': ['Semicolon', true], '/': ['Slash', false], '?': ['Slash', true], '=': ['Equal', false], '.': ['Period', false], '-': ['Minus', false], _: ['Minus', true] },
    no: { ':': ['Period', true], '/': ['Digit7', true], '?': ['Minus', true], '=': ['Digit0', true], '.': ['Period', false], '-': ['Slash', false], _: ['Slash', true] },
    de: { ':': ['Period', true], '/': ['Digit7', true], '?': ['Minus', true], '=': ['Digit0', true], '.': ['Period', false], '-': ['Slash', false], _: ['Slash', true] },
  };
  /** What a Norwegian OS types for a physical key, unshifted and shifted (its own layout). */
  const NORWEGIAN: Record<string, [string, string]> = {
    Semicolon: ['ø', 'Ø'], Slash: ['-', '_'], Equal: ['\\', 'Dead'], Period: ['.', ':'], Minus: ['+', '?'], Comma: [',', ';'],
    Digit0: ['0', '='], Digit1: ['1', '!'], Digit2: ['2', '"'], Digit3: ['3', '#'], Digit4: ['4', '¤'], Digit5: ['5', '%'],
    Digit6: ['6', '&'], Digit7: ['7', '/'], Digit8: ['8', '('], Digit9: ['9', ')'],
  };

  function positionIn(layout: 'us' | 'no' | 'de', char: string): [string, boolean] {
    if (/^[0-9]$/.test(char)) return [`Digit${char}`, false];
    if (/^[a-z]$/i.test(char)) {
      // A German layout swaps Y and Z.
      const letter = layout === 'de' && /^[yz]$/i.test(char) ? (char.toLowerCase() === 'y' ? 'Z' : 'Y') : char.toUpperCase();
      return [`Key${letter}`, char !== char.toLowerCase()];
    }
    const punctuation = PUNCTUATION[layout][char];
    if (!punctuation) throw new Error(`no ${layout} position for ${char}`);
    return punctuation;
  }

  function norwegianKey(code: string, shift: boolean): string {
    const letter = /^Key([A-Z])$/.exec(code)?.[1];
    if (letter) return shift ? letter : letter.toLowerCase();
    const pair = NORWEGIAN[code];
    if (!pair) throw new Error(`no Norwegian character for ${code}`);
    return pair[shift ? 1 : 0];
  }

  type Os = 'same' | 'same, no Shift' | 'Norwegian';
  function keysFor(text: string, layout: 'us' | 'no' | 'de', os: Os): TimedKey[] {
    const keys = [...text].map((char, index): TimedKey => {
      const [code, shift] = positionIn(layout, char);
      const key = os === 'Norwegian' ? norwegianKey(code, shift) : char;
      return { key, code, shift: os === 'same, no Shift' ? false : shift, ctrl: false, alt: false, meta: false, time: 1000 + index * 6 };
    });
    return [...keys, { key: 'Enter', code: 'Enter', shift: false, ctrl: false, alt: false, meta: false, time: 1000 + text.length * 6 }];
  }

  for (const layout of ['us', 'no', 'de'] as const) {
    for (const os of ['same', 'same, no Shift', 'Norwegian'] as const) {
      it(`a ${layout} scanner on a PC of the ${os === 'Norwegian' ? 'Norwegian' : 'same'} layout${os === 'same, no Shift' ? ', keys sent without Shift' : ''}`, () => {
        for (const text of [URL, TOKEN_URL]) expect(scanned(keysFor(text, layout, os), layout)).toEqual([text]);
      });
    }
  }

  it('the Norwegian PC really garbles a US scanner, and dropping Shift really changes `code`+Shift', () => {
    expect(keysFor(URL, 'us', 'Norwegian').slice(4, 8).map((key) => key.key).join('')).toBe('sØ--');
    expect(keysFor(URL, 'us', 'same, no Shift')[5]).toMatchObject({ key: ':', code: 'Semicolon', shift: false });
  });
});

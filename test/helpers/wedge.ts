/**
 * Types as a keyboard-wedge scanner does: a burst of real (trusted) key events ending in Enter,
 * queued to Chromium in one go over CDP, as a scanner's USB reports arrive, rather than one
 * Playwright round trip per key.
 *
 * Each key carries a `timestamp` a scanner's few milliseconds after the previous one. A real key
 * event carries the time the OS received it, whatever the browser's load; a CDP key event without
 * one is stamped when the browser gets round to it, so on a loaded machine one stall would split
 * a long burst (a Vipps URL is 47 keys) and the kiosk would rightly read only its tail.
 */
import type { Page } from '@playwright/test';

/** One key press: the physical key, Shift, and the character the OS made of it. */
export interface WedgeKey {
  key: string;
  code: string;
  shift: boolean;
}

/** Physical keys (code, shifted) of a US keyboard: what a US-layout scanner presses. */
export const US_POSITIONS: Record<string, [code: string, shift: boolean]> = {
  '-': ['Minus', false],
  _: ['Minus', true],
  '.': ['Period', false],
  '/': ['Slash', false],
  '?': ['Slash', true],
  ':': ['Semicolon', true],
  '=': ['Equal', false],
  '&': ['Digit7', true],
  ' ': ['Space', false],
};

/** The physical key for a character: digits and letters as on any Latin keyboard, the rest from `symbols`. */
export function position(char: string, symbols: Record<string, [string, boolean]> = US_POSITIONS): [code: string, shift: boolean] {
  if (/^[0-9]$/.test(char)) return [`Digit${char}`, false];
  if (/^[a-zA-Z]$/.test(char)) return [`Key${char.toUpperCase()}`, char !== char.toLowerCase()];
  const symbol = symbols[char];
  if (!symbol) throw new Error(`no key position for ${JSON.stringify(char)}`);
  return symbol;
}

/** The Windows virtual key of a physical key, as a US layout names it (the kiosk reads `code` and `key`). */
function virtualKeyCode(code: string): number {
  const named: Record<string, number> = { Enter: 13, Space: 32, Semicolon: 186, Equal: 187, Comma: 188, Minus: 189, Period: 190, Slash: 191 };
  const letterOrDigit = /^(?:Key|Digit)(.)$/.exec(code)?.[1];
  return named[code] ?? letterOrDigit?.charCodeAt(0) ?? 0;
}

/** Milliseconds between a scanner's key reports. */
const SCANNER_KEY_GAP_MS = 4;
/** Where the last burst's clock ended, so that bursts never overlap in time. */
let lastBurstEnd = 0;

/**
 * Types `keys` as one scanner burst ending in Enter. `gapMs(index)` is the pause before key
 * `index` (default: a scanner's 4 ms), e.g. to put a stall in the middle.
 */
export async function wedgeScanKeys(page: Page, keys: Array<WedgeKey & { ctrl?: boolean; alt?: boolean }>, gapMs: (index: number) => number = () => SCANNER_KEY_GAP_MS): Promise<void> {
  const burst = [...keys, { key: 'Enter', code: 'Enter', shift: false }];
  const pressedAt: number[] = [];
  let time = Math.max(Date.now(), lastBurstEnd + 200);
  burst.forEach((_key, index) => pressedAt.push(index === 0 ? time : (time += gapMs(index))));
  lastBurstEnd = time;
  const cdp = await page.context().newCDPSession(page);
  try {
    const events = burst.flatMap((def, index) => {
      const { key, code, shift } = def;
      const ctrl = 'ctrl' in def && def.ctrl === true;
      const alt = 'alt' in def && def.alt === true;
      const chord = ctrl || alt;
      const text = key === 'Enter' ? '\r' : chord || key.length > 1 ? undefined : key;
      const at = pressedAt[index] ?? time;
      // CDP modifier bits: Alt 1, Ctrl 2, Shift 8.
      const common = { key, code, windowsVirtualKeyCode: virtualKeyCode(code), modifiers: (alt ? 1 : 0) | (ctrl ? 2 : 0) | (shift ? 8 : 0) };
      return [
        { type: text === undefined ? 'rawKeyDown' : 'keyDown', ...common, text, unmodifiedText: text, timestamp: at / 1000 },
        { type: 'keyUp', ...common, timestamp: (at + 1) / 1000 },
      ];
    });
    await Promise.all(events.map((event) => cdp.send('Input.dispatchKeyEvent', event as never)));
  } finally {
    await cdp.detach();
  }
  // Let real time pass the burst's last stamp: a key pressed next (without a stamp) must not
  // look older than the burst, or it would count as part of it.
  const ahead = lastBurstEnd - Date.now();
  if (ahead > 0) await new Promise((resolve) => setTimeout(resolve, ahead));
}

/** A US-layout scanner on a US-layout PC (the usual case): the OS types what the scanner meant. */
export function wedgeScan(page: Page, text: string): Promise<void> {
  return wedgeScanKeys(
    page,
    [...text].map((char) => {
      const [code, shift] = position(char);
      return { code, shift, key: char };
    }),
  );
}

/** Types like a person: keys `gapMs` apart, then Enter. */
export async function humanType(page: Page, text: string, gapMs = 80): Promise<void> {
  await page.keyboard.type(text, { delay: gapMs });
  await page.waitForTimeout(gapMs);
  await page.keyboard.press('Enter');
}

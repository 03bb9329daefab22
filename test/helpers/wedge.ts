/**
 * Types as a keyboard-wedge scanner does: a burst of real (trusted) key events, back to back,
 * ending in Enter. The events are queued to Chromium in one go over CDP, as a scanner's USB
 * reports arrive, rather than one Playwright round trip per key (which a loaded machine can
 * stretch past a scanner's timing).
 */
import type { Page } from '@playwright/test';

interface KeyDef {
  key: string;
  code: string;
  keyCode: number;
  shift: boolean;
  text?: string;
}

const SYMBOLS: Record<string, [code: string, keyCode: number, shift: boolean]> = {
  '-': ['Minus', 189, false],
  _: ['Minus', 189, true],
  '.': ['Period', 190, false],
  '/': ['Slash', 191, false],
  '?': ['Slash', 191, true],
  ':': ['Semicolon', 186, true],
  '=': ['Equal', 187, false],
  '&': ['Digit7', 55, true],
  ' ': ['Space', 32, false],
};

/** US-layout key for a character (the layout scanners default to). */
function keyFor(char: string): KeyDef {
  if (/^[0-9]$/.test(char)) return { key: char, code: `Digit${char}`, keyCode: char.charCodeAt(0), shift: false, text: char };
  if (/^[a-zA-Z]$/.test(char)) {
    const upper = char.toUpperCase();
    return { key: char, code: `Key${upper}`, keyCode: upper.charCodeAt(0), shift: char === upper, text: char };
  }
  const symbol = SYMBOLS[char];
  if (!symbol) throw new Error(`no US key for ${JSON.stringify(char)}`);
  return { key: char, code: symbol[0], keyCode: symbol[1], shift: symbol[2], text: char };
}

const ENTER: KeyDef = { key: 'Enter', code: 'Enter', keyCode: 13, shift: false, text: '\r' };

export async function wedgeScan(page: Page, text: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const keys = [...text].map(keyFor).concat(ENTER);
    const events = keys.flatMap((def) => {
      const common = { key: def.key, code: def.code, windowsVirtualKeyCode: def.keyCode, modifiers: def.shift ? 8 : 0 };
      return [
        { type: 'keyDown', ...common, text: def.text, unmodifiedText: def.text },
        { type: 'keyUp', ...common },
      ];
    });
    await Promise.all(events.map((event) => cdp.send('Input.dispatchKeyEvent', event as never)));
  } finally {
    await cdp.detach();
  }
}

/** Types like a person: keys `gapMs` apart, then Enter. */
export async function humanType(page: Page, text: string, gapMs = 80): Promise<void> {
  await page.keyboard.type(text, { delay: gapMs });
  await page.waitForTimeout(gapMs);
  await page.keyboard.press('Enter');
}

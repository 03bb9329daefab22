/** Types a code as a keyboard-wedge scanner does: a fast burst of real key events, then Enter. */
import type { Page } from '@playwright/test';

export async function wedgeScan(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Types like a person: keys `gapMs` apart. */
export async function humanType(page: Page, text: string, gapMs = 80): Promise<void> {
  await page.keyboard.type(text, { delay: gapMs });
  await page.waitForTimeout(gapMs);
  await page.keyboard.press('Enter');
}

/**
 * Playwright fixtures: `kiosk` is a fresh web shell per test (its session is main's state, so
 * tests must not share one), on the sandbox unless the test sets `kioskConfig`.
 */
import { test as base, expect } from '@playwright/test';
import { startWebShell, type WebShell } from './web-shell';

/**
 * Playwright types a burst one CDP round trip per key; on a loaded 2-core CI machine a round
 * trip can pass the 30 ms default, which a real scanner never does. Tests allow 60 ms, still
 * well under the 80 ms of the human-typing tests.
 */
export const TEST_KEYBOARD = { maxInterKeyMs: 60 };

export const test = base.extend<{ kioskConfig: unknown; kiosk: WebShell }>({
  kioskConfig: [{ idleResetSeconds: 30, scanners: { keyboard: TEST_KEYBOARD } }, { option: true }],
  kiosk: async ({ kioskConfig }, use) => {
    const shell = await startWebShell({ config: kioskConfig });
    await use(shell);
    await shell.stop();
  },
});

export { expect };

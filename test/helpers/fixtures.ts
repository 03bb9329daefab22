/**
 * Playwright fixtures: `kiosk` is a fresh web shell per test (its session is main's state, so
 * tests must not share one), on the sandbox unless the test sets `kioskConfig`.
 */
import { test as base, expect } from '@playwright/test';
import { startWebShell, type WebShell } from './web-shell';


export const test = base.extend<{ kioskConfig: unknown; kiosk: WebShell }>({
  kioskConfig: [{ idleResetSeconds: 30 }, { option: true }],
  kiosk: async ({ kioskConfig }, use) => {
    const shell = await startWebShell({ config: kioskConfig });
    await use(shell);
    await shell.stop();
  },
});

export { expect };

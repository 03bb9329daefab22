/**
 * Playwright fixtures: `kiosk` is a fresh web shell per test (its session is main's state, so
 * tests must not share one), on the sandbox unless the test sets `kioskConfig`.
 */
import { test as base, expect } from '@playwright/test';
import { KIOSK_OUTPUT, PAGE_ERRORS } from './attachment-names';
import { startWebShell, type WebShell } from './web-shell';

export const test = base.extend<{ kioskConfig: unknown; kiosk: WebShell }>({
  // Playwright's page, with its uncaught errors kept for a failure: a UI that throws before its
  // first screen fails every test at its first expect, and only the page's error says why.
  page: async ({ page }, use, testInfo) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
    await use(page);
    if (testInfo.status !== testInfo.expectedStatus && errors.length > 0) await testInfo.attach(PAGE_ERRORS, { body: errors.join('\n'), contentType: 'text/plain' });
  },
  kioskConfig: [{ idleResetSeconds: 30 }, { option: true }],
  kiosk: async ({ kioskConfig }, use, testInfo) => {
    const shell = await startWebShell({ config: kioskConfig });
    await use(shell);
    // What the kiosk said, beside a failure (the failure digest prints its end: CI shows no more).
    if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach(KIOSK_OUTPUT, { body: shell.output(), contentType: 'text/plain' });
    await shell.stop();
  },
});

export { expect };

/** Names of what the fixtures attach to a failed test, read back by the failure digest reporter. */

/** The web shell's output (stdout and stderr) in a failed test. */
export const KIOSK_OUTPUT = 'kiosk-output';

/** Uncaught errors of the test's page (its `pageerror` events) in a failed test. */
export const PAGE_ERRORS = 'page-errors';

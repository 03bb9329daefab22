/**
 * Prints, after Playwright's own summary, what the failed tests failed on: each distinct first
 * line of an error with how many tests it failed and the first of them. CI shows only the end of
 * a run's output, where the list reporter names the failed tests but not why; when many fail for
 * one reason (a page that never loads, a browser that cannot start), this says the reason.
 */
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** How many distinct reasons to print: the end of the output stays short. */
const MOST_REASONS = 8;

export default class FailureDigestReporter implements Reporter {
  /** First line of an error (without colours) → the tests it failed. */
  private readonly reasons = new Map<string, string[]>();

  printsToStdio(): boolean {
    return true;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status === 'passed' || result.status === 'skipped' || result.status === test.expectedStatus) return;
    const error = result.errors[0];
    // eslint-disable-next-line no-control-regex -- terminal colour codes are what is removed here
    const lines = (error?.message ?? error?.value ?? result.status).replace(/\u001b\[[0-9;]*m/g, '').split('\n').map((line) => line.trim());
    const first = lines.find((line) => line !== '') ?? result.status;
    // An expect's first line says what was awaited; what the page showed instead is on its own line.
    const received = lines.find((line) => /^Received( string| value)?:/.test(line));
    const key = `${first.slice(0, 200)}${received ? ` | ${received.slice(0, 120)}` : ''}`;
    const tests = this.reasons.get(key) ?? [];
    tests.push(`${test.location.file.replace(/^.*\/test\//, 'test/')}:${test.location.line} ${test.title}`.slice(0, 160));
    this.reasons.set(key, tests);
  }

  onEnd(result: FullResult): void {
    if (this.reasons.size === 0) return;
    const sorted = [...this.reasons].sort((a, b) => b[1].length - a[1].length);
    console.log(`\nWhy tests failed (${result.status}), most frequent first:`);
    for (const [reason, tests] of sorted.slice(0, MOST_REASONS)) {
      console.log(`  ${tests.length} × ${reason}\n      first: ${tests[0]}`);
    }
    if (sorted.length > MOST_REASONS) console.log(`  … and ${sorted.length - MOST_REASONS} other reasons`);
  }
}

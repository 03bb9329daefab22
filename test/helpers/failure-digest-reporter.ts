/**
 * Prints, after Playwright's own summary, what the failed tests failed on: each distinct first
 * line of an error with how many tests it failed and the first of them. CI shows only the end of
 * a run's output, where the list reporter names the failed tests but not why; when many fail for
 * one reason (a page that never loads, a browser that cannot start), this says the reason.
 */
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { KIOSK_OUTPUT, PAGE_ERRORS } from './attachment-names';

/** How many distinct reasons to print: the end of the output stays short. */
const MOST_REASONS = 8;
/** How many page errors, and of the kiosk's last lines, to print with a reason's first test. */
const KIOSK_LINES = 4;

export default class FailureDigestReporter implements Reporter {
  /** First line of an error (without colours) → the tests it failed. */
  private readonly reasons = new Map<string, string[]>();
  /** The page's uncaught errors and the end of what the web shell printed, in the first test failed for each reason. */
  private readonly evidence = new Map<string, string[]>();

  printsToStdio(): boolean {
    return true;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status === 'passed' || result.status === 'skipped' || result.status === test.expectedStatus) return;
    const error = result.errors[0];
    // eslint-disable-next-line no-control-regex -- terminal colour codes are what is removed here
    const lines = (error?.message ?? error?.value ?? result.status).replace(/\u001b\[[0-9;]*m/g, '').split('\n').map((line) => line.trim());
    const first = lines.find((line) => line !== '') ?? result.status;
    // An expect's first line says what was awaited; what the page showed instead (or that nothing
    // matched: "Error: element(s) not found") is on a line of its own.
    const received = lines.slice(1).find((line) => /^(Received( string| value)?:|Error: )/.test(line));
    const key = `${first.slice(0, 200)}${received ? ` | ${received.slice(0, 120)}` : ''}`;
    const tests = this.reasons.get(key) ?? [];
    tests.push(`${test.location.file.replace(/^.*\/test\//, 'test/')}:${test.location.line} ${test.title}`.slice(0, 160));
    this.reasons.set(key, tests);
    const output = result.attachments.find((attachment) => attachment.name === KIOSK_OUTPUT)?.body?.toString('utf8');
    const pageErrors = result.attachments.find((attachment) => attachment.name === PAGE_ERRORS)?.body?.toString('utf8');
    if (!this.evidence.has(key)) {
      const said = [...(pageErrors ?? '').split('\n').filter(Boolean).slice(0, KIOSK_LINES).map((line) => `page: ${line}`), ...(output ? telling(output).map((line) => `kiosk: ${line}`) : [])];
      if (said.length > 0) this.evidence.set(key, said.map((line) => line.slice(0, 200)));
    }
  }

  onEnd(result: FullResult): void {
    if (this.reasons.size === 0) return;
    const sorted = [...this.reasons].sort((a, b) => b[1].length - a[1].length);
    console.log(`\nWhy tests failed (${result.status}), most frequent first:`);
    for (const [reason, tests] of sorted.slice(0, MOST_REASONS)) {
      console.log(`  ${tests.length} × ${reason}\n      first: ${tests[0]}`);
      for (const line of this.evidence.get(reason) ?? []) console.log(`      ${line}`);
    }
    if (sorted.length > MOST_REASONS) console.log(`  … and ${sorted.length - MOST_REASONS} other reasons`);
  }
}

/** The kiosk's last warnings and errors, or else its last lines but the camera's retries (none here). */
function telling(output: string): string[] {
  const lines = output.trimEnd().split('\n');
  const troubles = lines.filter((line) => /"level":"(warn|error|fatal)"|^(Error|Uncaught)/.test(line));
  return (troubles.length > 0 ? troubles : lines.filter((line) => !line.includes('"event":"camera-state"'))).slice(-KIOSK_LINES);
}

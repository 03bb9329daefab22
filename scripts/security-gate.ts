/**
 * `npm run security` (part of `npm test`): Electronegativity over the app's sources (main,
 * preload, capture page, shared code and the React UI, with package.json for the Electron
 * version), scanned together so that its global checks see the whole app. Prints every blocking
 * finding and every allowed one with its reason; exits 1 on a blocking finding or an unparsed file.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ALLOW_LIST } from './security/allow-list';
import { runGate } from './security/electronegativity-gate';

const root = path.resolve(import.meta.dirname, '..');
const scanned = mkdtempSync(path.join(os.tmpdir(), 'kiosk-security-'));
try {
  for (const entry of ['electron', 'renderer', 'package.json']) cpSync(path.join(root, entry), path.join(scanned, entry), { recursive: true });
  const result = await runGate(scanned, ALLOW_LIST);
  console.log(`Electronegativity: ${result.checks} checks, ${result.files} files, ${result.failures.length} blocking, ${result.allowed.length} allowed, ${result.parseErrors.length} unparsed`);
  for (const finding of result.failures) {
    console.error(`  FAIL ${finding.check} (${finding.severity}, ${finding.confidence}) ${finding.file}:${finding.line}: ${finding.description}`);
  }
  for (const finding of result.allowed) console.log(`  allowed ${finding.check} ${finding.file}:${finding.line}: ${finding.reason}`);
  for (const error of result.parseErrors) console.error(`  UNPARSED ${error.file}: ${error.message}`);
  if (result.failures.length > 0 || result.parseErrors.length > 0) {
    console.error('Security gate failed: fix the findings above, or allow a false positive with its reason in scripts/security/allow-list.ts.');
    process.exitCode = 1;
  }
} finally {
  rmSync(scanned, { recursive: true, force: true });
}

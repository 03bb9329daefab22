/**
 * The security gate over Electronegativity (Doyensec's Electron linter). Its CLI always exits 0,
 * so this calls its programmatic API and decides: a finding of MEDIUM or higher severity with
 * FIRM or higher confidence fails the build, unless the allow-list names it with a reason; so
 * does any file it could not parse (an unparsed file is an unchecked file).
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Babel parser plugins for syntax this code base uses beyond Electronegativity's defaults. */
export const PARSER_PLUGINS = ['importAttributes', 'explicitResourceManagement'];

/** Checks left out: this one downloads Electron's release list (no network on build machines). */
export const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

export interface Allowance {
  check: string;
  /** Relative to the scanned folder; '*' for global checks that name no file. */
  file: string;
  reason: string;
}

export interface Finding {
  check: string;
  file: string;
  line: number;
  severity: string;
  confidence: string;
  description: string;
}

export interface GateResult {
  failures: Finding[];
  allowed: Array<Finding & { reason: string }>;
  parseErrors: Array<{ file: string; message: string }>;
  checks: number;
  /** Source files it read: a gate that read none proves nothing. */
  files: number;
}

interface Level {
  name: string;
  value: number;
}
interface RawIssue {
  id: string;
  file: string;
  location: { line: number };
  severity: Level;
  confidence: Level;
  description: string;
}
interface RawResult {
  globalChecks: number;
  atomicChecks: number;
  errors: Array<{ file: string; message: string; tolerable: boolean }>;
  issues: RawIssue[];
}
type Run = (options: Record<string, unknown>) => Promise<RawResult>;

const SEVERITY = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 } as const;
const CONFIDENCE = { TENTATIVE: 0, FIRM: 1, CERTAIN: 2 } as const;

/** Scans `input` (a folder) and applies the gate's rule and allow-list. */
export async function runGate(input: string, allowList: readonly Allowance[]): Promise<GateResult> {
  const run = loadElectronegativity();
  const raw = await run({
    input,
    output: null,
    isSarif: false,
    customScan: [],
    excludeFromScan: EXCLUDED_CHECKS,
    severitySet: 'informational',
    confidenceSet: 'tentative',
    isRelative: true,
    parserPlugins: PARSER_PLUGINS,
  });
  const result: GateResult = { failures: [], allowed: [], parseErrors: [], checks: raw.globalChecks + raw.atomicChecks, files: countSources(input) };
  if (result.files === 0) result.parseErrors.push({ file: input, message: 'no source files found: nothing was checked' });
  for (const error of raw.errors) result.parseErrors.push({ file: path.relative(input, error.file) || error.file, message: error.message });
  for (const issue of raw.issues) {
    const finding: Finding = {
      check: issue.id,
      file: issue.file,
      line: issue.location.line,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      description: issue.description,
    };
    if (!blocks(issue)) continue;
    const allowance = allowList.find((entry) => entry.check === finding.check && (entry.file === '*' || entry.file === finding.file));
    if (allowance) result.allowed.push({ ...finding, reason: allowance.reason });
    else result.failures.push(finding);
  }
  return result;
}

/** MEDIUM or higher, FIRM or higher: the findings that fail the build. */
function blocks(issue: RawIssue): boolean {
  return issue.severity.value >= SEVERITY.MEDIUM && issue.confidence.value >= CONFIDENCE.FIRM;
}

/** The files Electronegativity reads (its own rule: these extensions, nothing under node_modules). */
function countSources(input: string): number {
  const entries = readdirSync(input, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && !entry.parentPath.includes('node_modules') && /\.(jsx?|tsx?|html?)$/.test(entry.name)).length;
}

function loadElectronegativity(): Run {
  // Its messages come from a locale it tries to download first (1 s timeout); English is bundled.
  process.env.LANG = 'en-US';
  const required = createRequire(import.meta.url)('@doyensec/electronegativity') as Run | { default: Run };
  return typeof required === 'function' ? required : required.default;
}

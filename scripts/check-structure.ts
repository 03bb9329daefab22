/**
 * `npm run structure` (part of `npm test`): no import circles in electron/ and renderer/, and no
 * file in electron/ or renderer/src/ over 250 lines. Prints each finding; exits 1 if any.
 */
import path from 'node:path';
import { findImportCycles, findLongFiles } from './structure/structure-check';

const root = path.resolve(import.meta.dirname, '..');
const MAX_LINES = 250;

const findings = [...findImportCycles(root, ['electron', 'renderer']), ...findLongFiles(root, ['electron', 'renderer/src'], MAX_LINES)];
for (const finding of findings) console.error(finding.detail);
console.log(findings.length === 0 ? `Structure: no import circles in electron/ and renderer/, no file over ${MAX_LINES} lines` : `Structure: ${findings.length} problem(s)`);
process.exitCode = findings.length === 0 ? 0 : 1;

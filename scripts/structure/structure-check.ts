/**
 * Two rules that keep the code changeable, checked over a tree of source files:
 * - no import circles (type-only imports count: a circle of types is still a knot to untie);
 * - no file longer than a limit (one concern a file).
 * Imports are read with TypeScript's own pre-processor; only relative ones are followed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SOURCE = /\.(ts|tsx)$/;

export interface StructureFinding {
  kind: 'cycle' | 'tooLong';
  /** The files involved, relative to the root: a circle in order, or the one long file. */
  files: string[];
  detail: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

/** The file a relative import names, if it is one of `files`. */
function resolve(from: string, specifier: string, files: Set<string>): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (files.has(candidate)) return candidate;
  }
  return null;
}

/** Circles among the source files under `dirs` (Tarjan's strongly connected components). */
export function findImportCycles(root: string, dirs: string[]): StructureFinding[] {
  const files = new Set(dirs.flatMap((dir) => walk(path.join(root, dir))).filter((file) => SOURCE.test(file)));
  const edges = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    edges.set(file, [...new Set(importedFiles.map((imported) => resolve(file, imported.fileName, files)).filter((target): target is string => target !== null))]);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const findings: StructureFinding[] = [];
  let counter = 0;
  const visit = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter++);
    stack.push(file);
    onStack.add(file);
    for (const next of edges.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    const selfImport = component.length === 1 && (edges.get(file) ?? []).includes(file);
    if (component.length > 1 || selfImport) {
      const names = component.map((each) => path.relative(root, each)).sort();
      findings.push({ kind: 'cycle', files: names, detail: `import circle: ${names.join(' → ')} → …` });
    }
  };
  for (const file of [...files].sort()) if (!index.has(file)) visit(file);
  return findings;
}

/** Files under `dirs` (any kind) longer than `maxLines`. */
export function findLongFiles(root: string, dirs: string[], maxLines: number): StructureFinding[] {
  return dirs
    .flatMap((dir) => walk(path.join(root, dir)))
    .filter((file) => statSync(file).isFile())
    .map((file) => ({ file, text: readFileSync(file, 'utf8') }))
    .map(({ file, text }) => ({ file, lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0) }))
    .filter(({ lines }) => lines > maxLines)
    .map(({ file, lines }) => ({ kind: 'tooLong' as const, files: [path.relative(root, file)], detail: `${path.relative(root, file)}: ${lines} lines (at most ${maxLines})` }));
}

/** The structure check (`npm run structure`) finds what it is there to find. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findImportCycles, findLongFiles } from '../../scripts/structure/structure-check';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function tree(files: Record<string, string>): string {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-structure-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('the structure check', () => {
  it('finds an import circle, type-only imports and index files included, and nothing in a tree without one', () => {
    const root = tree({
      'src/a.ts': "import { b } from './b';\nexport const a = b;\n",
      'src/b.ts': "import type { C } from './c';\nexport const b: C = 1;\n",
      'src/c/index.ts': "import { a } from '../a';\nexport type C = typeof a;\n",
      'src/d.tsx': "import { a } from './a';\nimport React from 'react';\nexport const d = a;\n",
    });
    expect(findImportCycles(root, ['src'])).toEqual([{ kind: 'cycle', files: ['src/a.ts', 'src/b.ts', 'src/c/index.ts'], detail: expect.stringContaining('src/a.ts') }]);
    writeFileSync(path.join(root, 'src/c/index.ts'), 'export type C = number;\n');
    expect(findImportCycles(root, ['src'])).toEqual([]);
  });

  it('finds a file over the limit, of any kind', () => {
    const root = tree({ 'src/long.css': 'a{}\n'.repeat(251), 'src/short.ts': 'x\n'.repeat(250) });
    expect(findLongFiles(root, ['src'], 250).map((finding) => finding.detail)).toEqual(['src/long.css: 251 lines (at most 250)']);
  });
});

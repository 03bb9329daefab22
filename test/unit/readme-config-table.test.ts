/**
 * The README's configuration table is what store operators read: it must name every field of
 * the zod configuration schema, with its default and its range, and no field the schema does not
 * have. Read from the schema itself (zod 4's definitions: each field's default, and its number
 * checks' bounds), and from the README's table, cell by cell.
 *
 * Table rules: the first cell names one or more fields in backticks (`a.b`, `a.c`); a row for an
 * object (`handoff.listen.tls`) covers the fields inside it when none of them has a default or a
 * range. The default cell holds `—` (none), or one backticked JSON value per field named; other
 * words there describe a default that depends on other settings and is not checked. A bounded
 * number's meaning says its range as `min–max`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ConfigSchema } from '../../electron/core/config/config-schema';

interface Field {
  path: string;
  /** The default, when the schema gives one (`undefined`: none). */
  default?: unknown;
  hasDefault: boolean;
  min?: number;
  max?: number;
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  defaultValue?: unknown;
  format?: string;
  checks?: z.ZodType[];
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod;

/** Every leaf of the schema: objects are walked into, everything else is a field. */
function schemaFields(schema: z.ZodType, prefix = '', out: Field[] = []): Field[] {
  let node = schema;
  let dflt: { value: unknown } | null = null;
  for (;;) {
    const { def } = defOf(node);
    if ((def.type === 'default' || def.type === 'prefault') && def.innerType) {
      dflt ??= { value: def.defaultValue };
      node = def.innerType;
    } else if ((def.type === 'optional' || def.type === 'nullable' || def.type === 'readonly') && def.innerType) node = def.innerType;
    else if (def.type === 'pipe' && def.in) node = def.in;
    else break;
  }
  const { def } = defOf(node);
  if (def.type === 'object' && def.shape) {
    for (const [key, child] of Object.entries(def.shape)) schemaFields(child, prefix ? `${prefix}.${key}` : key, out);
    return out;
  }
  // A number's bounds are its checks (z.int().min(3).max(600): greater_than 3 inclusive, less_than 600 inclusive).
  let min: number | undefined;
  let max: number | undefined;
  for (const check of def.checks ?? []) {
    const bound = defOf(check).def as unknown as { check: string; value: number; inclusive: boolean };
    const step = def.format === 'safeint' ? 1 : 0;
    if (bound.check === 'greater_than') min = bound.inclusive ? bound.value : bound.value + step;
    if (bound.check === 'less_than') max = bound.inclusive ? bound.value : bound.value - step;
  }
  const bounded = def.type === 'number' && max !== undefined && Number.isFinite(max);
  out.push({ path: prefix, hasDefault: dflt !== null, default: dflt?.value, ...(bounded ? { min: min ?? 0, max } : {}) });
  return out;
}

interface Row {
  paths: string[];
  defaults: string;
  meaning: string;
}

function readmeRows(): Row[] {
  const readme = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Configuration\n'), readme.indexOf('\n## For every customer\n'));
  const lines = section.split('\n').filter((line) => line.startsWith('| `'));
  return lines.map((line) => {
    const cells = line.slice(1, -1).split(' | ').map((cell) => cell.trim());
    const [names = '', defaults = '', ...meaning] = cells;
    return { paths: [...names.matchAll(/`([^`]+)`/g)].map((match) => match[1]!), defaults, meaning: meaning.join(' | ') };
  });
}

/** The backticked JSON values of a default cell, or null when it describes the default in words. */
function tableDefaults(cell: string): unknown[] | 'none' | null {
  if (cell === '—') return 'none';
  const values = [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
  if (!/^(`[^`]+`(, )?)+$/.test(cell)) return null;
  try {
    return values.map((value) => JSON.parse(value) as unknown);
  } catch {
    return null;
  }
}

const fields = schemaFields(ConfigSchema as unknown as z.ZodType);
const rows = readmeRows();
const covering = (field: Field) => rows.find((row) => row.paths.includes(field.path)) ?? rows.find((row) => row.paths.some((name) => field.path.startsWith(`${name}.`)));

describe("the README's configuration table", () => {
  it('reads the schema and the table (a broken reader would pass everything)', () => {
    expect(fields.length).toBeGreaterThan(50);
    expect(rows.length).toBeGreaterThan(40);
    expect(fields.find((field) => field.path === 'idleResetSeconds')).toEqual({ path: 'idleResetSeconds', hasDefault: true, default: 15, min: 3, max: 600 });
  });

  it('has a row for every field of the schema', () => {
    expect(fields.filter((field) => !covering(field)).map((field) => field.path)).toEqual([]);
  });

  it('has no row for a field the schema does not have', () => {
    const known = (name: string) => fields.some((field) => field.path === name || field.path.startsWith(`${name}.`));
    expect(rows.flatMap((row) => row.paths.filter((name) => !known(name)))).toEqual([]);
  });

  it('a row for a whole object stands only for fields without a default or a range', () => {
    const hidden = fields.filter((field) => {
      const row = covering(field);
      return row && !row.paths.includes(field.path) && (field.hasDefault || field.max !== undefined);
    });
    expect(hidden.map((field) => field.path)).toEqual([]);
  });

  it('gives each field the default the schema gives it, and — where it has none', () => {
    const wrong: string[] = [];
    for (const row of rows) {
      const stated = tableDefaults(row.defaults);
      row.paths.forEach((name, index) => {
        const field = fields.find((candidate) => candidate.path === name);
        if (!field) return;
        if (stated === null) return; // a default in words: it depends on other settings
        if (stated === 'none') {
          if (field.hasDefault && field.default !== null && field.default !== undefined) wrong.push(`${name}: the table says none, the schema ${JSON.stringify(field.default)}`);
          return;
        }
        const value = stated.length === row.paths.length ? stated[index] : stated.length === 1 ? stated[0] : undefined;
        if (!field.hasDefault) wrong.push(`${name}: the table says ${JSON.stringify(value)}, the schema has no default`);
        else if (JSON.stringify(value) !== JSON.stringify(field.default)) wrong.push(`${name}: the table says ${JSON.stringify(value)}, the schema ${JSON.stringify(field.default)}`);
      });
    }
    expect(wrong).toEqual([]);
  });

  it("says every bounded number's range, as min–max", () => {
    const missing = fields
      .filter((field) => field.max !== undefined)
      .filter((field) => {
        const row = rows.find((candidate) => candidate.paths.includes(field.path));
        return !row?.meaning.includes(`${field.min}–${field.max}`);
      })
      .map((field) => `${field.path} (${field.min}–${field.max})`);
    expect(missing).toEqual([]);
  });
});

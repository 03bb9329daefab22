/**
 * The kiosk's log lines for the support API (GET /v1/logs): read from its log file and the
 * rotated ones (logger.ts), newest last, at or after `since`, at most `limit` lines and
 * `maxBytes`. Each line is redacted again with today's secrets before it leaves the kiosk (it
 * was when written; a secret configured since is known now).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export interface LogQuery {
  /** Epoch ms; null: the newest lines. */
  since: number | null;
  limit: number;
  maxBytes: number;
}

export interface LogLines {
  /** JSON lines, oldest first. */
  lines: string[];
  /** More lines at or after `since` were left out (older than those given). */
  truncated: boolean;
}

/** The log file and its rotated copies, newest first: kiosk.log, kiosk.1.log, kiosk.2.log, … */
function logFiles(file: string): string[] {
  const { dir, name, ext } = path.parse(file);
  const files = [file];
  for (let n = 1; n <= 20; n += 1) files.push(path.join(dir, `${name}.${n}${ext}`));
  return files;
}

export async function readLogLines(file: string, query: LogQuery, redact: (fields: Record<string, unknown>) => Record<string, unknown>): Promise<LogLines> {
  const newestFirst: string[] = [];
  let bytes = 0;
  for (const each of logFiles(file)) {
    let text: string;
    try {
      text = await readFile(each, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') break; // no older file
      throw error;
    }
    const rows = text.split('\n');
    for (let index = rows.length - 1; index >= 0; index -= 1) {
      const fields = parseLine(rows[index] ?? '');
      if (!fields) continue;
      const time = Date.parse(String(fields.time));
      if (query.since !== null && !(time >= query.since)) return { lines: newestFirst.reverse(), truncated: false };
      const line = JSON.stringify(redact(fields));
      if (newestFirst.length >= query.limit || bytes + line.length + 1 > query.maxBytes) return { lines: newestFirst.reverse(), truncated: true };
      newestFirst.push(line);
      bytes += line.length + 1;
    }
  }
  return { lines: newestFirst.reverse(), truncated: false };
}

/** A log line's fields; null for a line cut short (being written) or not the kiosk's. */
function parseLine(row: string): Record<string, unknown> | null {
  if (!row.startsWith('{')) return null;
  try {
    const value = JSON.parse(row) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { time?: unknown }).time === 'string' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

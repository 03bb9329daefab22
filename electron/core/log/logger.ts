/**
 * Structured log lines: one JSON object per line, on stderr and, given a folder, in a rotating
 * file there (electron-log's file transport, in both shells). Every line goes through
 * `redactFields`, so no caller can write a customer's code or a secret by mistake. The last
 * warnings and errors are kept in memory for the staff health view.
 */
import electronLog from 'electron-log/node';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { LogProblem } from '../../shared/staff-view';
import { redactFields, redactText } from './redact';

export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

type Level = 'info' | 'warn' | 'error';


export interface KioskLogger extends Logger {
  /** The newest warnings and errors, newest last. */
  recentProblems(): LogProblem[];
  /** Values that must never be written, whatever field they turn up in (the configured secrets). */
  setSecrets(values: ReadonlyArray<string | undefined | null>): void;
  /** The log file, when there is one. */
  readonly file: string | null;
  /** `fields` as a line would carry them, with today's secrets (the support API reads old lines again through it). */
  redact(fields: Record<string, unknown>): Record<string, unknown>;
}

export interface LoggerOptions {
  /** Where each line goes besides the file (default: stderr). */
  write?: (line: string) => void;
  /** Folder for `kiosk.log` and its rotated copies; none: no file. */
  dir?: string;
  /** Rotation: a file over this size is moved aside (default 2 MiB)… */
  maxFileBytes?: number;
  /** …and this many old files are kept (default 5): at most 12 MiB in all. */
  keepFiles?: number;
}

export const LOG_FILE_NAME = 'kiosk.log';
const RECENT_PROBLEMS = 20;
let instances = 0;

export function createLogger(options: LoggerOptions | ((line: string) => void) = {}): KioskLogger {
  const settings: LoggerOptions = typeof options === 'function' ? { write: options } : options;
  const write = settings.write ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const file = settings.dir ? path.join(settings.dir, LOG_FILE_NAME) : null;
  const toFile = file ? fileWriter(file, settings.maxFileBytes ?? 2 * 1024 ** 2, settings.keepFiles ?? 5) : null;
  const problems: LogProblem[] = [];
  let secrets: string[] = [];

  const log = (level: Level) => (event: string, fields: Record<string, unknown> = {}) => {
    const time = new Date().toISOString();
    const clean = redactFields(fields, secrets);
    const name = redactText(event, secrets);
    const line = JSON.stringify({ time, level, event: name, ...clean });
    write(line);
    toFile?.(line);
    if (level !== 'info') {
      const message = typeof clean.message === 'string' ? clean.message : typeof clean.detail === 'string' ? clean.detail : null;
      problems.push({ time, level, event: name, message });
      if (problems.length > RECENT_PROBLEMS) problems.shift();
    }
  };
  return {
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    recentProblems: () => problems.map((problem) => ({ ...problem })),
    setSecrets(values) {
      secrets = values.filter((value): value is string => typeof value === 'string' && value.length >= 4);
    },
    file,
    redact: (fields) => redactFields(fields, secrets),
  };
}

/** A line writer to `file` through electron-log, rotating to `kiosk.1.log` … `kiosk.<keep>.log`. */
function fileWriter(file: string, maxBytes: number, keep: number): (line: string) => void {
  const instance = electronLog.create({ logId: `kiosk-${++instances}` });
  instance.transports.console.level = false;
  const transport = instance.transports.file;
  transport.resolvePathFn = () => file;
  transport.maxSize = maxBytes;
  transport.format = '{text}';
  // Owner-only: even redacted, a log says when customers came.
  transport.writeOptions = { flag: 'a', mode: 0o600, encoding: 'utf8' };
  // A file that cannot be moved (held open on Windows) is emptied instead: the cap holds either way.
  transport.archiveLogFn = (current) => void (rotate(current.path, keep) || current.clear());
  return (line) => instance.info(line);
}

/** kiosk.log → kiosk.1.log, kiosk.1.log → kiosk.2.log, …; the oldest beyond `keep` goes. */
export function rotate(file: string, keep: number): boolean {
  const { dir, name, ext } = path.parse(file);
  const numbered = (n: number) => path.join(dir, `${name}.${n}${ext}`);
  try {
    rmSync(numbered(keep), { force: true });
    for (let n = keep - 1; n >= 1; n -= 1) if (existsSync(numbered(n))) renameSync(numbered(n), numbered(n + 1));
    renameSync(file, numbered(1));
    return true;
  } catch {
    return false;
  }
}

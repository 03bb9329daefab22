/**
 * Structured log lines (one JSON object per line on stderr). Callers pass event names and
 * counts, never identifiers, codes, phone numbers or secrets; strings are stripped of control
 * characters so a hostile value cannot forge lines.
 */
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

type Level = 'info' | 'warn' | 'error';

export function createLogger(write: (line: string) => void = (line) => process.stderr.write(line + '\n')): Logger {
  const log = (level: Level) => (event: string, fields: Record<string, unknown> = {}) =>
    write(JSON.stringify({ time: new Date().toISOString(), level, event, ...clean(fields) }));
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

function clean(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [key, typeof value === 'string' ? value.replace(/[\p{Cc}\p{Cf}]/gu, ' ') : value]),
  );
}

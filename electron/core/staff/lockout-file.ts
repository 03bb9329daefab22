/**
 * The staff PIN lockout's count on disk (`staff-lockout.json` in user data), written atomically
 * and readable by the kiosk's user only. Reading trusts nothing: a file that is not exactly a
 * lockout record, is too large, or holds a lock longer than any the kiosk sets (a hand-edited
 * or planted one), is refused with the reason, and the caller locks (pin-lockout.ts).
 */
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';

export const LOCKOUT_FILE = 'staff-lockout.json';
/** A record is about 60 bytes; anything much larger is not one. */
const MAX_BYTES = 1024;

export interface LockoutRecord {
  /** Wrong PINs since the last right one. */
  wrongInARow: number;
  /** Unix ms until which staff mode is locked; 0: not locked. */
  lockedUntil: number;
}

const RecordSchema = z.strictObject({
  version: z.literal(1),
  wrongInARow: z.int().min(0).max(1_000_000),
  lockedUntil: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
});

export type LockoutRead = { ok: true; record: LockoutRecord } | { ok: false; reason: string };

/** The record; no file is a fresh count. `maxLockMs`: the longest lock the kiosk sets, counted from `now`. */
export async function readLockoutFile(file: string, now: number, maxLockMs: number): Promise<LockoutRead> {
  let text: string;
  try {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(MAX_BYTES + 1);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      if (bytesRead > MAX_BYTES) return { ok: false, reason: `larger than ${MAX_BYTES} bytes` };
      text = buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: true, record: { wrongInARow: 0, lockedUntil: 0 } };
    return { ok: false, reason: `cannot be read (${code ?? 'unknown error'})` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not valid JSON' };
  }
  const parsed = RecordSchema.safeParse(value);
  if (!parsed.success) return { ok: false, reason: `not a lockout record (${parsed.error.issues.map((issue) => issue.path.join('.') || '(top level)').join(', ')})` };
  const { wrongInARow, lockedUntil } = parsed.data;
  if (lockedUntil - now > maxLockMs) return { ok: false, reason: 'locked for longer than the kiosk ever locks' };
  return { ok: true, record: { wrongInARow, lockedUntil } };
}

export async function writeLockoutFile(file: string, record: LockoutRecord): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify({ version: 1, ...record })}\n`, { mode: 0o600 });
}

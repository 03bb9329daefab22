/**
 * Staff PINs are stored as scrypt hashes that carry their own salt and parameters:
 * `scrypt$<N>$<r>$<p>$<salt, base64>$<hash, base64>`, so the cost can be raised later without
 * invalidating the PINs already rolled out. Verification compares in constant time.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCallback(password, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key))));

/** OWASP's scrypt minimum (N=2^17, r=8, p=1): about 100 ms and 128 MiB per check. */
const DEFAULTS = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 32;
const MAX_MEMORY = 256 * 1024 * 1024;
const FORMAT = /^scrypt\$(\d{1,8})\$(\d{1,3})\$(\d{1,3})\$([A-Za-z0-9+/]{16,88}={0,2})\$([A-Za-z0-9+/]{43}=)$/;

export const PIN_PATTERN = /^[0-9]{4,12}$/;

export async function hashPin(pin: string, params = DEFAULTS): Promise<string> {
  if (!PIN_PATTERN.test(pin)) throw new Error('A PIN is 4 to 12 digits');
  const salt = randomBytes(16);
  const key = await scrypt(pin, salt, KEY_LENGTH, { ...params, maxmem: MAX_MEMORY });
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** True for a well-formed hash string (the config schema checks this, so a typo is caught at load). */
export function isPinHash(text: string): boolean {
  const match = FORMAT.exec(text);
  if (!match) return false;
  const [N, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // scrypt needs 128·N·r bytes: a hash must be checkable within MAX_MEMORY.
  return N >= 2 ** 10 && (N & (N - 1)) === 0 && r >= 1 && p >= 1 && p <= 16 && 128 * N * r <= MAX_MEMORY / 2;
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const match = FORMAT.exec(stored);
  if (!match || !isPinHash(stored)) return false;
  const [, N, r, p, salt, hash] = match;
  const expected = Buffer.from(hash ?? '', 'base64');
  try {
    const key = await scrypt(pin, Buffer.from(salt ?? '', 'base64'), expected.length, { N: Number(N), r: Number(r), p: Number(p), maxmem: MAX_MEMORY });
    return timingSafeEqual(key, expected);
  } catch {
    return false; // parameters this machine cannot run: no PIN matches, and nothing crashes
  }
}

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

/**
 * New PINs: 6 to 12 digits. With the lockout (at most about 24 guesses a day once five are
 * spent) six digits take a guesser decades; four took days. A hash made for a shorter PIN
 * before still opens staff mode, and staff health says to replace it.
 */
export const MIN_PIN_DIGITS = 6;
export const MAX_PIN_DIGITS = 12;
export const PIN_PATTERN = /^[0-9]{6,12}$/;

/** Why `pin` cannot be a new staff PIN, in words for whoever typed it; null when it can. */
export function newPinProblem(pin: string): string | null {
  if (!/^[0-9]*$/.test(pin)) return 'A staff PIN is digits only (the PIN pad has nothing else).';
  if (pin.length < MIN_PIN_DIGITS) return `A staff PIN needs at least ${MIN_PIN_DIGITS} digits (this one has ${pin.length}): shorter ones are too easy to guess at the counter.`;
  if (pin.length > MAX_PIN_DIGITS) return `A staff PIN has at most ${MAX_PIN_DIGITS} digits (this one has ${pin.length}): the PIN pad takes no more.`;
  return null;
}

export async function hashPin(pin: string, params = DEFAULTS): Promise<string> {
  const problem = newPinProblem(pin);
  if (problem) throw new Error(problem);
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

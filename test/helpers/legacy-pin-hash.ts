/**
 * A staff PIN hash as `npm run hash-pin` made them before new PINs had to be 6 to 12 digits
 * (4 digits were allowed): the documented `scrypt$N$r$p$salt$hash` format, made here with
 * Node's scrypt directly, so tests can roll out a short PIN that hashPin now refuses.
 */
import { randomBytes, scryptSync } from 'node:crypto';

export function legacyPinHash(pin: string, params = { N: 1024, r: 8, p: 1 }): string {
  const salt = randomBytes(16);
  const key = scryptSync(pin, salt, 32, { ...params, maxmem: 256 * 1024 * 1024 });
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

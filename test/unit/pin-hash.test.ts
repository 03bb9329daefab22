/** Staff PIN hashes: the scrypt$N$r$p$salt$hash format, verification, and refusal of anything malformed. */
import { describe, expect, it } from 'vitest';
import { hashPin, isPinHash, MIN_PIN_DIGITS, newPinProblem, PIN_PATTERN, verifyPin } from '../../electron/core/staff/pin-hash';
import { legacyPinHash } from '../helpers/legacy-pin-hash';

/** Cheap parameters (1 MiB, about a millisecond): the format carries them, so verification follows. */
const FAST = { N: 1024, r: 8, p: 1 };
const FORMAT = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/]+=*)\$([A-Za-z0-9+/]{43}=)$/;

function partsOf(hash: string) {
  const match = FORMAT.exec(hash);
  if (!match) throw new Error(`not a PIN hash: ${hash}`);
  const [, N, r, p, salt, key] = match as unknown as [string, string, string, string, string, string];
  return { N, r, p, salt, key };
}

/** The hash with one of its six `$`-separated fields replaced. */
function withField(hash: string, index: number, value: string): string {
  const fields = hash.split('$');
  fields[index] = value;
  return fields.join('$');
}

/** Flips one bit of a base64 field, keeping it valid base64 of the same length. */
function flipped(base64: string): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  return bytes.toString('base64');
}

describe('hashPin', () => {
  it('writes scrypt$N$r$p$salt$hash with its parameters, a 16-byte salt and a 32-byte key, never the PIN', async () => {
    const hash = await hashPin('482916', FAST);
    const { N, r, p, salt, key } = partsOf(hash);
    expect([N, r, p]).toEqual(['1024', '8', '1']);
    expect(Buffer.from(salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(key, 'base64')).toHaveLength(32);
    expect(hash).not.toContain('482916');
    expect(isPinHash(hash)).toBe(true);
  });

  it('salts every hash: one PIN hashed twice gives two different hashes, both of which verify', async () => {
    const first = await hashPin('123456', FAST);
    const second = await hashPin('123456', FAST);
    expect(first).not.toBe(second);
    expect(partsOf(first).salt).not.toBe(partsOf(second).salt);
    expect(await verifyPin('123456', first)).toBe(true);
    expect(await verifyPin('123456', second)).toBe(true);
  });

  it('uses the OWASP defaults (N=2^17, r=8, p=1) unless told otherwise, and such a hash verifies', async () => {
    const hash = await hashPin('975319');
    expect(hash.startsWith('scrypt$131072$8$1$')).toBe(true);
    expect(await verifyPin('975319', hash)).toBe(true);
    expect(await verifyPin('975318', hash)).toBe(false);
  });

  it.each<[string, string]>([
    ['123', 'at least 6 digits (this one has 3)'],
    ['2468', 'at least 6 digits (this one has 4)'],
    ['12345', 'at least 6 digits (this one has 5)'],
    ['1234567890123', 'at most 12 digits (this one has 13)'],
    ['12a456', 'digits only'],
    ['123 456', 'digits only'],
    [' 123456', 'digits only'],
    ['123456\n', 'digits only'],
    ['', 'at least 6 digits (this one has 0)'],
    ['١٢٣٤٥٦', 'digits only'],
    ['-123456', 'digits only'],
    ['1234.56', 'digits only'],
  ])('refuses %j as a new PIN, saying why (%s)', async (pin, why) => {
    expect(newPinProblem(pin)).toContain(why);
    await expect(hashPin(pin, FAST)).rejects.toThrow(why);
  });

  it('accepts the shortest (6) and the longest (12) new PIN', async () => {
    expect(MIN_PIN_DIGITS).toBe(6);
    expect(await verifyPin('000000', await hashPin('000000', FAST))).toBe(true);
    expect(await verifyPin('123456789012', await hashPin('123456789012', FAST))).toBe(true);
    expect(PIN_PATTERN.test('123456789012')).toBe(true);
    expect(PIN_PATTERN.test('12345')).toBe(false);
  });

  it('a hash rolled out for a 4-digit PIN before still verifies (and only that PIN)', async () => {
    const hash = legacyPinHash('2468');
    expect(isPinHash(hash)).toBe(true);
    expect(await verifyPin('2468', hash)).toBe(true);
    expect(await verifyPin('246800', hash)).toBe(false);
  });
});

describe('verifyPin', () => {
  it('accepts the right PIN and refuses wrong ones, including a prefix or an extension of it', async () => {
    const hash = await hashPin('246810', FAST);
    expect(await verifyPin('246810', hash)).toBe(true);
    for (const wrong of ['246811', '018642', '24681', '2468100', '', ' 246810', '246810 ']) expect(await verifyPin(wrong, hash)).toBe(false);
  });

  it('reads the parameters from the string: a hash made with other parameters still verifies', async () => {
    const params = { N: 2048, r: 4, p: 2 };
    const hash = await hashPin('135799', params);
    expect(hash.startsWith('scrypt$2048$4$2$')).toBe(true);
    expect(await verifyPin('135799', hash)).toBe(true);
    // The same salt and key read with other parameters is another hash: it does not verify.
    expect(await verifyPin('135799', withField(hash, 1, '1024'))).toBe(false);
    expect(await verifyPin('135799', withField(hash, 2, '8'))).toBe(false);
    expect(await verifyPin('135799', withField(hash, 3, '1'))).toBe(false);
  });

  it('refuses a tampered salt or key (still well-formed) for the right PIN', async () => {
    const hash = await hashPin('135799', FAST);
    const { salt, key } = partsOf(hash);
    expect(await verifyPin('135799', withField(hash, 4, flipped(salt)))).toBe(false);
    expect(await verifyPin('135799', withField(hash, 5, flipped(key)))).toBe(false);
    // A hash of another PIN with this salt does not stand in for this one.
    expect(await verifyPin('135799', withField(hash, 5, partsOf(await hashPin('753199', FAST)).key))).toBe(false);
  });

  it.each<[string, (hash: string) => string]>([
    ['an empty string', () => ''],
    ['the PIN itself', () => '135799'],
    ['another algorithm', (hash) => hash.replace(/^scrypt/, 'bcrypt')],
    ['a missing field', (hash) => hash.split('$').slice(0, 5).join('$')],
    ['an extra field', (hash) => `${hash}$AAAA`],
    ['surrounding whitespace', (hash) => ` ${hash} `],
    ['a trailing line break', (hash) => `${hash}\n`],
    ['a key one byte short', (hash) => withField(hash, 5, Buffer.alloc(31).toString('base64'))],
    ['a key one byte long', (hash) => withField(hash, 5, Buffer.alloc(33).toString('base64'))],
    ['a key that is not base64', (hash) => withField(hash, 5, `${'!'.repeat(43)}=`)],
    ['a salt too short', (hash) => withField(hash, 4, 'AAAA')],
    ['a salt that is not base64', (hash) => withField(hash, 4, '%'.repeat(24))],
    ['N not a power of two', (hash) => withField(hash, 1, '1000')],
    ['N below 2^10', (hash) => withField(hash, 1, '512')],
    ['N above 2^20', (hash) => withField(hash, 1, String(2 ** 21))],
    ['N negative', (hash) => withField(hash, 1, '-1024')],
    ['N as hex', (hash) => withField(hash, 1, '0x400')],
    ['r with too many digits', (hash) => withField(hash, 2, '8888')],
    ['p empty', (hash) => withField(hash, 3, '')],
  ])('returns false, without throwing, for %s', async (_label, tamper) => {
    const stored = tamper(await hashPin('135799', FAST));
    await expect(verifyPin('135799', stored)).resolves.toBe(false);
  });

  // BUG (pin-hash.ts): isPinHash admits N up to 2^20 with any r, but verifyPin runs scrypt with
  // maxmem 256 MiB, so e.g. N=2^18 r=8 (needs 128·N·r = 256 MiB plus overhead) rejects with
  // "Invalid scrypt params … memory limit exceeded" instead of resolving false. The config
  // schema accepts such a hash, and then every unlock attempt throws. Flip to `it` once fixed.
  it('never throws for a hash whose parameters need more memory than allowed; the schema refuses it up front', async () => {
    const hash = withField(await hashPin('135799', FAST), 1, String(2 ** 18));
    expect(isPinHash(hash)).toBe(false); // a config with it is an error naming staff.pinHash
    await expect(verifyPin('135799', hash)).resolves.toBe(false);
  });
});

describe('isPinHash', () => {
  it.each([
    ['r = 0', 2, '0'],
    ['p = 0', 3, '0'],
  ])('refuses %s (scrypt would quietly use its default)', async (_label, index, value) => {
    expect(isPinHash(withField(await hashPin('123456', FAST), index, value))).toBe(false);
  });

  it('accepts real hashes at the smallest and the default cost', async () => {
    expect(isPinHash(await hashPin('123456', FAST))).toBe(true);
    expect(isPinHash(`scrypt$131072$8$1$${'A'.repeat(22)}==$${'B'.repeat(43)}=`)).toBe(true);
    // 2^20 × r 8 needs 1 GiB: more than a check may use, so it is refused rather than crash later.
    expect(isPinHash(`scrypt$1048576$8$1$${'A'.repeat(22)}==$${'B'.repeat(43)}=`)).toBe(false);
    expect(isPinHash(`scrypt$1048576$1$1$${'A'.repeat(22)}==$${'B'.repeat(43)}=`)).toBe(true);
  });

  it.each([
    ['junk', 'hunter2'],
    ['an empty string', ''],
    ['a bare PIN', '123456'],
    ['a bcrypt hash', '$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy'],
    ['N not a power of two', `scrypt$100000$8$1$${'A'.repeat(22)}==$${'B'.repeat(43)}=`],
    ['N = 3 × 2^10', `scrypt$3072$8$1$${'A'.repeat(22)}==$${'B'.repeat(43)}=`],
    ['N = 2^9, below the floor', `scrypt$512$8$1$${'A'.repeat(22)}==$${'B'.repeat(43)}=`],
    ['N = 2^21, above the ceiling', `scrypt$2097152$8$1$${'A'.repeat(22)}==$${'B'.repeat(43)}=`],
    ['N = 0', `scrypt$0$8$1$${'A'.repeat(22)}==$${'B'.repeat(43)}=`],
    ['a key without its padding', `scrypt$1024$8$1$${'A'.repeat(22)}==$${'B'.repeat(43)}`],
    ['a 32-character key', `scrypt$1024$8$1$${'A'.repeat(22)}==$${'B'.repeat(31)}=`],
    ['upper-case SCRYPT', `SCRYPT$1024$8$1$${'A'.repeat(22)}==$${'B'.repeat(43)}=`],
  ])('refuses %s', (_label, text) => {
    expect(isPinHash(text)).toBe(false);
  });
});

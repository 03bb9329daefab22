/**
 * The fleet configuration's signature and shape (fleet/fleet-document.ts) and how it lies over
 * the provisioning file (fleet/merge-patch.ts, RFC 7386): good, bad, unsigned, wrong key,
 * tampered; property-based (fast-check, seeded: a failure replays with its seed).
 */
import { sign } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyFleetDocument } from '../../electron/core/fleet/fleet-document';
import { layerFleetConfig } from '../../electron/core/fleet/fleet-layer';
import { mergePatch } from '../../electron/core/fleet/merge-patch';
import { fleetKeys, signedDocument } from '../helpers/fleet-server';

const SEED = 2323;
const chain = fleetKeys();
const stranger = fleetKeys();
const DOCUMENT = { serial: 7, config: { terminalId: 'kiosk-7', catalog: { '1001': 'Whopper Jr.' } } };

const verdictOf = (document: string | Buffer, signature: string | null, key = chain.publicKey) => verifyFleetDocument(Buffer.from(document), signature, key);

describe('the signature', () => {
  it('good: signed with the chain key over the exact bytes, it reads as its serial and config', () => {
    const { document, signature } = signedDocument(chain, DOCUMENT);
    expect(verdictOf(document, signature)).toEqual({ ok: true, document: DOCUMENT });
    expect(verdictOf(document, `${signature}\n`).ok).toBe(true); // a .sig file ending in a line break
  });

  it('unsigned: no signature, or an empty one', () => {
    const { document } = signedDocument(chain, DOCUMENT);
    expect(verdictOf(document, null)).toMatchObject({ ok: false, reason: 'unsigned' });
    expect(verdictOf(document, '  \n')).toMatchObject({ ok: false, reason: 'unsigned' });
  });

  it('bad: one byte changed, even whitespace; another document\'s signature; not a signature at all', () => {
    const { document, signature } = signedDocument(chain, DOCUMENT);
    expect(verdictOf(document.replace('kiosk-7', 'kiosk-8'), signature)).toMatchObject({ ok: false, reason: 'bad_signature' });
    expect(verdictOf(`${document} `, signature)).toMatchObject({ ok: false, reason: 'bad_signature' });
    expect(verdictOf(document, signedDocument(chain, { ...DOCUMENT, serial: 8 }).signature)).toMatchObject({ ok: false, reason: 'bad_signature' });
    expect(verdictOf(document, 'not-a-signature')).toMatchObject({ ok: false, reason: 'bad_signature' });
    expect(verdictOf(document, Buffer.alloc(64).toString('base64'))).toMatchObject({ ok: false, reason: 'bad_signature' });
  });

  it('wrong key: signed by another key than the provisioning file names', () => {
    const { document, signature } = signedDocument(stranger, DOCUMENT);
    expect(verdictOf(document, signature)).toMatchObject({ ok: false, reason: 'bad_signature' });
    expect(verdictOf(document, signature, stranger.publicKey).ok).toBe(true);
  });

  it('invalid: signed, but not the document the kiosk reads, or one that would change its fleet section', () => {
    const invalid = (text: string) => verdictOf(text, signedDocument(chain, text).signature);
    expect(invalid('not json')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(invalid('{"serial": 0, "config": {}}')).toMatchObject({ ok: false, reason: 'invalid', message: expect.stringContaining('serial') });
    expect(invalid('{"serial": 1.5, "config": {}}')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(invalid('{"serial": 1, "config": []}')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(invalid('{"serial": 1, "config": {}, "extra": true}')).toMatchObject({ ok: false, reason: 'invalid', message: expect.stringContaining('unknown field extra') });
    expect(invalid('{"serial": 1, "config": {"fleet": {"config": null}}}')).toMatchObject({ ok: false, reason: 'invalid', message: expect.stringMatching(/^config\.fleet: /) });
    expect(verdictOf(Buffer.from([0xff, 0xfe, 0x7b]), sign(null, Buffer.from([0xff, 0xfe, 0x7b]), chain.privateKey).toString('base64'))).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('never accepts bytes the chain did not sign, whatever the signature (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), fc.uint8Array({ minLength: 64, maxLength: 64 }), (bytes, signature) => {
        expect(verifyFleetDocument(bytes, Buffer.from(signature).toString('base64'), chain.publicKey).ok).toBe(false);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('refuses a signed document with any one bit flipped (property)', () => {
    const { document, signature } = signedDocument(chain, DOCUMENT);
    const bytes = Buffer.from(document);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: bytes.length * 8 - 1 }), (bit) => {
        const flipped = Buffer.from(bytes);
        flipped[bit >> 3] = (flipped[bit >> 3] ?? 0) ^ (1 << (bit & 7));
        expect(verifyFleetDocument(flipped, signature, chain.publicKey)).toMatchObject({ ok: false, reason: 'bad_signature' });
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('any signed JSON that is no object with a serial and a config is refused as invalid, never thrown (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value) ?? 'null';
        const verdict = verdictOf(text, signedDocument(chain, text).signature);
        if (verdict.ok) expect(Number.isSafeInteger(verdict.document.serial) && verdict.document.serial >= 1).toBe(true);
        else expect(verdict.reason).toBe('invalid');
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('the fleet layer over the provisioning file (JSON Merge Patch, RFC 7386)', () => {
  it('follows the RFC\'s own examples (Appendix A)', () => {
    const examples: Array<[unknown, unknown, unknown]> = [
      [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
      [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
      [{ a: 'b' }, { a: null }, {}],
      [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
      [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
      [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
      [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
      [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
      [['a', 'b'], ['c', 'd'], ['c', 'd']],
      [{ a: 'b' }, ['c'], ['c']],
      [{ a: 'foo' }, null, null],
      [{ a: 'foo' }, 'bar', 'bar'],
      [{ e: null }, { a: 1 }, { e: null, a: 1 }],
      [[1, 2], { a: 'b', c: null }, { a: 'b' }],
      [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
    ];
    for (const [target, patch, result] of examples) expect(mergePatch(target, patch)).toEqual(result);
  });

  it('a "__proto__" key in a patch is a field of its own, for the schema to refuse; nothing is polluted (property)', () => {
    const patched = mergePatch({ storeId: '1' }, JSON.parse('{"__proto__": {"polluted": true}, "scanners": {"__proto__": {"x": 1}}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(patched)).toBe(Object.prototype);
    expect(Object.hasOwn(patched, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (target, patch) => {
        const before = JSON.stringify(target);
        const result = mergePatch(target, patch);
        expect(JSON.stringify(target)).toBe(before); // the target is not changed
        if (result !== null && typeof result === 'object' && !Array.isArray(result)) expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('may lock more fields, never unlock the provisioning file\'s', () => {
    const file = { locked: ['storeId'], storeId: '1' };
    expect(layerFleetConfig(file, { locked: ['terminalId'] }).locked).toEqual(['storeId', 'terminalId']);
    expect(layerFleetConfig(file, { locked: [] }).locked).toEqual(['storeId']);
    expect(layerFleetConfig(file, { locked: null }).locked).toEqual(['storeId']);
    expect(layerFleetConfig(file, { storeId: '2' })).toEqual({ locked: ['storeId'], storeId: '2' });
    expect(layerFleetConfig({}, { locked: ['storeId'] }).locked).toEqual(['storeId']);
  });
});

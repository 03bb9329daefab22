/**
 * fast-check arbitraries for what a hostile or broken party sends: JSON with prototype names as
 * keys and values, huge, negative and odd numbers, deep nesting, long and odd Unicode strings;
 * and the same leaves inside the shapes the kiosk reads (a member answer, an error body), so the
 * readers' deeper paths are reached, not only their first check.
 *
 * Seeded: every property runs with PROPERTY_SEED (override with FC_SEED=<n>, and replay one
 * failing case with FC_PATH=<path> as fast-check's failure message gives it).
 */
import fc from 'fast-check';

export const PROPERTY_SEED = Number(process.env.FC_SEED ?? 20_020_410);

export function propertyOptions(numRuns: number): fc.Parameters<unknown> {
  return { seed: PROPERTY_SEED, numRuns, ...(process.env.FC_PATH ? { path: process.env.FC_PATH } : {}), endOnFailure: true };
}

/** Names every object inherits (or that mean something to JavaScript), as keys and as text. */
export const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', 'isPrototypeOf', '__defineGetter__', 'then', 'toJSON'] as const;

/** Short strings a back end should never send but may: prototype names, odd Unicode, controls, markup. */
export const shortOddString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...PROTOTYPE_NAMES),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }), // lone surrogates, controls, anything
  fc.constantFrom('', ' ', '\u202eevil', 'Zoë\u0301', '\u200b', '👨‍👩‍👧‍👦', 'null', '{{name}}', '<script>x</script>', '\r\n', 'ﷺ'.repeat(30)),
);

/** The same, and long runs (past every limit the readers set). */
export const oddString: fc.Arbitrary<string> = fc.oneof({ weight: 4, arbitrary: shortOddString }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 500, maxLength: 5000 }) });

/** Numbers at the edges: huge, negative, fractional, beyond safe integers, subnormal. */
export const oddNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -1000, max: 100_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -(2 ** 63), 5e-324, -0, 0.1 + 0.2, 999, 1000, -1),
);

/** Keys: prototype names often, anything else too. */
const oddKey: fc.Arbitrary<string> = fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES) }, { weight: 3, arbitrary: oddString });

/** Any JSON value, prototype names among its keys. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    oddNumber,
    oddString,
    fc.array(tie('value'), { maxLength: 6 }),
    fc.dictionary(oddKey, tie('value'), { maxKeys: 6 }),
  ),
})).value;

/** A value nested `depth` levels deep in arrays and objects (a parser that recurses would overflow). */
export const deepJson: fc.Arbitrary<unknown> = fc.record({ depth: fc.integer({ min: 50, max: 1500 }), leaf: hostileJson }).map(({ depth, leaf }) => {
  let value: unknown = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { constructor: value };
  return value;
});

/** Extra keys beside a known shape: prototype names and others, with hostile values. */
const extraKeys = fc.dictionary(oddKey, hostileJson, { maxKeys: 3 });
const withExtras = <T extends object>(shape: fc.Arbitrary<T>) => fc.tuple(shape, extraKeys).map(([known, extra]) => ({ ...extra, ...known }));
/** Mostly the leaf the shape wants (so the deeper paths are reached), sometimes anything. */
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 5, arbitrary }, { weight: 1, arbitrary: hostileJson });
const quantity = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 999 }) }, { weight: 1, arbitrary: oddNumber });

/** An identify 200 answer of about the documented shape, its leaves hostile. */
export const memberShapedAnswer: fc.Arbitrary<unknown> = withExtras(
  fc.record(
    {
      balances: maybe(fc.array(withExtras(fc.record({ amount: maybe(oddNumber), currency: maybe(fc.oneof(fc.constant('points'), shortOddString)) })), { maxLength: 25 })),
      loyaltyUser: maybe(withExtras(fc.record({ id: maybe(shortOddString), name: maybe(oddString), created: hostileJson }))),
      order: maybe(
        fc.array(
          withExtras(
            fc.record(
              { productId: maybe(fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), shortOddString)), quantity, productType: maybe(fc.oneof(fc.constantFrom('REWARD', 'OFFER', 'reward'), shortOddString)), price: hostileJson },
              { requiredKeys: ['productId', 'quantity'] },
            ),
          ),
          { maxLength: 12 },
        ),
      ),
      transactionId: maybe(shortOddString),
      content: hostileJson,
    },
    { requiredKeys: ['loyaltyUser'] },
  ),
);

/**
 * An identify 200 answer the kiosk accepts, every leaf as odd as the reader lets through:
 * prototype names as PLUs, names and currencies, odd Unicode, amounts at the edges.
 */
const oddWithin = (max: number, minLength = 0) => fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), fc.string({ unit: 'grapheme', minLength, maxLength: max }), fc.string({ unit: 'binary', minLength, maxLength: max })).filter((text) => text.length >= minLength && text.length <= max);
export const acceptedMemberAnswer: fc.Arbitrary<unknown> = withExtras(
  fc.record({
    balances: fc.array(withExtras(fc.record({ amount: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(1e308, -1e308, -0)), currency: fc.oneof(fc.constant('points'), oddWithin(32)) })), { maxLength: 4 }),
    loyaltyUser: withExtras(fc.record({ id: oddWithin(100), name: oddWithin(200) })),
    order: fc.array(withExtras(fc.record({ productId: oddWithin(64, 1), quantity: fc.integer({ min: 0, max: 999 }), productType: fc.oneof(fc.constantFrom('REWARD', 'OFFER'), oddWithin(32)) })), { maxLength: 6 }),
    transactionId: oddWithin(100),
  }),
);

/** A 400/422 body of about the shapes error bodies take, its code hostile. */
export const errorShapedAnswer: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({ error: withExtras(fc.record({ code: fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), oddString), message: maybe(oddString) })) }),
  fc.record({ code: fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), oddString) }),
  fc.record({ title: oddString, status: oddNumber, detail: oddString, extraDetails: maybe(fc.array(fc.record({ name: oddString, reason: oddString }), { maxLength: 4 })) }),
);

/** Any answer a JSON API might give: hostile JSON, a known shape with hostile leaves, deep nesting, or nothing. */
export const hostileAnswer = (shaped: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 3, arbitrary: shaped }, { weight: 3, arbitrary: hostileJson }, { weight: 1, arbitrary: deepJson }, { weight: 1, arbitrary: fc.constant(undefined) });

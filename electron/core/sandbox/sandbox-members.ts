/**
 * The embedded sandbox's seeded data: one code per screen, so anyone can try every screen by
 * typing the code on a keyboard (or scanning it). The README's table is this file, in words.
 */

export type SandboxAnswer =
  | { kind: 'member'; body: Record<string, unknown> }
  | { kind: 'status'; status: number; body: unknown }
  | { kind: 'malformed' }
  | { kind: 'silent' };

const FARHAN_ID = '4711fc2a-3a8f-414f-a9e7-44dd5231dca7';
const INGRID_ID = '9b2f6c1e-5d3a-4f7b-8c21-0e6a4d9f3b57';
const KARI_ID = 'c3d9e0a4-7b1f-4e2a-9d65-2f8b1a7c4e90';
const METTE_ID = '5e8a1c2b-9f4d-4a7e-b361-7d2c9e0f1a84';

/** The sandbox's Vipps users: Kari is a member, Ola is not (his number is unknown: 404). */
export const SANDBOX_VIPPS_MEMBER_PHONE = '4712345678';
export const SANDBOX_VIPPS_GUEST_PHONE = '4798765432';
/** A MobilePay user in Denmark (45 + 8 digits), a member. */
export const SANDBOX_MOBILEPAY_MEMBER_PHONE = '4520304050';

/**
 * MobilePay's personal QR origin comes from a chain's Vipps MobilePay agreement; the sandbox
 * plays one on a reserved name (.example), never a real one.
 */
export const SANDBOX_MOBILEPAY_ORIGIN = 'https://personal-qr.mobilepay.example';
/** The sandbox's personal QR origins: Vipps' own and its stand-in for MobilePay's. */
export const SANDBOX_PERSONAL_QR_ORIGINS = ['https://qr.vipps.no', SANDBOX_MOBILEPAY_ORIGIN];

function member(id: string, name: string, points: number, order: Array<[string, number, 'REWARD' | 'OFFER']>) {
  return {
    kind: 'member' as const,
    body: {
      balances: [{ amount: points, currency: 'points' }],
      loyaltyUser: { created: '2021-08-10T12:18:39.180Z', id, name },
      order: order.map(([productId, quantity, productType], index) => ({
        productId,
        quantity,
        price: 0,
        productType,
        referenceId: String(index).padStart(2, '0'),
      })),
      content: {},
      transactionId: '00000000-0000-4000-8000-000000000000', // replaced by a new one per answer (sandbox-server.ts)
    },
  };
}

/**
 * Keyed by identifier (OTP or lower-case loyalty ID). Unknown identifiers get 404. Maps, here and
 * below: the keys looked up are what a request carried, and `"constructor"` must be unknown.
 */
export const SANDBOX_ANSWERS: ReadonlyMap<string, SandboxAnswer> = new Map<string, SandboxAnswer>([
  [
    '123456',
    member(FARHAN_ID, 'Farhan Ahmed', 14464, [
      ['1001', 1, 'REWARD'],
      ['2002', 2, 'OFFER'],
    ]),
  ],
  [FARHAN_ID, member(FARHAN_ID, 'Farhan Ahmed', 14464, [])],
  ['234567', member(INGRID_ID, 'Ingrid Solberg', 2750, [['9999', 1, 'REWARD']])],
  [SANDBOX_VIPPS_MEMBER_PHONE, member(KARI_ID, 'Kari Nordmann', 820, [['1001', 1, 'REWARD']])],
  [SANDBOX_MOBILEPAY_MEMBER_PHONE, member(METTE_ID, 'Mette Jensen', 3120, [['9999', 1, 'REWARD']])],
  ['000000', { kind: 'status', status: 404, body: { error: { code: 'UserNotFound', message: 'Identifier not found' } } }],
  ['222222', { kind: 'status', status: 422, body: { error: { code: 'OrderSelectionStatusUnclaimable' } } }],
  ['333333', { kind: 'status', status: 401, body: { error: { code: 'Unauthorized' } } }],
  ['444444', { kind: 'status', status: 500, body: { error: { code: 'InternalError' } } }],
  ['555555', { kind: 'silent' }],
  ['666666', { kind: 'malformed' }],
]);

/** Product names for the sandbox's PLUs; 2002 is left out to show the PLU fallback. */
export const SANDBOX_CATALOG: ReadonlyMap<string, string> = new Map([
  ['1001', 'Whopper Jr.'],
  ['9999', 'Medium fries'],
]);

/** Tokenized personal QR codes the sandbox's exchange knows (whole code → phone). */
export const SANDBOX_VIPPS_QR_TOKENS: ReadonlyMap<string, string> = new Map([
  ['https://qr.vipps.no/p/sandbox-kari', SANDBOX_VIPPS_MEMBER_PHONE],
  ['https://qr.vipps.no/p/sandbox-ola', SANDBOX_VIPPS_GUEST_PHONE],
  [`${SANDBOX_MOBILEPAY_ORIGIN}/sandbox-mette`, SANDBOX_MOBILEPAY_MEMBER_PHONE],
]);

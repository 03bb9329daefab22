/** The embedded sandbox's Vipps (token, QR exchange, check-in), driven by the real Vipps and identify clients, as the kiosk uses them. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { postJson } from '../../electron/core/http/post-json';
import { identify } from '../../electron/core/identify/identify-client';
import { startSandboxServer, type SandboxServer } from '../../electron/core/sandbox/sandbox-server';
import { AccessTokenCache } from '../../electron/core/vipps/access-token';
import { VippsClient } from '../../electron/core/vipps/vipps-client';
import { vippsHeaders, type VippsTarget } from '../../electron/core/vipps/vipps-target';

let sandbox: SandboxServer;

beforeEach(async () => {
  sandbox = await startSandboxServer();
});

afterEach(async () => {
  vi.restoreAllMocks();
  await sandbox.close();
});

function target(overrides: Partial<VippsTarget> = {}): VippsTarget {
  return { baseUrl: sandbox.baseUrl, ...sandbox.vipps, loyaltyProgramName: 'Sandbox Rewards', timeoutMs: 3000, product: { name: 'Counter Loyalty Kiosk', version: '0.0.0-test' }, ...overrides };
}

const never = () => new AbortController().signal;

const identifyPhone = (phone: string) =>
  identify({ baseUrl: sandbox.baseUrl, token: sandbox.token, timeoutMs: 3000, content: false }, { identifier: phone, storeId: '9999', terminalId: '0', hasLoyalty: true });

type Seen = { path: string; authorization: string | undefined; status: number };

/**
 * Records every Vipps call the client makes (path, bearer, status), passing it through;
 * `forgeBearer(path, n)` may replace the bearer of the n-th call to `path` with a made-up one.
 */
function watchFetch(forgeBearer: (path: string, n: number) => boolean = () => false): Seen[] {
  const seen: Seen[] = [];
  const counts = new Map<string, number>();
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const path = new URL(String(input)).pathname;
    const n = (counts.get(path) ?? 0) + 1;
    counts.set(path, n);
    const headers = { ...(init?.headers as Record<string, string>) };
    if (forgeBearer(path, n)) headers.authorization = 'Bearer made-up-token';
    const response = await realFetch(input, { ...init, headers });
    seen.push({ path, authorization: headers.authorization, status: response.status });
    return response;
  });
  return seen;
}

describe('sandbox Vipps: access token', () => {
  it('issues a token for the right credentials, a fresh one per request', async () => {
    const first = await new AccessTokenCache(target()).get();
    const second = await new AccessTokenCache(target()).get();
    expect(first).toMatchObject({ ok: true, token: expect.stringMatching(/^[\w-]{20,}$/) });
    expect(second.ok && first.ok && second.token !== first.token).toBe(true);
  });

  it.each<[string, Partial<VippsTarget>]>([
    ['client secret', { clientSecret: 'wrong-secret' }],
    ['client id', { clientId: 'a1b2c3d4-0000-4000-8000-000000000000' }],
    ['subscription key', { subscriptionKey: 'wrong-key' }],
    ['merchant serial number', { merchantSerialNumber: '654321' }],
  ])('a wrong %s → credentials failure, for the cache and both client calls', async (_label, wrong) => {
    expect(await new AccessTokenCache(target(wrong)).get()).toMatchObject({ ok: false, failure: 'credentials' });
    const client = new VippsClient(target(wrong));
    expect(await client.exchange('https://qr.vipps.no/p/sandbox-kari', never())).toEqual({ ok: false, outcome: { kind: 'credentialsRefused', status: 401 } });
    expect(await client.checkIn('4712345678', true, never())).toMatchObject({ ok: false, retryable: false });
  });
});

describe('sandbox Vipps: QR exchange, then identify', () => {
  it('sandbox-kari → 4712345678 → member Kari Nordmann', async () => {
    const exchanged = await new VippsClient(target()).exchange('https://qr.vipps.no/p/sandbox-kari', never());
    expect(exchanged).toEqual({ ok: true, msisdn: '4712345678' });

    const outcome = await identifyPhone(exchanged.ok ? exchanged.msisdn : '');
    expect(outcome.kind).toBe('member');
    expect(outcome.kind === 'member' && outcome.member.name).toBe('Kari Nordmann');
    expect(outcome.kind === 'member' && outcome.member.points).toEqual({ amount: 820, currency: 'points' });
  });

  it('sandbox-ola → 4798765432 → notFound', async () => {
    const exchanged = await new VippsClient(target()).exchange('https://qr.vipps.no/p/sandbox-ola', never());
    expect(exchanged).toEqual({ ok: true, msisdn: '4798765432' });
    expect(await identifyPhone(exchanged.ok ? exchanged.msisdn : '')).toEqual({ kind: 'notFound' });
  });

  it.each(['https://qr.vipps.no/p/no-such-token', 'https://qr.vipps.no/p/SANDBOX-KARI', 'https://qr.vipps.no/p/sandbox-kari?v=1'])(
    'an unknown code (%s) → the published 400 problem body → codeProblem notFound (refresh the code)',
    async (qrCode) => {
      expect(await new VippsClient(target()).exchange(qrCode, never())).toEqual({ ok: false, outcome: { kind: 'codeProblem', reason: 'notFound' } });
    },
  );

  it('one token serves an exchange and the check-in after it', async () => {
    const seen = watchFetch();
    const client = new VippsClient(target());
    await client.exchange('https://qr.vipps.no/p/sandbox-kari', never());
    expect(await client.checkIn('4712345678', true, never())).toEqual({ ok: true });
    expect(seen.map((call) => `${call.path} ${call.status}`)).toEqual(['/accesstoken/get 200', '/qr/v1/exchange 200', '/point-of-sale/v1/loyalty-check-in 200']);
  });
});

describe('sandbox Vipps: check-in', () => {
  it.each([
    [true, 'Sandbox Rewards'],
    [false, 'Sandbox Rewards'],
    [true, null],
  ])('with a valid token → ok (isMember %s, loyaltyProgramName %s)', async (isMember, loyaltyProgramName) => {
    expect(await new VippsClient(target({ loyaltyProgramName })).checkIn('4712345678', isMember, never())).toEqual({ ok: true });
  });

  it('a phone number the sandbox finds malformed → 400, not retryable', async () => {
    expect(await new VippsClient(target()).checkIn('+47 123', true, never())).toMatchObject({ ok: false, retryable: false, detail: 'check-in: HTTP 400' });
  });

  it.each(['/point-of-sale/v1/loyalty-check-in', '/qr/v1/exchange'])('a made-up bearer on %s → 401', async (path) => {
    const body = path === '/qr/v1/exchange' ? { qrCode: 'https://qr.vipps.no/p/sandbox-kari' } : { phoneNumber: '4712345678', isMember: true };
    const result = await postJson({ url: `${sandbox.baseUrl}${path}`, headers: vippsHeaders(target(), 'made-up-token'), body, timeoutMs: 3000 });
    expect(result).toMatchObject({ ok: true, reply: { status: 401 } });
  });

  it('a made-up bearer on the check-in: the client drops its token, fetches a new one once, and the repeat succeeds', async () => {
    const seen = watchFetch((path, n) => path === '/point-of-sale/v1/loyalty-check-in' && n === 1);
    expect(await new VippsClient(target()).checkIn('4712345678', true, never())).toEqual({ ok: true });

    expect(seen.map((call) => `${call.path} ${call.status}`)).toEqual([
      '/accesstoken/get 200',
      '/point-of-sale/v1/loyalty-check-in 401',
      '/accesstoken/get 200',
      '/point-of-sale/v1/loyalty-check-in 200',
    ]);
    expect(seen[1]?.authorization).toBe('Bearer made-up-token');
    expect(seen[3]?.authorization).toMatch(/^Bearer [\w-]{20,}$/);
  });

  it('a made-up bearer on both attempts: ok false, not retryable, and no third attempt', async () => {
    const seen = watchFetch((path) => path === '/point-of-sale/v1/loyalty-check-in');
    expect(await new VippsClient(target()).checkIn('4712345678', true, never())).toMatchObject({ ok: false, retryable: false, detail: 'check-in: HTTP 401' });
    expect(seen.map((call) => `${call.path} ${call.status}`)).toEqual([
      '/accesstoken/get 200',
      '/point-of-sale/v1/loyalty-check-in 401',
      '/accesstoken/get 200',
      '/point-of-sale/v1/loyalty-check-in 401',
    ]);
  });
});

/** Vipps' access token cache against a real loopback server: the token request, caching until shortly before expiry, and every failure. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AccessTokenCache } from '../../electron/core/vipps/access-token';
import type { VippsTarget } from '../../electron/core/vipps/vipps-target';
import { fakeServerPool, TEST_VIPPS_CREDENTIALS, VIPPS_PATHS, type FakeAnswer, type FakeIdentifyServer, type FakeVippsAnswers } from '../helpers/fake-identify-server';

const CREDENTIALS = TEST_VIPPS_CREDENTIALS;

const pool = fakeServerPool();

afterEach(async () => {
  await pool.closeAll();
});

async function serve(vipps: FakeVippsAnswers = {}): Promise<FakeIdentifyServer> {
  return pool.serve(() => ({ status: 404 }), vipps);
}

/** A server whose token endpoint always gives `answer`. */
const serveToken = (answer: FakeAnswer) => serve({ token: () => answer });

function target(baseUrl: string, overrides: Partial<VippsTarget> = {}): VippsTarget {
  return { baseUrl, ...CREDENTIALS, loyaltyProgramName: null, timeoutMs: 3000, product: { name: 'Counter Loyalty Kiosk', version: '0.0.0-test' }, ...overrides };
}

const tokenRequests = (server: FakeIdentifyServer) => server.requests.filter((request) => request.url === VIPPS_PATHS.token);

describe('Vipps access token', () => {
  it('sends exactly the documented headers and an empty body, and returns the token', async () => {
    const server = await serve();
    const result = await new AccessTokenCache(target(server.baseUrl)).get();

    expect(result).toEqual({ ok: true, token: 'fake-access-token-1' });
    expect(server.requests).toHaveLength(1);
    const [received] = server.requests;
    expect(received?.method).toBe('POST');
    expect(received?.url).toBe('/accesstoken/get');
    expect(received?.headers.client_id).toBe(CREDENTIALS.clientId);
    expect(received?.headers.client_secret).toBe(CREDENTIALS.clientSecret);
    expect(received?.headers['ocp-apim-subscription-key']).toBe(CREDENTIALS.subscriptionKey);
    expect(received?.headers['merchant-serial-number']).toBe(CREDENTIALS.merchantSerialNumber);
    expect(received?.headers.authorization).toBeUndefined();
    expect(received?.headers['content-length']).toBe('0');
    expect(received?.body).toBe('');
  });

  it('a second get() within the lifetime makes no new request', async () => {
    const server = await serve();
    const cache = new AccessTokenCache(target(server.baseUrl));
    expect(await cache.get()).toEqual({ ok: true, token: 'fake-access-token-1' });
    expect(await cache.get()).toEqual({ ok: true, token: 'fake-access-token-1' });
    expect(tokenRequests(server)).toHaveLength(1);
  });

  describe.each([
    // expires_in (s), renew margin (ms): min(60 s, lifetime / 10)
    [3600, 60_000],
    [100, 10_000],
  ])('with a fake clock, expires_in %i', (expiresIn, marginMs) => {
    it(`is cached until expires_in − ${marginMs / 1000} s, then fetched anew`, async () => {
      const server = await serve({ token: (call) => ({ status: 200, json: { access_token: `token-${call}`, expires_in: expiresIn } }) });
      let clock = 1_000_000;
      const cache = new AccessTokenCache(target(server.baseUrl), () => clock);
      const renewAt = clock + expiresIn * 1000 - marginMs;

      expect(await cache.get()).toEqual({ ok: true, token: 'token-1' });
      clock = renewAt - 1;
      expect(await cache.get()).toEqual({ ok: true, token: 'token-1' });
      expect(tokenRequests(server)).toHaveLength(1);

      clock = renewAt;
      expect(await cache.get()).toEqual({ ok: true, token: 'token-2' });
      expect(tokenRequests(server)).toHaveLength(2);

      // The new token's lifetime counts from when it was fetched.
      clock = renewAt + expiresIn * 1000 - marginMs - 1;
      expect(await cache.get()).toEqual({ ok: true, token: 'token-2' });
      clock += 1;
      expect(await cache.get()).toEqual({ ok: true, token: 'token-3' });
      expect(tokenRequests(server)).toHaveLength(3);
    });
  });

  it('accepts expires_in as a numeric string ("3600")', async () => {
    const server = await serveToken({ status: 200, json: { access_token: 'string-lifetime', expires_in: '3600' } });
    let clock = 0;
    const cache = new AccessTokenCache(target(server.baseUrl), () => clock);
    expect(await cache.get()).toEqual({ ok: true, token: 'string-lifetime' });
    clock = 3_540_000 - 1;
    await cache.get();
    expect(tokenRequests(server)).toHaveLength(1);
    clock = 3_540_000;
    await cache.get();
    expect(tokenRequests(server)).toHaveLength(2);
  });

  it.each([401, 403])('%i → credentials', async (status) => {
    const server = await serveToken({ status, json: { error: 'invalid_client' } });
    expect(await new AccessTokenCache(target(server.baseUrl)).get()).toMatchObject({ ok: false, failure: 'credentials' });
  });

  it.each([500, 503])('%i → serverError', async (status) => {
    const server = await serveToken({ status, json: { error: 'InternalError' } });
    expect(await new AccessTokenCache(target(server.baseUrl)).get()).toMatchObject({ ok: false, failure: 'serverError' });
  });

  it.each<[string, FakeAnswer]>([
    ['200 without access_token', { status: 200, json: { token_type: 'Bearer', expires_in: 3600 } }],
    ['200 with an empty access_token', { status: 200, json: { access_token: '', expires_in: 3600 } }],
    ['200 without expires_in', { status: 200, json: { access_token: 'abc' } }],
    ['200 with a non-numeric expires_in', { status: 200, json: { access_token: 'abc', expires_in: 'soon' } }],
    ['200 with malformed JSON', { status: 200, raw: '{"access_token": oops' }],
    ['200 with an empty body', { status: 200, raw: '' }],
    ['an unexpected 400', { status: 400, json: { error: 'bad_request' } }],
  ])('%s → badAnswer', async (_label, answer) => {
    const server = await serveToken(answer);
    expect(await new AccessTokenCache(target(server.baseUrl)).get()).toMatchObject({ ok: false, failure: 'badAnswer' });
  });

  it('a failure is not cached: the next get() asks again', async () => {
    const server = await serve({ token: (call) => (call === 1 ? { status: 500 } : { status: 200, json: { access_token: 'second-try', expires_in: 3600 } }) });
    const cache = new AccessTokenCache(target(server.baseUrl));
    expect(await cache.get()).toMatchObject({ ok: false, failure: 'serverError' });
    expect(await cache.get()).toEqual({ ok: true, token: 'second-try' });
    expect(tokenRequests(server)).toHaveLength(2);
  });

  it('a closed port → unreachable', async () => {
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    expect(await new AccessTokenCache(target(`http://127.0.0.1:${port}`)).get()).toMatchObject({ ok: false, failure: 'unreachable' });
  });

  it('a server that never answers → timeout, after about timeoutMs', async () => {
    const server = await serveToken({ hang: true });
    const started = performance.now();
    const result = await new AccessTokenCache(target(server.baseUrl, { timeoutMs: 200 })).get();
    const elapsed = performance.now() - started;
    expect(result).toMatchObject({ ok: false, failure: 'timeout' });
    expect(elapsed).toBeGreaterThanOrEqual(150);
    expect(elapsed).toBeLessThan(1500);
  });

  it('two concurrent get() share one request', async () => {
    const server = await serve();
    const cache = new AccessTokenCache(target(server.baseUrl));
    const [first, second] = await Promise.all([cache.get(), cache.get()]);
    expect(first).toEqual({ ok: true, token: 'fake-access-token-1' });
    expect(second).toEqual(first);
    expect(tokenRequests(server)).toHaveLength(1);
  });

  it('invalidate(token) forces a new fetch; invalidating an older token afterwards does nothing', async () => {
    const server = await serve();
    const cache = new AccessTokenCache(target(server.baseUrl));
    expect(await cache.get()).toEqual({ ok: true, token: 'fake-access-token-1' });

    cache.invalidate('fake-access-token-1');
    expect(await cache.get()).toEqual({ ok: true, token: 'fake-access-token-2' });
    expect(tokenRequests(server)).toHaveLength(2);

    cache.invalidate('fake-access-token-1');
    expect(await cache.get()).toEqual({ ok: true, token: 'fake-access-token-2' });
    expect(tokenRequests(server)).toHaveLength(2);
  });
});

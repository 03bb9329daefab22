/** The Vipps client (check-in and QR exchange) against a real loopback server: what it sends, the one refresh after a 401, and how it reads every answer. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { IdentifyOutcome } from '../../electron/core/identify/identify-outcome';
import { VippsClient, type ExchangeResult } from '../../electron/core/vipps/vipps-client';
import type { VippsTarget } from '../../electron/core/vipps/vipps-target';
import { fakeServerPool, TEST_VIPPS_CREDENTIALS, VIPPS_PATHS, type FakeAnswer, type FakeIdentifyServer, type FakeVippsAnswers } from '../helpers/fake-identify-server';

const CREDENTIALS = TEST_VIPPS_CREDENTIALS;
const PHONE = '4712345678';
const QR = 'https://qr.vipps.no/p/Zm9vYmFyLXRva2VuLTEyMw?v=1&x=%2F';

const pool = fakeServerPool();

afterEach(async () => {
  await pool.closeAll();
});

async function serve(vipps: FakeVippsAnswers = {}): Promise<FakeIdentifyServer> {
  return pool.serve(() => ({ status: 404 }), vipps);
}

function client(baseUrl: string, overrides: Partial<VippsTarget> = {}): VippsClient {
  return new VippsClient({ baseUrl, ...CREDENTIALS, loyaltyProgramName: null, timeoutMs: 3000, product: { name: 'Counter Loyalty Kiosk', version: '0.0.0-test' }, ...overrides });
}

const never = () => new AbortController().signal;
const requestsTo = (server: FakeIdentifyServer, path: string) => server.requests.filter((request) => request.url === path);

async function closedPortUrl(): Promise<string> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

async function waitFor(condition: () => boolean, ms = 2000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('Vipps check-in', () => {
  it('sends the documented request with the access token, and no loyaltyProgramName when none is configured', async () => {
    const server = await serve();
    expect(await client(server.baseUrl).checkIn(PHONE, false, never())).toEqual({ ok: true });

    expect(server.requests.map((request) => request.url)).toEqual([VIPPS_PATHS.token, VIPPS_PATHS.checkIn]);
    const received = server.requests[1];
    expect(received?.method).toBe('POST');
    expect(received?.url).toBe('/point-of-sale/v1/loyalty-check-in');
    expect(received?.headers.authorization).toBe('Bearer fake-access-token-1');
    expect(received?.headers['ocp-apim-subscription-key']).toBe(CREDENTIALS.subscriptionKey);
    expect(received?.headers['merchant-serial-number']).toBe(CREDENTIALS.merchantSerialNumber);
    expect(received?.headers['content-type']).toMatch(/^application\/json\b/);
    // Credentials for the token call only.
    expect(received?.headers.client_secret).toBeUndefined();
    expect(received?.body).toStrictEqual({ phoneNumber: PHONE, isMember: false });
  });

  it('sends loyaltyProgramName when configured', async () => {
    const server = await serve();
    await client(server.baseUrl, { loyaltyProgramName: 'Burger Club' }).checkIn(PHONE, true, never());
    expect(requestsTo(server, VIPPS_PATHS.checkIn)[0]?.body).toStrictEqual({ phoneNumber: PHONE, isMember: true, loyaltyProgramName: 'Burger Club' });
  });

  it('two check-ins use one access token', async () => {
    const server = await serve();
    const vipps = client(server.baseUrl);
    expect(await vipps.checkIn(PHONE, true, never())).toEqual({ ok: true });
    expect(await vipps.checkIn('4798765432', false, never())).toEqual({ ok: true });
    expect(requestsTo(server, VIPPS_PATHS.token)).toHaveLength(1);
    expect(requestsTo(server, VIPPS_PATHS.checkIn).map((request) => request.headers.authorization)).toEqual([
      'Bearer fake-access-token-1',
      'Bearer fake-access-token-1',
    ]);
  });

  it('a 401 fetches a new token once and repeats the check-in once, with the new token', async () => {
    const server = await serve({ checkIn: (_body, call) => (call === 1 ? { status: 401, json: { error: 'Unauthorized' } } : { status: 200, json: {} }) });
    expect(await client(server.baseUrl).checkIn(PHONE, true, never())).toEqual({ ok: true });

    expect(server.requests.map((request) => request.url)).toEqual([VIPPS_PATHS.token, VIPPS_PATHS.checkIn, VIPPS_PATHS.token, VIPPS_PATHS.checkIn]);
    const checkIns = requestsTo(server, VIPPS_PATHS.checkIn);
    expect(checkIns.map((request) => request.headers.authorization)).toEqual(['Bearer fake-access-token-1', 'Bearer fake-access-token-2']);
    expect(checkIns[1]?.body).toStrictEqual(checkIns[0]?.body);
  });

  it('a second 401 gives up: ok false, not retryable, no third attempt', async () => {
    const server = await serve({ checkIn: () => ({ status: 401, json: { error: 'Unauthorized' } }) });
    const result = await client(server.baseUrl).checkIn(PHONE, true, never());
    expect(result).toMatchObject({ ok: false, retryable: false });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requestsTo(server, VIPPS_PATHS.checkIn)).toHaveLength(2);
    expect(requestsTo(server, VIPPS_PATHS.token)).toHaveLength(2);
  });

  it.each([500, 502, 503, 429])('%i → retryable', async (status) => {
    const server = await serve({ checkIn: () => ({ status, json: {} }) });
    expect(await client(server.baseUrl).checkIn(PHONE, true, never())).toMatchObject({ ok: false, retryable: true });
    expect(requestsTo(server, VIPPS_PATHS.checkIn)).toHaveLength(1);
  });

  it.each([400, 403, 404, 422])('%i → not retryable', async (status) => {
    const server = await serve({ checkIn: () => ({ status, json: {} }) });
    expect(await client(server.baseUrl).checkIn(PHONE, true, never())).toMatchObject({ ok: false, retryable: false });
    expect(requestsTo(server, VIPPS_PATHS.checkIn)).toHaveLength(1);
  });

  it('a check-in that never answers → timeout, retryable', async () => {
    const server = await serve({ checkIn: () => ({ hang: true }) });
    const result = await client(server.baseUrl, { timeoutMs: 200 }).checkIn(PHONE, true, never());
    expect(result).toMatchObject({ ok: false, retryable: true });
    expect(result.ok === false && result.detail).toMatch(/200 ms/);
  });

  it('a check-in connection destroyed → unreachable, retryable', async () => {
    const server = await serve({ checkIn: () => ({ destroy: true }) });
    expect(await client(server.baseUrl).checkIn(PHONE, true, never())).toMatchObject({ ok: false, retryable: true });
  });

  it('a closed port (no token either) → retryable', async () => {
    expect(await client(await closedPortUrl()).checkIn(PHONE, true, never())).toMatchObject({ ok: false, retryable: true });
  });

  it.each([401, 403])('token refused (%i) → not retryable, and no check-in sent', async (status) => {
    const server = await serve({ token: () => ({ status, json: { error: 'invalid_client' } }) });
    expect(await client(server.baseUrl).checkIn(PHONE, true, never())).toMatchObject({ ok: false, retryable: false });
    expect(requestsTo(server, VIPPS_PATHS.checkIn)).toHaveLength(0);
  });

  it('token server error → retryable', async () => {
    const server = await serve({ token: () => ({ status: 500 }) });
    expect(await client(server.baseUrl).checkIn(PHONE, true, never())).toMatchObject({ ok: false, retryable: true });
  });
});

describe('Vipps QR exchange', () => {
  const exchangeWith = async (answer: FakeAnswer): Promise<ExchangeResult> => {
    const server = await serve({ exchange: () => answer });
    return client(server.baseUrl).exchange(QR, never());
  };

  it('sends the whole scanned code with the access token, and returns the phone number', async () => {
    const server = await serve({ exchange: (qrCode) => (qrCode === QR ? { status: 200, json: { msisdn: PHONE } } : { status: 404 }) });
    expect(await client(server.baseUrl).exchange(QR, never())).toEqual({ ok: true, msisdn: PHONE });

    const [received] = requestsTo(server, VIPPS_PATHS.exchange);
    expect(received?.method).toBe('POST');
    expect(received?.url).toBe('/qr/v1/exchange');
    expect(received?.headers.authorization).toBe('Bearer fake-access-token-1');
    expect(received?.headers['ocp-apim-subscription-key']).toBe(CREDENTIALS.subscriptionKey);
    expect(received?.headers['merchant-serial-number']).toBe(CREDENTIALS.merchantSerialNumber);
    expect(received?.body).toStrictEqual({ qrCode: QR });
  });

  it("'+4712345678' → '4712345678'", async () => {
    expect(await exchangeWith({ status: 200, json: { msisdn: '+4712345678' } })).toEqual({ ok: true, msisdn: '4712345678' });
  });

  it.each<[string, FakeAnswer]>([
    ['letters', { status: 200, json: { msisdn: 'abc' } }],
    ['too short', { status: 200, json: { msisdn: '4712' } }],
    ['a leading zero', { status: 200, json: { msisdn: '04712345678' } }],
    ['a number, not a string', { status: 200, json: { msisdn: 4712345678 } }],
    ['no msisdn', { status: 200, json: {} }],
    ['malformed JSON', { status: 200, raw: '{"msisdn": ' }],
  ])('200 with %s → serviceProblem badAnswer', async (_label, answer) => {
    expect(await exchangeWith(answer)).toMatchObject({ ok: false, outcome: { kind: 'serviceProblem', reason: 'badAnswer' } });
  });

  it.each<[number, IdentifyOutcome]>([
    [404, { kind: 'codeProblem', reason: 'notFound' }],
    [410, { kind: 'codeProblem', reason: 'notFound' }],
    [400, { kind: 'codeProblem', reason: 'notFound' }], // the QR API's published refusal: refresh the code
    [422, { kind: 'codeProblem', reason: 'invalidCode' }],
    [403, { kind: 'credentialsRefused', status: 403 }],
  ])('%i → %o', async (status, outcome) => {
    expect(await exchangeWith({ status, json: { error: 'x' } })).toEqual({ ok: false, outcome });
  });

  it.each([500, 503])('%i → serviceProblem serverError', async (status) => {
    expect(await exchangeWith({ status, json: {} })).toMatchObject({ ok: false, outcome: { kind: 'serviceProblem', reason: 'serverError' } });
  });

  it('401 twice → credentialsRefused, after one refresh and one repeat', async () => {
    const server = await serve({ exchange: () => ({ status: 401 }) });
    expect(await client(server.baseUrl).exchange(QR, never())).toEqual({ ok: false, outcome: { kind: 'credentialsRefused', status: 401 } });
    expect(requestsTo(server, VIPPS_PATHS.exchange)).toHaveLength(2);
    expect(requestsTo(server, VIPPS_PATHS.token)).toHaveLength(2);
  });

  it('token refused (401) → credentialsRefused, and no exchange sent', async () => {
    const server = await serve({ token: () => ({ status: 401, json: { error: 'invalid_client' } }) });
    expect(await client(server.baseUrl).exchange(QR, never())).toEqual({ ok: false, outcome: { kind: 'credentialsRefused', status: 401 } });
    expect(requestsTo(server, VIPPS_PATHS.exchange)).toHaveLength(0);
  });

  it('token server error → serviceProblem serverError', async () => {
    const server = await serve({ token: () => ({ status: 502 }) });
    expect(await client(server.baseUrl).exchange(QR, never())).toMatchObject({ ok: false, outcome: { kind: 'serviceProblem', reason: 'serverError' } });
  });

  it('an exchange that never answers → serviceProblem timeout', async () => {
    const server = await serve({ exchange: () => ({ hang: true }) });
    expect(await client(server.baseUrl, { timeoutMs: 200 }).exchange(QR, never())).toMatchObject({ ok: false, outcome: { kind: 'serviceProblem', reason: 'timeout' } });
  });

  it('aborting mid-exchange rejects the promise with the abort reason', async () => {
    const server = await serve({ exchange: () => ({ hang: true }) });
    const controller = new AbortController();
    const pending = client(server.baseUrl, { timeoutMs: 5000 }).exchange(QR, controller.signal);
    await waitFor(() => requestsTo(server, VIPPS_PATHS.exchange).length === 1);
    const reason = new Error('scan abandoned');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });

  it('aborting while the token is being fetched rejects, and no exchange is sent', async () => {
    const server = await serve({ token: () => ({ hang: true }) });
    const controller = new AbortController();
    const pending = client(server.baseUrl, { timeoutMs: 5000 }).exchange(QR, controller.signal);
    await waitFor(() => requestsTo(server, VIPPS_PATHS.token).length === 1);
    const reason = new Error('scan abandoned');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(requestsTo(server, VIPPS_PATHS.exchange)).toHaveLength(0);
  });

  it('an already aborted signal rejects without sending anything', async () => {
    const server = await serve({ exchange: () => ({ status: 200, json: { msisdn: PHONE } }) });
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    await expect(client(server.baseUrl).exchange(QR, controller.signal)).rejects.toThrow('gone');
    expect(server.requests).toHaveLength(0);
  });
});

/** The identify client against a real loopback HTTP server: what it sends, and how it reads every answer. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { identify, type IdentifyRequest, type IdentifyTarget } from '../../electron/core/identify/identify-client';
import type { IdentifyOutcome } from '../../electron/core/identify/identify-outcome';
import { MEMBER_ANSWER, startFakeIdentify, type FakeAnswer, type FakeIdentifyServer } from '../helpers/fake-identify-server';

const TOKEN = 'test-token-8f3a';
const REQUEST: IdentifyRequest = { identifier: '123456', storeId: '1234', terminalId: '7', hasLoyalty: true };

let servers: FakeIdentifyServer[] = [];

afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function serve(answer: FakeAnswer | ((identifier: string) => FakeAnswer)): Promise<FakeIdentifyServer> {
  const server = await startFakeIdentify(typeof answer === 'function' ? answer : () => answer);
  servers.push(server);
  return server;
}

function target(baseUrl: string, overrides: Partial<IdentifyTarget> = {}): IdentifyTarget {
  return { baseUrl, token: TOKEN, timeoutMs: 3000, content: false, ...overrides };
}

async function waitFor(condition: () => boolean, ms = 2000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('identify client', () => {
  it('200: returns the member, and sent exactly the documented request', async () => {
    const server = await serve({ status: 200, json: MEMBER_ANSWER });
    const outcome = await identify(target(server.baseUrl), REQUEST);

    expect(outcome).toEqual({
      kind: 'member',
      member: {
        loyaltyId: '4711fc2a-3a8f-414f-a9e7-44dd5231dca7',
        name: 'Farhan Ahmed',
        points: { amount: 14464, currency: 'points' },
        order: [
          { productId: 'PLU-100', quantity: 1, productType: 'REWARD' },
          { productId: 'PLU-200', quantity: 2, productType: 'OFFER' },
        ],
        transactionId: 'f4190848-169d-4c69-9f53-f916318c432b',
      },
    });

    expect(server.requests).toHaveLength(1);
    const [received] = server.requests;
    expect(received?.method).toBe('POST');
    expect(received?.url).toBe('/loyalty/v2/identify');
    expect(received?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(received?.headers['content-type']).toMatch(/^application\/json\b/);
    expect(received?.body).toStrictEqual({
      identifier: '123456',
      location: { storeId: '1234', terminalId: '7', hasLoyalty: true },
      content: false,
    });
  });

  it('sends content and hasLoyalty as configured', async () => {
    const server = await serve({ status: 404 });
    await identify(target(server.baseUrl, { content: true }), { ...REQUEST, hasLoyalty: false, identifier: 'abc' });
    expect(server.requests[0]?.body).toStrictEqual({
      identifier: 'abc',
      location: { storeId: '1234', terminalId: '7', hasLoyalty: false },
      content: true,
    });
  });

  it('picks the points balance among several balances', async () => {
    const server = await serve({
      status: 200,
      json: { ...MEMBER_ANSWER, balances: [{ amount: 3, currency: 'stamps' }, { amount: 99, currency: 'POINTS' }] },
    });
    const outcome = await identify(target(server.baseUrl), REQUEST);
    expect(outcome.kind === 'member' && outcome.member.points).toEqual({ amount: 99, currency: 'POINTS' });
  });

  it.each<[string, FakeAnswer]>([
    ['malformed JSON', { status: 200, raw: '{"balances": [ oops' }],
    ['an empty body', { status: 200, raw: '' }],
    ['JSON of the wrong shape', { status: 200, json: { hello: 'world' } }],
    ['a member without a name', { status: 200, json: { ...MEMBER_ANSWER, loyaltyUser: { id: 'x' } } }],
    ['a negative quantity', { status: 200, json: { ...MEMBER_ANSWER, order: [{ productId: 'P', quantity: -1 }] } }],
    ['a JSON array', { status: 200, json: [MEMBER_ANSWER] }],
  ])('200 with %s → serviceProblem badAnswer', async (_label, answer) => {
    const server = await serve(answer);
    const outcome = await identify(target(server.baseUrl), REQUEST);
    expect(outcome).toMatchObject({ kind: 'serviceProblem', reason: 'badAnswer' });
  });

  it('404 → notFound', async () => {
    const server = await serve({ status: 404, json: { error: { code: 'UserNotFound' } } });
    expect(await identify(target(server.baseUrl), REQUEST)).toEqual({ kind: 'notFound' });
  });

  describe.each([400, 422])('%i', (status) => {
    it.each<[string, FakeAnswer, string]>([
      ['OrderSelectionStatusUnclaimable', { status, json: { error: { code: 'OrderSelectionStatusUnclaimable' } } }, 'alreadyUsed'],
      ['IdentificationFailed', { status, json: { code: 'IdentificationFailed' } }, 'identificationFailed'],
      ['errorCode InvalidIdentifier', { status, json: { errorCode: 'InvalidIdentifier' } }, 'invalidCode'],
      ['IdentifierTypeDisabled', { status, json: { error: { code: 'IdentifierTypeDisabled' } } }, 'typeDisabled'],
      ['an unknown code', { status, json: { error: { code: 'SomethingElse' } } }, 'invalidCode'],
      ['an empty JSON object', { status, json: {} }, 'invalidCode'],
      ['an empty body', { status, raw: '' }, 'invalidCode'],
      ['a malformed body', { status, raw: '<html>oops' }, 'invalidCode'],
    ])('with %s → codeProblem %s', async (_label, answer, reason) => {
      const server = await serve(answer);
      expect(await identify(target(server.baseUrl), REQUEST)).toEqual({ kind: 'codeProblem', reason });
    });
  });

  it.each([401, 403])('%i → credentialsRefused', async (status) => {
    const server = await serve({ status, json: { error: { code: 'Unauthorized' } } });
    expect(await identify(target(server.baseUrl), REQUEST)).toEqual({ kind: 'credentialsRefused', status });
  });

  it.each([500, 502, 503])('%i → serviceProblem serverError, with no retry', async (status) => {
    const server = await serve({ status, json: { error: { code: 'InternalError' } } });
    const outcome = await identify(target(server.baseUrl), REQUEST);
    expect(outcome).toMatchObject({ kind: 'serviceProblem', reason: 'serverError' });
    expect(server.requests).toHaveLength(1);
  });

  it('an unexpected status (418) → serviceProblem badAnswer', async () => {
    const server = await serve({ status: 418, json: {} });
    expect(await identify(target(server.baseUrl), REQUEST)).toMatchObject({ kind: 'serviceProblem', reason: 'badAnswer' });
  });

  it('a server that never answers → serviceProblem timeout, within about a second', async () => {
    const server = await serve({ hang: true });
    const started = performance.now();
    const outcome = await identify(target(server.baseUrl, { timeoutMs: 300 }), REQUEST);
    const elapsed = performance.now() - started;
    expect(outcome).toMatchObject({ kind: 'serviceProblem', reason: 'timeout' });
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(1000);
    expect(server.requests).toHaveLength(1);
  });

  it('a connection destroyed after the request → serviceProblem unreachable, with no retry', async () => {
    const server = await serve({ destroy: true });
    const outcome = await identify(target(server.baseUrl), REQUEST);
    expect(outcome).toMatchObject({ kind: 'serviceProblem', reason: 'unreachable' });
    // Identify opens a transaction: a request that may have arrived must not be sent twice.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.requests).toHaveLength(1);
  });

  it('a closed port → serviceProblem unreachable', async () => {
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    const outcome = await identify(target(`http://127.0.0.1:${port}`), REQUEST);
    expect(outcome).toMatchObject({ kind: 'serviceProblem', reason: 'unreachable' });
  });

  it('an external abort mid-request rejects the promise: the caller dropped it', async () => {
    const server = await serve({ hang: true });
    const controller = new AbortController();
    const pending: Promise<IdentifyOutcome> = identify(target(server.baseUrl, { timeoutMs: 5000 }), REQUEST, controller.signal);
    await waitFor(() => server.requests.length === 1);
    const reason = new Error('identification abandoned');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });

  it('an external signal already aborted rejects without an outcome', async () => {
    const server = await serve({ status: 200, json: MEMBER_ANSWER });
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    await expect(identify(target(server.baseUrl), REQUEST, controller.signal)).rejects.toThrow('gone');
  });

  it('an external signal that is never aborted does not change the outcome', async () => {
    const server = await serve({ status: 200, json: MEMBER_ANSWER });
    const outcome = await identify(target(server.baseUrl), REQUEST, new AbortController().signal);
    expect(outcome.kind).toBe('member');
  });
});

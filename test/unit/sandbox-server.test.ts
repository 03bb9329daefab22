/** The embedded sandbox, driven by the real identify client, as the kiosk uses it. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { identify, type IdentifyTarget } from '../../electron/core/identify/identify-client';
import { SANDBOX_ANSWERS, SANDBOX_CATALOG } from '../../electron/core/sandbox/sandbox-members';
import { startSandboxServer, type SandboxServer } from '../../electron/core/sandbox/sandbox-server';

let sandbox: SandboxServer;

beforeEach(async () => {
  sandbox = await startSandboxServer();
});

afterEach(async () => {
  await sandbox.close();
});

function target(overrides: Partial<IdentifyTarget> = {}): IdentifyTarget {
  return { baseUrl: sandbox.baseUrl, token: sandbox.token, timeoutMs: 3000, content: false, ...overrides };
}

const ask = (identifier: string, overrides: Partial<IdentifyTarget> = {}) =>
  identify(target(overrides), { identifier, storeId: '9999', terminalId: '0', hasLoyalty: true }, undefined);

describe('sandbox server', () => {
  it('listens on loopback with a fresh token per start', async () => {
    expect(sandbox.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.token.length).toBeGreaterThanOrEqual(20);
    const other = await startSandboxServer();
    try {
      expect(other.token).not.toBe(sandbox.token);
      expect(other.baseUrl).not.toBe(sandbox.baseUrl);
    } finally {
      await other.close();
    }
  });

  it("'123456' → member Farhan with points and rewards", async () => {
    expect(await ask('123456')).toEqual({
      kind: 'member',
      member: {
        loyaltyId: '4711fc2a-3a8f-414f-a9e7-44dd5231dca7',
        name: 'Farhan Ahmed',
        points: { amount: 14464, currency: 'points' },
        order: [
          { productId: '1001', quantity: 1, productType: 'REWARD' },
          { productId: '2002', quantity: 2, productType: 'OFFER' },
        ],
        transactionId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      },
    });
  });

  it('opens a new transaction with every answer, as the real back end does', async () => {
    const [first, second] = [await ask('123456'), await ask('123456')];
    expect(first.kind === 'member' && second.kind === 'member' && first.member.transactionId !== second.member.transactionId).toBe(true);
  });

  it("'234567' → member Ingrid", async () => {
    const outcome = await ask('234567');
    expect(outcome.kind === 'member' && outcome.member.name).toBe('Ingrid Solberg');
    expect(outcome.kind === 'member' && outcome.member.points).toEqual({ amount: 2750, currency: 'points' });
  });

  it("Farhan's loyalty ID → member, whatever its case", async () => {
    const outcome = await ask('4711FC2A-3A8F-414F-A9E7-44DD5231DCA7');
    expect(outcome.kind === 'member' && outcome.member.name).toBe('Farhan Ahmed');
  });

  it.each([
    ['000000', { kind: 'notFound' }],
    ['987654', { kind: 'notFound' }], // not seeded at all
    ['222222', { kind: 'codeProblem', reason: 'alreadyUsed' }],
    ['333333', { kind: 'credentialsRefused', status: 401 }],
  ])('%s → %o', async (identifier, expected) => {
    expect(await ask(identifier)).toEqual(expected);
  });

  it.each([
    ['444444', 'serverError'],
    ['666666', 'badAnswer'],
  ])('%s → serviceProblem %s', async (identifier, reason) => {
    expect(await ask(identifier)).toMatchObject({ kind: 'serviceProblem', reason });
  });

  it('refuses a wrong token → credentialsRefused', async () => {
    expect(await ask('123456', { token: 'not-the-token' })).toEqual({ kind: 'credentialsRefused', status: 401 });
  });

  it('refuses the token of another sandbox', async () => {
    const other = await startSandboxServer();
    try {
      expect(await ask('123456', { token: other.token })).toEqual({ kind: 'credentialsRefused', status: 401 });
    } finally {
      await other.close();
    }
  });

  it("'555555' never answers: the client times out", async () => {
    const outcome = await ask('555555', { timeoutMs: 300 });
    expect(outcome).toMatchObject({ kind: 'serviceProblem', reason: 'timeout' });
  });

  it("close() resolves even while a '555555' request hangs", async () => {
    const pending = ask('555555', { timeoutMs: 2000 });
    await new Promise((resolve) => setTimeout(resolve, 100)); // let the request reach the server
    const started = performance.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const closed = await Promise.race([
      sandbox.close().then(() => 'closed'),
      new Promise((resolve) => {
        timer = setTimeout(() => resolve('still open'), 1000);
      }),
    ]);
    clearTimeout(timer);
    expect(closed).toBe('closed');
    expect(performance.now() - started).toBeLessThan(1000);
    // The hanging request ends as a service problem (its connection was closed, or its deadline passed), never a member.
    const outcome = await pending;
    expect(outcome.kind).toBe('serviceProblem');
    expect(['unreachable', 'timeout']).toContain(outcome.kind === 'serviceProblem' ? outcome.reason : outcome.kind);
    sandbox = await startSandboxServer(); // afterEach closes a live one
  });

  it('leaves PLU 2002 out of the catalog so the PLU fallback shows', () => {
    expect(SANDBOX_CATALOG.get('1001')).toBe('Whopper Jr.');
    expect(SANDBOX_CATALOG.get('2002')).toBeUndefined();
    expect([...SANDBOX_ANSWERS.keys()]).toEqual(
      expect.arrayContaining(['123456', '234567', '000000', '222222', '333333', '444444', '555555', '666666']),
    );
  });
});

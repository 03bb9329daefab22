/** The check-in sender against a real loopback server: bounded retries, what it logs (never the phone number or a secret), and stop(). */
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../electron/core/log/logger';
import { CheckInSender, type CheckInSenderOptions } from '../../electron/core/vipps/check-in-sender';
import { VippsClient } from '../../electron/core/vipps/vipps-client';
import { fakeServerPool, TEST_VIPPS_CREDENTIALS, VIPPS_PATHS, type FakeVippsAnswers } from '../helpers/fake-identify-server';

const PHONE = '4712345678';
const ACCESS_TOKEN = 'access-token-Xy9Qw7';
const CREDENTIALS = TEST_VIPPS_CREDENTIALS;

const pool = fakeServerPool();
let senders: CheckInSender[] = [];

afterEach(async () => {
  await Promise.all(senders.map((sender) => sender.stop()));
  await pool.closeAll();
  senders = [];
});

type LogLine = { level: string; event: string } & Record<string, unknown>;

/** A server (its token is ACCESS_TOKEN), a client for it, and a sender whose log lines are kept. */
async function setUp(checkIn: FakeVippsAnswers['checkIn'], options: Partial<CheckInSenderOptions> = {}, timeoutMs = 3000, token?: FakeVippsAnswers['token']) {
  token ??= () => ({ status: 200, json: { access_token: ACCESS_TOKEN, expires_in: 3600 } });
  const server = await pool.serve(() => ({ status: 404 }), { token, checkIn });
  const client = new VippsClient({ baseUrl: server.baseUrl, ...CREDENTIALS, loyaltyProgramName: 'Burger Club', timeoutMs, product: { name: 'Counter Loyalty Kiosk', version: '0.0.0-test' } });
  const raw: string[] = [];
  const sender = new CheckInSender({ log: createLogger((line) => raw.push(line)), backoffMs: () => 10, ...options });
  senders.push(sender);
  const lines = () => raw.map((line) => JSON.parse(line) as LogLine);
  const checkIns = () => server.requests.filter((request) => request.url === VIPPS_PATHS.checkIn);
  return { server, client, sender, raw, lines, checkIns };
}

async function waitFor(condition: () => boolean, ms = 2000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('Vipps check-in sender', () => {
  it('retries a 500 up to maxAttempts, then logs one warning and stops', async () => {
    const backoffCalls: number[] = [];
    const { client, sender, lines, checkIns } = await setUp(() => ({ status: 500, json: {} }), {
      maxAttempts: 3,
      backoffMs: (attempt) => (backoffCalls.push(attempt), 10),
    });
    await sender.send(client, PHONE, true);

    expect(checkIns()).toHaveLength(3);
    expect(backoffCalls).toEqual([1, 2]);
    expect(lines().map((line) => [line.level, line.event])).toEqual([
      ['info', 'vipps-check-in-retry'],
      ['info', 'vipps-check-in-retry'],
      ['warn', 'vipps-check-in-failed'],
    ]);
    expect(lines()[2]).toMatchObject({ isMember: true, attempts: 3, detail: 'check-in: HTTP 500' });

    // Nothing more after the promise settled.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(checkIns()).toHaveLength(3);
  });

  it('tells the metrics each check-in\'s end once: sent after a retry, failed when the retries ran out or a 400 says no', async () => {
    const results: string[] = [];
    const onResult = (result: 'sent' | 'failed') => void results.push(result);
    const retried = await setUp((_body, call) => (call === 1 ? { status: 502, json: {} } : { status: 200, json: {} }), { maxAttempts: 3, onResult });
    await retried.sender.send(retried.client, PHONE, true);
    const refused = await setUp(() => ({ status: 500, json: {} }), { maxAttempts: 2, onResult });
    await refused.sender.send(refused.client, PHONE, true);
    const invalid = await setUp(() => ({ status: 400, json: {} }), { maxAttempts: 3, onResult });
    await invalid.sender.send(invalid.client, PHONE, false);
    expect(results).toEqual(['sent', 'failed', 'failed']);
  });

  it('without options, tries 3 times in all', async () => {
    const { client, sender, checkIns } = await setUp(() => ({ status: 503, json: {} }), { maxAttempts: undefined });
    await sender.send(client, PHONE, false);
    expect(checkIns()).toHaveLength(3);
  });

  it('a 400 is not retried', async () => {
    const { client, sender, lines, checkIns } = await setUp(() => ({ status: 400, json: { error: 'InvalidRequest' } }), { maxAttempts: 3 });
    await sender.send(client, PHONE, false);

    expect(checkIns()).toHaveLength(1);
    expect(lines()).toHaveLength(1);
    expect(lines()[0]).toMatchObject({ level: 'warn', event: 'vipps-check-in-failed', isMember: false, attempts: 1 });
  });

  it('success on the 2nd attempt: 2 requests and one info line with attempts 2', async () => {
    const { client, sender, lines, checkIns } = await setUp((_body, call) => (call === 1 ? { status: 502, json: {} } : { status: 200, json: {} }), { maxAttempts: 3 });
    await sender.send(client, PHONE, true);

    expect(checkIns()).toHaveLength(2);
    const done = lines().filter((line) => line.event === 'vipps-check-in');
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({ level: 'info', isMember: true, attempts: 2 });
    expect(done[0]?.ms).toEqual(expect.any(Number));
    expect(lines().some((line) => line.event === 'vipps-check-in-failed')).toBe(false);
  });

  it('no log line contains the phone number, the access token or a secret, whatever happened', async () => {
    const echo = (status: number) => (body: { phoneNumber?: string }) => ({ status, json: { error: `bad phone ${body.phoneNumber}`, token: ACCESS_TOKEN } });
    const scenarios: Array<FakeVippsAnswers['checkIn']> = [
      () => ({ status: 200, json: {} }),
      echo(500),
      echo(400),
      echo(401),
      () => ({ destroy: true }),
      (_body, call) => (call === 1 ? { status: 429, json: {} } : { status: 200, json: {} }),
    ];
    const raw: string[] = [];
    for (const checkIn of scenarios) {
      const setup = await setUp(checkIn, { maxAttempts: 2 });
      await setup.sender.send(setup.client, PHONE, true);
      raw.push(...setup.raw);
    }
    // And a token refused (its answer quoting the secret), and a check-in that times out.
    const refused = await setUp(undefined, { maxAttempts: 2 }, 3000, () => ({ status: 401, json: { error: `invalid_client ${CREDENTIALS.clientSecret}` } }));
    await refused.sender.send(refused.client, PHONE, false);
    expect(refused.checkIns()).toHaveLength(0);
    const hanging = await setUp(() => ({ hang: true }), { maxAttempts: 2 }, 200);
    await hanging.sender.send(hanging.client, PHONE, false);
    raw.push(...refused.raw, ...hanging.raw);

    // Every scenario was logged: the check is not vacuous.
    expect(raw.length).toBeGreaterThanOrEqual(scenarios.length + 2);
    for (const line of raw) {
      expect(line).not.toContain(PHONE);
      expect(line).not.toContain(ACCESS_TOKEN);
      expect(line).not.toContain(CREDENTIALS.clientSecret);
      expect(line).not.toContain(CREDENTIALS.subscriptionKey);
    }
  });

  it('a secret fetch cannot send (a line break in it) is not quoted in the log', async () => {
    const lines: string[] = [];
    const client = new VippsClient({ baseUrl: 'http://127.0.0.1:9', clientId: 'fb492b5e-7907-4d83-ba20-c7fb60ca35de', clientSecret: 'first-half\nTOP-SECRET-VALUE', subscriptionKey: 'k', merchantSerialNumber: '1234', loyaltyProgramName: null, timeoutMs: 1000, product: { name: 'Counter Loyalty Kiosk', version: '0.0.0-test' } });
    await new CheckInSender({ log: createLogger((line) => lines.push(line)), backoffMs: () => 1 }).send(client, PHONE, true);
    expect(lines.some((line) => line.includes('vipps-check-in-failed'))).toBe(true);
    expect(lines.join('\n')).not.toContain('TOP-SECRET-VALUE');
  });

  it('stop() during a backoff pause ends the retries promptly, and send() resolves', async () => {
    const { client, sender, lines, checkIns } = await setUp(() => ({ status: 500, json: {} }), { maxAttempts: 5, backoffMs: () => 10_000 });
    const sending = sender.send(client, PHONE, true);
    await waitFor(() => lines().some((line) => line.event === 'vipps-check-in-retry'));
    expect(checkIns()).toHaveLength(1);

    const started = performance.now();
    await sender.stop();
    expect(performance.now() - started).toBeLessThan(1000);
    await expect(sending).resolves.toBeUndefined();

    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(checkIns()).toHaveLength(1);
  });

  it('stop() during a request that hangs ends it promptly, and send() resolves', async () => {
    const { client, sender, checkIns } = await setUp(() => ({ hang: true }), { maxAttempts: 3 }, 10_000);
    const sending = sender.send(client, PHONE, true);
    await waitFor(() => checkIns().length === 1);

    const started = performance.now();
    await sender.stop();
    expect(performance.now() - started).toBeLessThan(1000);
    await expect(sending).resolves.toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(checkIns()).toHaveLength(1);
  });

  it('after stop(), a new send() sends nothing and resolves', async () => {
    const { client, sender, server } = await setUp(() => ({ status: 200, json: {} }));
    await sender.stop();
    await expect(sender.send(client, PHONE, true)).resolves.toBeUndefined();
    expect(server.requests).toHaveLength(0);
  });
});

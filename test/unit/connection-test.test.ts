/** Staff "Test connection" against a recording loopback server, and the health view's counts per session event. */
import { afterEach, describe, expect, it } from 'vitest';
import type { IdentifyTarget } from '../../electron/core/identify/identify-client';
import { CONNECTION_TEST_IDENTIFIER, testConnection } from '../../electron/core/staff/connection-test';
import { HealthStats } from '../../electron/core/staff/health-stats';
import { closedPort, fakeServerPool, MEMBER_ANSWER, type FakeAnswer } from '../helpers/fake-identify-server';

const pool = fakeServerPool();
afterEach(() => pool.closeAll());

const TOKEN = 'kiosk-token-Ct5';
const LOCATION = { storeId: '100', terminalId: '7', hasLoyalty: true };

async function testAgainst(answer: FakeAnswer, timeoutMs = 2000) {
  const server = await pool.serve(() => answer);
  const target: IdentifyTarget = { baseUrl: server.baseUrl, token: TOKEN, timeoutMs, content: false };
  return { result: await testConnection(target, LOCATION), server };
}


describe('testConnection', () => {
  it('sends one identify call with the test identifier, the location and the token', async () => {
    const { server } = await testAgainst({ status: 404, json: { error: 'NotFound' } });
    expect(CONNECTION_TEST_IDENTIFIER).toBe('kiosk-connection-test');
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/loyalty/v2/identify' });
    expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request?.body).toEqual({ identifier: 'kiosk-connection-test', location: LOCATION, content: false });
  });

  it('404 (unknown identifier): reachable', async () => {
    const { result } = await testAgainst({ status: 404, json: { error: 'NotFound' } });
    expect(result).toMatchObject({ outcome: 'reachable', detail: 'the service answered' });
    expect(result.ms).toBeGreaterThanOrEqual(0);
  });

  it('400 (a code problem) and 200: reachable', async () => {
    expect((await testAgainst({ status: 400, json: { error: 'InvalidIdentifier' } })).result.outcome).toBe('reachable');
    expect((await testAgainst({ status: 200, json: MEMBER_ANSWER })).result.outcome).toBe('reachable');
  });

  it.each([401, 403])('%i: credentialsRefused, with the status', async (status) => {
    const { result } = await testAgainst({ status, json: { error: 'Unauthorized' } });
    expect(result).toMatchObject({ outcome: 'credentialsRefused', detail: `HTTP ${status}` });
  });

  it('500: reachable, with the problem in the detail', async () => {
    const { result } = await testAgainst({ status: 500, json: { error: 'Boom' } });
    expect(result.outcome).toBe('reachable');
    expect(result.detail).toContain('with a problem');
    expect(result.detail).toContain('HTTP 500');
  });

  it('an answer that is not JSON: reachable, with a problem', async () => {
    const { result } = await testAgainst({ status: 200, raw: '<html>proxy</html>' });
    expect(result.outcome).toBe('reachable');
    expect(result.detail).toContain('with a problem');
  });

  it('a closed port: unreachable, with the error code and not the token', async () => {
    const target: IdentifyTarget = { baseUrl: `http://127.0.0.1:${await closedPort()}`, token: TOKEN, timeoutMs: 2000, content: false };
    const result = await testConnection(target, LOCATION);
    expect(result).toMatchObject({ outcome: 'unreachable', detail: 'ECONNREFUSED' });
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });

  it('a connection dropped without an answer: unreachable', async () => {
    const { result } = await testAgainst({ destroy: true });
    expect(result.outcome).toBe('unreachable');
  });

  it('no answer within the timeout: timedOut, after about the timeout', async () => {
    const { result, server } = await testAgainst({ hang: true }, 300);
    expect(result).toMatchObject({ outcome: 'timedOut', detail: 'no answer within 300 ms' });
    expect(result.ms).toBeGreaterThanOrEqual(250);
    expect(result.ms).toBeLessThan(2000);
    expect(server.requests).toHaveLength(1);
  });
});

describe('HealthStats', () => {
  it('starts at zero with no back-end answer', () => {
    const stats = new HealthStats();
    expect(stats.counts).toEqual({ scans: 0, rejected: 0, identified: 0, member: 0, notMember: 0, codeProblem: 0, serviceProblem: 0, needsStaff: 0, voided: 0 });
    expect(stats.backEnd).toEqual({ lastOutcome: null, lastLatencyMs: null, lastAt: null });
    expect(Number.isNaN(Date.parse(stats.startedAt))).toBe(false);
  });

  it('a rejected scan counts as a scan and a code problem, and leaves the back end alone', () => {
    const stats = new HealthStats();
    stats.record({ scanner: 'keyboard', type: 'rejected', reason: 'tooLong' });
    expect(stats.counts).toMatchObject({ scans: 1, rejected: 1, codeProblem: 1, identified: 0 });
    expect(stats.backEnd.lastOutcome).toBeNull();
  });

  it.each<[string, 'otp' | 'loyaltyId' | 'vippsPhone' | 'vippsToken', 'member' | 'notFound' | 'codeProblem' | 'credentialsRefused' | 'serviceProblem', string]>([
    ['member', 'otp', 'member', 'member'],
    ['notFound for a Vipps phone', 'vippsPhone', 'notFound', 'notMember'],
    ['notFound for a Vipps token', 'vippsToken', 'notFound', 'notMember'],
    ['notFound for an OTP (an expired code)', 'otp', 'notFound', 'codeProblem'],
    ['notFound for a loyalty ID', 'loyaltyId', 'notFound', 'codeProblem'],
    ['codeProblem', 'otp', 'codeProblem', 'codeProblem'],
    ['credentialsRefused', 'otp', 'credentialsRefused', 'needsStaff'],
    ['serviceProblem', 'loyaltyId', 'serviceProblem', 'serviceProblem'],
  ])('an identification ending in %s counts as identified and %s', (_label, scanKind, outcome, counter) => {
    const stats = new HealthStats();
    stats.record({ scanner: 'keyboard', type: 'identified', scanKind, outcome, ms: 123.6 });
    const expected = { scans: 1, rejected: 0, identified: 1, member: 0, notMember: 0, codeProblem: 0, serviceProblem: 0, needsStaff: 0, voided: 0, [counter]: 1 };
    expect(stats.counts).toEqual(expected);
    expect(stats.backEnd).toMatchObject({ lastOutcome: outcome, lastLatencyMs: 124 });
    expect(Number.isNaN(Date.parse(stats.backEnd.lastAt ?? ''))).toBe(false);
  });

  it('a missed deadline counts as a service problem with outcome "timeout", not as identified', () => {
    const stats = new HealthStats();
    stats.record({ scanner: 'keyboard', type: 'deadline', scanKind: 'otp', ms: 6000.4 });
    expect(stats.counts).toMatchObject({ scans: 1, identified: 0, serviceProblem: 1 });
    expect(stats.backEnd).toMatchObject({ lastOutcome: 'timeout', lastLatencyMs: 6000 });
  });

  it('adds up over many events and keeps the last back-end answer', () => {
    const stats = new HealthStats();
    stats.record({ scanner: 'keyboard', type: 'identified', scanKind: 'otp', outcome: 'member', ms: 10 });
    stats.record({ scanner: 'keyboard', type: 'identified', scanKind: 'loyaltyId', outcome: 'member', ms: 20 });
    stats.record({ scanner: 'keyboard', type: 'rejected', reason: 'empty' });
    stats.record({ scanner: 'keyboard', type: 'identified', scanKind: 'vippsPhone', outcome: 'notFound', ms: 30 });
    stats.record({ scanner: 'keyboard', type: 'deadline', scanKind: 'vippsToken', ms: 40 });
    stats.record({ scanner: 'keyboard', type: 'identified', scanKind: 'otp', outcome: 'credentialsRefused', ms: 50 });
    stats.recordVoided(); // a wedge burst thrown away: not a scan
    expect(stats.counts).toEqual({ scans: 6, rejected: 1, identified: 4, member: 2, notMember: 1, codeProblem: 1, serviceProblem: 1, needsStaff: 1, voided: 1 });
    expect(stats.backEnd).toMatchObject({ lastOutcome: 'credentialsRefused', lastLatencyMs: 50 });
  });
});

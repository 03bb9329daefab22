/**
 * Personal QR codes as Vipps MobilePay documents them (its QR API guide, "Personal QR"): which
 * codes are personal QR codes (configured origins, matched strictly); what a phone-form code
 * does under each `personalQr.phoneForm` (exchanged, refused, read locally), the number in it
 * never used where the chain chose the exchange; the exchange's documented refusal (400); only
 * Nordic numbers taken from the exchange, only Norwegian ones checked in; and the four
 * Vipps-System-* headers on every Vipps call.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigSchema, type PhoneFormPolicy } from '../../electron/core/config/config-schema';
import { identifyScan } from '../../electron/core/identify/identify-scan';
import type { IdentifyOutcome } from '../../electron/core/identify/identify-outcome';
import { createLogger } from '../../electron/core/log/logger';
import { PRODUCT_NAME } from '../../electron/core/product';
import { parseScan, type ParsedScan } from '../../electron/core/scan/parse-scan';
import { isCheckInNumber, isNordicMsisdn, VippsClient } from '../../electron/core/vipps/vipps-client';
import { closedPort, fakeServerPool, TEST_VIPPS_CREDENTIALS, VIPPS_PATHS, type FakeAnswer, type FakeVippsAnswers } from '../helpers/fake-identify-server';

const MOBILEPAY = 'https://personal-qr.mobilepay.example';
const ORIGINS = ['https://qr.vipps.no', MOBILEPAY];
const PHONE_IN_CODE = '4798765432';
const EXCHANGED = '4712345678';
const PHONE_QR = `https://qr.vipps.no/28/2/01/031/${PHONE_IN_CODE}?v=1`;
const PRODUCT = { name: 'Counter Loyalty Kiosk', version: '1.2.3' };
const VALID_VIPPS = { baseUrl: 'https://apitest.vipps.no', clientId: 'fb492b5e-7907-4d83-ba20-c7fb60ca35de', merchantSerialNumber: '123456' };

const pool = fakeServerPool();
afterEach(() => pool.closeAll());

describe('which codes are personal QR codes', () => {
  it('a MobilePay code is one only where its origin is configured, and is exchanged whole, origin in canonical case', () => {
    expect(parseScan(`${MOBILEPAY}/Ab_9-x`)).toEqual({ ok: false, reason: 'unknownFormat' });
    expect(parseScan('HTTPS://Personal-QR.MobilePay.example/Ab_9-x/2?v=2', { personalQrOrigins: ORIGINS })).toEqual({
      ok: true,
      scan: { kind: 'vippsToken', qrCode: `${MOBILEPAY}/Ab_9-x/2?v=2` },
    });
  });

  it.each([
    ['plain http', 'http://personal-qr.mobilepay.example/abc'],
    ['a port', 'https://personal-qr.mobilepay.example:8443/abc'],
    ['a percent-escape', 'https://personal-qr.mobilepay.example/ab%2Fc'],
    ['a fragment', 'https://personal-qr.mobilepay.example/abc#x'],
    ['a backslash', 'https://personal-qr.mobilepay.example/ab\\c'],
    ['a dot segment', 'https://personal-qr.mobilepay.example/../abc'],
    ['no path', 'https://personal-qr.mobilepay.example/'],
  ])('a configured origin with %s is refused: no request is sent', (_label, raw) => {
    expect(parseScan(raw, { personalQrOrigins: ORIGINS })).toEqual({ ok: false, reason: 'vippsMalformed' });
  });

  it.each([
    ['a look-alike host', 'https://personal-qr.mobilepay.example.evil.example/abc'],
    ['a sub-domain', 'https://x.personal-qr.mobilepay.example/abc'],
    ['userinfo', 'https://personal-qr.mobilepay.example@evil.example/abc'],
  ])('%s is not a personal QR code at all', (_label, raw) => {
    expect(parseScan(raw, { personalQrOrigins: ORIGINS })).toEqual({ ok: false, reason: 'unknownFormat' });
  });

  it('vipps.personalQrOrigins defaults to Vipps; each entry must be a bare https origin', () => {
    const base = VALID_VIPPS;
    expect(ConfigSchema.parse({ vipps: base }).vipps?.personalQrOrigins).toEqual(['https://qr.vipps.no']);
    expect(ConfigSchema.parse({ vipps: { ...base, personalQrOrigins: ['https://qr.vipps.no', 'HTTPS://Personal-QR.MobilePay.example'] } }).vipps?.personalQrOrigins).toEqual(ORIGINS);
    for (const bad of ['http://qr.vipps.no', 'https://qr.vipps.no/', 'https://qr.vipps.no:443', 'https://u@qr.vipps.no', 'https://localhost', 'qr.vipps.no']) {
      const result = ConfigSchema.safeParse({ vipps: { ...base, personalQrOrigins: [bad] } });
      expect({ bad, message: result.success ? null : result.error.issues[0]?.message }).toEqual({ bad, message: expect.stringContaining('https origin') });
    }
    expect(ConfigSchema.safeParse({ vipps: { ...base, personalQrOrigins: [] } }).success).toBe(false);
  });
});

describe('numbers from the exchange', () => {
  it.each([
    ['4712345678', true],
    ['4520304050', true],
    ['358401234', true],
    ['3584012345678', true],
    ['471234567', false],
    ['45203040501', false],
    ['35840123', false],
    ['35840123456789', false],
    ['4915112345678', false],
    ['46701234567', false],
  ])('%s is Nordic: %s', (digits, nordic) => {
    expect(isNordicMsisdn(digits)).toBe(nordic);
  });
});

/** identifyScan against a fake Vipps, under a phone-form choice; the identify call answers `identifyAnswer`. */
async function identifyWith(scan: ParsedScan, vippsAnswers: FakeVippsAnswers | 'none' | 'down', phoneForm: PhoneFormPolicy = 'exchange', identifyAnswer: IdentifyOutcome = { kind: 'notFound' }) {
  const identified: string[] = [];
  const logged: string[] = [];
  const checkIns: string[] = [];
  let client: VippsClient | null = null;
  if (vippsAnswers === 'down') client = new VippsClient({ baseUrl: `http://127.0.0.1:${await closedPort()}`, ...TEST_VIPPS_CREDENTIALS, loyaltyProgramName: null, timeoutMs: 1000, product: PRODUCT });
  else if (vippsAnswers !== 'none') client = new VippsClient({ baseUrl: (await pool.serve(() => ({ status: 404 }), vippsAnswers)).baseUrl, ...TEST_VIPPS_CREDENTIALS, loyaltyProgramName: null, timeoutMs: 1000, product: PRODUCT });
  const outcome = await identifyScan(scan, new AbortController().signal, {
    identify: async (identifier): Promise<IdentifyOutcome> => {
      identified.push(identifier);
      return identifyAnswer;
    },
    vipps: () => client,
    phoneForm: () => phoneForm,
    checkIn: (_client, phoneNumber) => {
      checkIns.push(phoneNumber);
      return true;
    },
    log: createLogger((line) => logged.push(line)),
  });
  return { outcome, identified, logged, checkIns };
}

const phoneScan = parseScan(PHONE_QR);
if (!phoneScan.ok) throw new Error('the phone-form code must parse');
const exchangeAnswer = (answer: FakeAnswer): FakeVippsAnswers => ({ exchange: () => answer });

describe('a phone-form code, exchanged (personalQr.phoneForm "exchange", the default with Vipps)', () => {
  it('is exchanged, and identified with the number the exchange gave, not the one in the code', async () => {
    const { identified, checkIns } = await identifyWith(phoneScan.scan, exchangeAnswer({ status: 200, json: { msisdn: EXCHANGED, timestamp: 1634025600, version: '2.0' } }));
    expect(identified).toEqual([EXCHANGED]);
    expect(checkIns).toEqual([EXCHANGED]);
  });

  it.each<[string, FakeVippsAnswers | 'down', string]>([
    ['the exchange answers 503', exchangeAnswer({ status: 503, json: {} }), 'serverError'],
    ['the exchange never answers', exchangeAnswer({ hang: true }), 'timeout'],
    ['Vipps cannot be reached at all', 'down', 'unreachable'],
    ['the token call answers 502', { token: () => ({ status: 502, json: {} }) }, 'serverError'],
  ])('%s: a service problem, never the number in the code; logged without it', async (_label, answers, reason) => {
    const { outcome, identified, logged } = await identifyWith(phoneScan.scan, answers);
    expect(outcome).toMatchObject({ kind: 'serviceProblem', reason });
    expect(identified).toEqual([]);
    const failed = logged.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.event === 'vipps-exchange-failed');
    expect(failed).toHaveLength(1);
    expect(logged.join('\n')).not.toContain(PHONE_IN_CODE);
  });

  it.each<[string, FakeAnswer, IdentifyOutcome]>([
    [
      'refuses it with its documented 400 problem body: refresh the code',
      { status: 400, json: { title: 'Bad request', status: 400, detail: 'The request body contains one or more invalid parameters.', extraDetails: [{ name: 'qrCode', reason: 'The complete data contained in the QR code is required.' }] } },
      { kind: 'codeProblem', reason: 'notFound' },
    ],
    ['does not know the code (404)', { status: 404, json: {} }, { kind: 'codeProblem', reason: 'notFound' }],
    ['refuses the kiosk (403)', { status: 403, json: {} }, { kind: 'credentialsRefused', status: 403 }],
  ])('the exchange %s', async (_label, answer, expected) => {
    const { outcome, identified } = await identifyWith(phoneScan.scan, exchangeAnswer(answer));
    expect(outcome).toEqual(expected);
    expect(identified).toEqual([]);
  });

  it('a number outside the Nordic countries is a service problem with a clear log line, never the number', async () => {
    const { outcome, logged } = await identifyWith(phoneScan.scan, exchangeAnswer({ status: 200, json: { msisdn: '4915112345678' } }));
    expect(outcome).toMatchObject({ kind: 'serviceProblem', reason: 'badAnswer' });
    const line = logged.map((entry) => JSON.parse(entry) as Record<string, unknown>).find((entry) => entry.event === 'vipps-exchange-failed');
    expect(line?.detail).toBe('exchange: HTTP 200 with a 13-digit number outside Norway (47), Denmark (45) and Finland (358)');
    expect(logged.join('\n')).not.toContain('4915112345678');
  });

  it('without any Vipps, refused as "show the code in your app" (the configuration refuses "exchange" there)', async () => {
    const { outcome, identified } = await identifyWith(phoneScan.scan, 'none', 'exchange');
    expect(outcome).toEqual({ kind: 'codeProblem', reason: 'phoneCodeRefused' });
    expect(identified).toEqual([]);
  });
});

describe('a phone-form code, refused (personalQr.phoneForm "refuse", the default without Vipps)', () => {
  it.each<[string, FakeVippsAnswers | 'none']>([
    ['with Vipps set up', exchangeAnswer({ status: 200, json: { msisdn: EXCHANGED } })],
    ['without Vipps', 'none'],
  ])('%s: "show the code in your app", and nothing is sent', async (_label, answers) => {
    const { outcome, identified, checkIns } = await identifyWith(phoneScan.scan, answers, 'refuse');
    expect(outcome).toEqual({ kind: 'codeProblem', reason: 'phoneCodeRefused' });
    expect(identified).toEqual([]);
    expect(checkIns).toEqual([]);
    expect(pool.requests()).toEqual([]);
  });

  it('a token-form code is still exchanged', async () => {
    const token = parseScan('https://qr.vipps.no/p/abc');
    if (!token.ok) throw new Error('the token-form code must parse');
    const { identified } = await identifyWith(token.scan, exchangeAnswer({ status: 200, json: { msisdn: EXCHANGED, version: '2.0' } }), 'refuse');
    expect(identified).toEqual([EXCHANGED]);
  });
});

describe('a phone-form code, read locally (personalQr.phoneForm "local", only where a chain chose it)', () => {
  it('without Vipps: the number in the code is looked up, no exchange, no check-in', async () => {
    const { outcome, identified, checkIns } = await identifyWith(phoneScan.scan, 'none', 'local');
    expect(outcome).toEqual({ kind: 'notFound' });
    expect(identified).toEqual([PHONE_IN_CODE]);
    expect(checkIns).toEqual([]);
  });

  it('with Vipps: still no exchange; the membership is checked in', async () => {
    const { outcome, identified, checkIns } = await identifyWith(phoneScan.scan, exchangeAnswer({ status: 200, json: { msisdn: EXCHANGED } }), 'local');
    expect(outcome).toEqual({ kind: 'notFound', vippsCheckIn: true });
    expect(identified).toEqual([PHONE_IN_CODE]);
    expect(checkIns).toEqual([PHONE_IN_CODE]);
    expect(pool.requests().map((request) => request.url)).toEqual([]);
  });
});

describe('the check-in, as the published Check-in API has it (phoneNumber ^47[0-9]{8}$)', () => {
  it.each([
    ['4712345678', true],
    ['4520304050', false],
    ['358401234567', false],
    ['47123456789', false],
  ])('%s can be checked in: %s', (digits, norwegian) => {
    expect(isCheckInNumber(digits)).toBe(norwegian);
  });
});

describe("Vipps' system headers", () => {
  it("name the product as package.json does (electron-builder's productName)", () => {
    expect(PRODUCT_NAME).toBe((JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { productName: string }).productName);
  });

  it('go with every Vipps call: token, exchange and check-in, the product name and version, 30 characters at most', async () => {
    const server = await pool.serve(() => ({ status: 404 }), { exchange: () => ({ status: 200, json: { msisdn: EXCHANGED } }) });
    const client = new VippsClient({ baseUrl: server.baseUrl, ...TEST_VIPPS_CREDENTIALS, loyaltyProgramName: null, timeoutMs: 1000, product: { name: 'Counter Loyalty Kiosk', version: '1.2.3-a-very-long-prerelease-tag.1' } });
    await client.exchange(PHONE_QR, new AbortController().signal);
    await client.checkIn(EXCHANGED, true, new AbortController().signal);
    expect(server.requests.map((request) => request.url)).toEqual([VIPPS_PATHS.token, VIPPS_PATHS.exchange, VIPPS_PATHS.checkIn]);
    for (const request of server.requests) {
      expect(request.headers).toMatchObject({
        'vipps-system-name': 'Counter Loyalty Kiosk',
        'vipps-system-version': '1.2.3-a-very-long-prerelease-t',
        'vipps-system-plugin-name': 'Counter Loyalty Kiosk',
        'vipps-system-plugin-version': '1.2.3-a-very-long-prerelease-t',
      });
    }
  });
});

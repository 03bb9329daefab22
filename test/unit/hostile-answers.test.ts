/**
 * Hostile answers through the whole core (issue 20, "One odd answer blanks the kiosk"): arbitrary
 * JSON, and the documented shapes with hostile leaves, as the identify, QR exchange, access token
 * and check-in answers of loopback servers, driven through startKioskCore as a scan would be.
 * Every run must end on a documented screen whose view survives Electron's structured clone and
 * the web shell's JSON, count back to `ready`, and leave the kiosk identifying the next scan. The
 * identifications handed to the till keep their JSON Schema. Seeded (helpers/hostile-json.ts).
 *
 * Only the countdown's setInterval is faked, so each run's countdown is checked second by second
 * without waiting for it; the HTTP calls, deadlines and retries run on real timers.
 */
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startKioskCore, type KioskCore } from '../../electron/core/kiosk-core';
import type { SessionView } from '../../electron/shared/session-view';
import { MEMBER_ANSWER, startFakeIdentify, TEST_VIPPS_CREDENTIALS, type FakeAnswer, type FakeIdentifyServer } from '../helpers/fake-identify-server';
import { startFakeTill, type FakeTill } from '../helpers/fake-till';
import { acceptedMemberAnswer, errorShapedAnswer, hostileAnswer, hostileJson, memberShapedAnswer, propertyOptions } from '../helpers/hostile-json';

const IDLE_RESET_SECONDS = 3;
const TILL_SECRET = 'till-secret-0123456789abcdef';
const MEMBER_PHONE = '4712345678';
const schema = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../docs/handoff/identification.schema.json'), 'utf8')) as object;
const validateIdentification = new Ajv({ strict: true, validateFormats: false }).compile(schema);

const SCREENS = new Set(['member', 'notMember', 'codeProblem', 'serviceProblem', 'needsStaff']);
const CODE_PROBLEMS = new Set(['notLoyaltyCode', 'notFound', 'alreadyUsed', 'invalidCode', 'identificationFailed', 'typeDisabled', 'vippsNotAccepted', 'phoneCodeRefused']);
const SERVICE_PROBLEMS = new Set(['timeout', 'unreachable', 'serverError', 'badAnswer']);

/** What the fake servers answer next; each property sets the one it varies. */
const next: { identify: FakeAnswer; exchange: FakeAnswer; token: FakeAnswer; checkIn: FakeAnswer } = {
  identify: { status: 200, json: MEMBER_ANSWER },
  exchange: { status: 200, json: { msisdn: MEMBER_PHONE, version: '2.0' } },
  token: { status: 200, json: { access_token: 'token-1', expires_in: 3600 } },
  checkIn: { status: 200, json: {} },
};
const events: string[] = [];
const recorder = (level: string) => (event: string) => void events.push(`${level}:${event}`);

let core: KioskCore;
let backEnd: FakeIdentifyServer;
let till: FakeTill;
let dir = '';
let codes = 100_000;
/** The identifications the customer saw, by how they were identified (what the till must get). */
const shown: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-hostile-'));
  backEnd = await startFakeIdentify(() => next.identify, { token: () => next.token, exchange: () => next.exchange, checkIn: () => next.checkIn });
  till = await startFakeTill(TILL_SECRET);
  const file = path.join(dir, 'config.json');
  writeFileSync(
    file,
    JSON.stringify({
      idleResetSeconds: IDLE_RESET_SECONDS,
      identify: { baseUrl: backEnd.baseUrl, token: 'identify-token-1', timeoutMs: 2000 },
      vipps: { baseUrl: backEnd.baseUrl, ...TEST_VIPPS_CREDENTIALS, timeoutMs: 2000 },
      handoff: { url: till.url, secret: TILL_SECRET, timeoutMs: 2000 },
      // A PLU that is a prototype name, named on purpose: it must be found, and no other must be.
      catalog: { 'PLU-100': 'Whopper Jr.', constructor: 'The Builder Burger' },
    }),
  );
  core = await startKioskCore({ userDataDir: dir, env: { KIOSK_CONFIG: file }, logger: { info: recorder('info'), warn: recorder('warn'), error: recorder('error') } });
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
});

afterAll(async () => {
  vi.useRealTimers();
  await core?.stop();
  await backEnd?.close();
  await till?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Polls on real timers (vi.waitFor would advance the faked countdown). */
async function until(check: () => boolean, what: string, timeoutMs = 8000): Promise<void> {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}; screen: ${JSON.stringify(core.session.view())}`);
    await sleep(3);
  }
}

/** Scans, and waits for the result screen. */
async function scanToResult(code: string): Promise<SessionView> {
  core.scan(code);
  await until(() => core.session.view().screen !== 'identifying' && core.session.view().screen !== 'ready', 'a result screen');
  return core.session.view();
}

function expectDocumentedView(view: SessionView): void {
  expect(SCREENS.has(view.screen), view.screen).toBe(true);
  // Electron sends views by structured clone, the web shell as JSON: both must carry it whole.
  expect(structuredClone(view)).toEqual(view);
  expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  if (view.screen === 'member') {
    expect(typeof view.member.firstName).toBe('string');
    if (view.member.points) {
      expect(Number.isFinite(view.member.points.amount)).toBe(true);
      expect(typeof view.member.points.currency).toBe('string');
    }
    for (const item of view.member.items) {
      expect(typeof item.name).toBe('string');
      expect(Number.isInteger(item.quantity) && item.quantity > 0).toBe(true);
      expect(['reward', 'offer', 'other']).toContain(item.kind);
    }
  }
  if (view.screen === 'codeProblem') expect(CODE_PROBLEMS.has(view.reason), view.reason).toBe(true);
  if (view.screen === 'serviceProblem') expect(SERVICE_PROBLEMS.has(view.reason), view.reason).toBe(true);
  if (view.screen === 'needsStaff') expect(view.reason).toBe('credentials');
  if (view.screen !== 'needsStaff' || view.resetInSeconds !== null) expect(view).toMatchObject({ resetInSeconds: IDLE_RESET_SECONDS });
}

/** The countdown, second by second, back to `ready`. */
function expectCountdownToReady(): void {
  for (let left = IDLE_RESET_SECONDS - 1; left >= 1; left--) {
    vi.advanceTimersByTime(1000);
    expect(core.session.view()).toMatchObject({ resetInSeconds: left });
  }
  vi.advanceTimersByTime(1000);
  expect(core.session.view()).toEqual({ screen: 'ready' });
}

/** The kiosk still identifies: a good answer to a fresh OTP shows the member. */
async function expectNextScanIdentifies(): Promise<void> {
  next.identify = { status: 200, json: MEMBER_ANSWER };
  const view = await scanToResult(String(++codes));
  expect(view).toMatchObject({ screen: 'member', member: { firstName: 'Farhan' } });
  shown.push('appCode');
  core.session.customerDone();
  expect(core.session.view()).toEqual({ screen: 'ready' });
}

function recordShown(view: SessionView, identifiedBy: string): void {
  if (view.screen === 'member' || view.screen === 'notMember') shown.push(identifiedBy);
}

const statuses = (...list: number[]) => fc.constantFrom(...list);

describe('hostile answers, through the core', () => {
  it('identify: any JSON, in any status, ends on a documented screen that counts back to ready; the next scan identifies', async () => {
    await fc.assert(
      fc.asyncProperty(statuses(200, 200, 200, 400, 404, 422, 401, 403, 409, 500, 503), hostileAnswer(fc.oneof(acceptedMemberAnswer, memberShapedAnswer, errorShapedAnswer)), async (status, json) => {
        next.identify = { status, json };
        const view = await scanToResult(String(++codes));
        expectDocumentedView(view);
        recordShown(view, 'appCode');
        expectCountdownToReady();
        await expectNextScanIdentifies();
      }),
      propertyOptions(150),
    );
  });

  it('the QR exchange: any JSON, in any status, ends on a documented screen; the next scan identifies', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(statuses(200, 200, 200, 400, 404, 410, 422, 403, 500), hostileAnswer(fc.record({ msisdn: fc.oneof(fc.constantFrom(MEMBER_PHONE, '+4712345678', '4520304050', '__proto__'), hostileJson), version: hostileJson })), async (status, json) => {
        next.exchange = { status, json };
        next.identify = { status: 200, json: MEMBER_ANSWER };
        const view = await scanToResult(`https://qr.vipps.no/p/hostile-${++run}`);
        expectDocumentedView(view);
        recordShown(view, 'personalQrToken');
        expectCountdownToReady();
        await expectNextScanIdentifies();
      }),
      propertyOptions(80),
    );
    next.exchange = { status: 200, json: { msisdn: MEMBER_PHONE, version: '2.0' } };
  });

  it('the access token: any JSON, in any status, ends on a documented screen; the next scan identifies', async () => {
    // The exchange refuses every token (401), so no token stays cached: each run asks for a new one.
    next.exchange = { status: 401, json: {} };
    let run = 0;
    await fc.assert(
      fc.asyncProperty(statuses(200, 200, 200, 400, 401, 403, 500), hostileAnswer(fc.record({ access_token: fc.oneof(fc.constant('token-ok'), hostileJson), expires_in: fc.oneof(fc.constantFrom(3600, '3600', 0, -1, 1e308, '86400'), hostileJson), token_type: hostileJson })), async (status, json) => {
        next.token = { status, json };
        const view = await scanToResult(`https://qr.vipps.no/p/token-${++run}`);
        expectDocumentedView(view);
        expect(['codeProblem', 'serviceProblem', 'needsStaff']).toContain(view.screen); // never a member without an exchange
        expectCountdownToReady();
        await expectNextScanIdentifies();
      }),
      propertyOptions(60),
    );
    next.token = { status: 200, json: { access_token: 'token-1', expires_in: 3600 } };
    next.exchange = { status: 200, json: { msisdn: MEMBER_PHONE, version: '2.0' } };
  });

  it('the check-in: any JSON, in any status, never touches the screen; the next scan identifies', async () => {
    let run = 0;
    await fc.assert(
      // Statuses that are not retried: a retry waits a real second (the sender's own backoff).
      fc.asyncProperty(statuses(200, 201, 204, 400, 403, 404, 409, 422), hostileAnswer(hostileJson), async (status, json) => {
        next.checkIn = { status, json };
        next.identify = { status: 200, json: MEMBER_ANSWER };
        const before = events.filter((event) => event.includes('vipps-check-in')).length;
        const view = await scanToResult(`https://qr.vipps.no/p/check-in-${++run}`);
        expect(view).toMatchObject({ screen: 'member', member: { firstName: 'Farhan' } });
        recordShown(view, 'personalQrToken');
        await until(() => events.filter((event) => event.includes('vipps-check-in')).length > before, 'the check-in to end');
        expect(core.session.view()).toEqual(view);
        expectCountdownToReady();
        await expectNextScanIdentifies();
      }),
      propertyOptions(40),
    );
  });

  it('every identification handed to the till keeps its JSON Schema, and says how the customer was identified', async () => {
    // Every delivery (the till answers each at once, so one per identification, in order); ids may
    // repeat (a hostile answer's transactionId is the key), so deliveries are counted, not ids.
    await until(() => till.deliveries.length >= shown.length, `${shown.length} identifications at the till (got ${till.deliveries.length})`, 20_000);
    const delivered = till.deliveries.map((delivery) => JSON.parse(delivery.body) as { identifiedBy: string });
    for (const identification of delivered) expect(validateIdentification(identification), JSON.stringify(validateIdentification.errors)).toBe(true);
    expect(delivered.map((identification) => identification.identifiedBy)).toEqual(shown);
  });

  it('a PLU named like a prototype property is named only from the catalogue, and nothing else is', async () => {
    next.identify = {
      status: 200,
      json: { ...MEMBER_ANSWER, order: ['constructor', '__proto__', 'hasOwnProperty', 'toString'].map((productId) => ({ productId, quantity: 1, productType: 'REWARD' })) },
    };
    const view = await scanToResult(String(++codes));
    expect(view).toMatchObject({ screen: 'member' });
    expect(view.screen === 'member' && view.member.items.map((item) => item.name)).toEqual(['The Builder Burger', '__proto__', 'hasOwnProperty', 'toString']);
    core.session.customerDone();
  });
});

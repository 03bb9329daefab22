/**
 * Vipps MobilePay as published (issue 20, section 5), against copies of its OpenAPI files
 * (test/fixtures/vipps-openapi/, helpers/vipps-openapi.ts):
 * - every request the embedded sandbox receives from a kiosk core scanning each of its Vipps and
 *   MobilePay codes keeps the published rules, and so do the sandbox's answers the kiosk reads;
 * - the sandbox is as strict as the files: for generated requests it accepts exactly those the
 *   files accept (seeded);
 * - a Danish MobilePay member is identified, and no check-in is sent (the Check-in API takes
 *   Norwegian numbers only): logged as skipped and counted.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startKioskCore, type KioskCore } from '../../electron/core/kiosk-core';
import { startSandboxServer, type SandboxRequest, type SandboxServer } from '../../electron/core/sandbox/sandbox-server';
import { SANDBOX_MOBILEPAY_ORIGIN } from '../../electron/core/sandbox/sandbox-members';
import { AccessTokenCache } from '../../electron/core/vipps/access-token';
import { vippsSystemHeaders } from '../../electron/core/vipps/vipps-target';
import { propertyOptions, PROTOTYPE_NAMES } from '../helpers/hostile-json';
import { requestProblems, responseProblems } from '../helpers/vipps-openapi';

const PRODUCT = { name: 'Counter Loyalty Kiosk', version: '0.1.0' };
const VIPPS_PATHS = ['/accesstoken/get', '/qr/v1/exchange', '/point-of-sale/v1/loyalty-check-in'];

describe('a kiosk core on the sandbox, scanning every Vipps and MobilePay code the sandbox knows', () => {
  let dir = '';
  let core: KioskCore;
  const received: SandboxRequest[] = [];
  const events: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-vipps-openapi-'));
    const file = path.join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ idleResetSeconds: 3 }));
    const record = (event: string) => void events.push(event);
    core = await startKioskCore({ userDataDir: dir, env: { KIOSK_CONFIG: file }, logger: { info: record, warn: record, error: record }, sandbox: { onRequest: (request) => received.push(request) } });
  });

  afterAll(async () => {
    await core?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function scanToResult(code: string) {
    core.session.done();
    core.scan(code);
    const started = performance.now();
    while (['ready', 'identifying'].includes(core.session.view().screen)) {
      if (performance.now() - started > 8000) throw new Error('no result screen');
      await sleep(5);
    }
    return core.session.view();
  }

  it.each([
    ['https://qr.vipps.no/28/2/01/031/4712345678?v=1', 'member'],
    ['https://qr.vipps.no/28/2/01/031/4798765432?v=1', 'notMember'],
    ['https://qr.vipps.no/p/sandbox-kari', 'member'],
    ['https://qr.vipps.no/p/sandbox-ola', 'notMember'],
    ['https://qr.vipps.no/p/anything-else', 'codeProblem'],
    [`${SANDBOX_MOBILEPAY_ORIGIN}/sandbox-mette`, 'member'],
  ])('%s → %s, every Vipps request it made as published', async (code, screen) => {
    const before = received.length;
    expect(await scanToResult(code)).toMatchObject({ screen });
    await sleep(100); // the check-in goes beside the screen
    const vippsCalls = received.slice(before).filter((request) => VIPPS_PATHS.includes(request.path));
    expect(vippsCalls.length).toBeGreaterThan(0);
    for (const request of vippsCalls) expect({ path: request.path, problems: requestProblems({ ...request, url: request.path }) }).toEqual({ path: request.path, problems: [] });
  });

  it('the unknown token-form code met the exchange\'s documented refusal: "refresh the code"', async () => {
    expect(await scanToResult('https://qr.vipps.no/p/unknown-token-2')).toMatchObject({ screen: 'codeProblem', reason: 'notFound' });
  });

  it('the Danish member: identified, no check-in sent, the skip logged', async () => {
    const skippedBefore = events.filter((event) => event === 'vipps-check-in-skipped').length;
    const before = received.length;
    expect(await scanToResult(`${SANDBOX_MOBILEPAY_ORIGIN}/sandbox-mette`)).toMatchObject({ screen: 'member', member: { firstName: 'Mette' } });
    await sleep(200);
    expect(received.slice(before).map((request) => request.path)).not.toContain('/point-of-sale/v1/loyalty-check-in');
    expect(events.filter((event) => event === 'vipps-check-in-skipped').length).toBe(skippedBefore + 1);
  });
});

describe('the sandbox answers as published', () => {
  let sandbox: SandboxServer;
  beforeEach(async () => {
    sandbox = await startSandboxServer();
  });
  afterEach(() => sandbox.close());

  const tokenHeaders = () => ({ client_id: sandbox.vipps.clientId, client_secret: sandbox.vipps.clientSecret, 'Ocp-Apim-Subscription-Key': sandbox.vipps.subscriptionKey, 'Merchant-Serial-Number': sandbox.vipps.merchantSerialNumber });

  it('the access token: an AuthorizationTokenResponse, which the kiosk reads', async () => {
    const response = await fetch(`${sandbox.baseUrl}/accesstoken/get`, { method: 'POST', headers: tokenHeaders() });
    expect(responseProblems({ method: 'POST', url: '/accesstoken/get' }, response.status, response.headers.get('content-type') ?? '', await response.json())).toEqual([]);
    expect(await new AccessTokenCache({ baseUrl: sandbox.baseUrl, ...sandbox.vipps, loyaltyProgramName: null, timeoutMs: 2000, product: PRODUCT }).get()).toMatchObject({ ok: true });
  });

  it.each([
    ['a token-form code it knows', 'https://qr.vipps.no/p/sandbox-kari', 200],
    ['a code it does not know', 'https://qr.vipps.no/p/nobody', 400],
  ])('the exchange, %s (%s): the published answer, %i', async (_label, qrCode, status) => {
    const token = await new AccessTokenCache({ baseUrl: sandbox.baseUrl, ...sandbox.vipps, loyaltyProgramName: null, timeoutMs: 2000, product: PRODUCT }).get();
    const response = await fetch(`${sandbox.baseUrl}/qr/v1/exchange`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token.ok ? token.token : ''}`, 'Ocp-Apim-Subscription-Key': sandbox.vipps.subscriptionKey, 'content-type': 'application/json' },
      body: JSON.stringify({ qrCode }),
    });
    expect(response.status).toBe(status);
    if (status === 400) expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(responseProblems({ method: 'POST', url: '/qr/v1/exchange' }, response.status, response.headers.get('content-type') ?? '', await response.json())).toEqual([]);
  });
});

describe('the sandbox is as strict as the published files', () => {
  let sandbox: SandboxServer;
  let bearer = '';
  beforeAll(async () => {
    sandbox = await startSandboxServer();
    const token = await new AccessTokenCache({ baseUrl: sandbox.baseUrl, ...sandbox.vipps, loyaltyProgramName: null, timeoutMs: 2000, product: PRODUCT }).get();
    bearer = token.ok ? token.token : '';
  });
  afterAll(() => sandbox.close());

  const headerValue = (max: number) => fc.oneof(fc.string({ unit: 'grapheme-ascii', maxLength: max }), fc.string({ unit: 'grapheme-ascii', minLength: max + 1, maxLength: max + 10 }));
  /**
   * Optional headers the files constrain: the MSN (the sandbox's own; malformed ones too where the
   * file gives it a pattern, the token call: elsewhere another MSN is a wrong credential) and
   * Vipps' system headers.
   */
  const optionalHeaders = (msn: fc.Arbitrary<string>) => fc.record(
    {
      'merchant-serial-number': msn,
      'vipps-system-name': headerValue(30),
      'vipps-system-version': headerValue(30),
      'vipps-system-plugin-name': headerValue(30),
      'vipps-system-plugin-version': headerValue(30),
    },
    { requiredKeys: [] },
  );
  const ownMsn = fc.constant('123456');
  const anyMsn = fc.oneof(ownMsn, fc.constantFrom('12', '1234567', '12a4', ' 123456', ''));
  const jsonLeaf = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.string({ maxLength: 12 }), fc.constantFrom(...PROTOTYPE_NAMES), fc.array(fc.constant('MSISDN'), { maxLength: 2 }));
  const phone = fc.oneof(fc.stringMatching(/^47[0-9]{8}$/), fc.stringMatching(/^45[0-9]{8}$/), fc.constantFrom('471234567', '+4712345678', '47123456789', ''), jsonLeaf);

  async function post(pathname: string, headers: Record<string, string>, body: unknown): Promise<number> {
    const hasBody = body !== undefined;
    const response = await fetch(`${sandbox.baseUrl}${pathname}`, { method: 'POST', headers: { ...headers, ...(hasBody ? { 'content-type': 'application/json' } : {}) }, body: hasBody ? JSON.stringify(body) : '' });
    await response.arrayBuffer();
    return response.status;
  }

  it('the check-in: accepted exactly when the Check-in API file accepts the request', async () => {
    await fc.assert(
      fc.asyncProperty(
        optionalHeaders(ownMsn),
        fc.record({ phoneNumber: phone, isMember: fc.oneof(fc.boolean(), jsonLeaf), loyaltyProgramName: fc.oneof(fc.string({ maxLength: 20 }), jsonLeaf) }, { requiredKeys: [] }),
        async (optional, body) => {
          const headers = { authorization: `Bearer ${bearer}`, 'ocp-apim-subscription-key': sandbox.vipps.subscriptionKey, ...optional };
          const published = requestProblems({ method: 'POST', url: '/point-of-sale/v1/loyalty-check-in', headers, body }) ?? ['not published'];
          const status = await post('/point-of-sale/v1/loyalty-check-in', headers, body);
          expect({ published, accepted: status === 200 }).toEqual({ published, accepted: published.length === 0 });
        },
      ),
      propertyOptions(300),
    );
  });

  it('the exchange: a request the QR API file refuses is refused as malformed; one it accepts is answered, or refused for its unknown code', async () => {
    const known = ['https://qr.vipps.no/p/sandbox-kari', 'https://qr.vipps.no/28/2/01/031/4712345678?v=1'];
    await fc.assert(
      fc.asyncProperty(
        optionalHeaders(ownMsn),
        fc.record({ qrCode: fc.oneof(fc.constantFrom(...known), jsonLeaf), requestedData: fc.oneof(fc.constant(['MSISDN']), jsonLeaf) }, { requiredKeys: [] }),
        async (optional, body) => {
          const headers = { authorization: `Bearer ${bearer}`, 'ocp-apim-subscription-key': sandbox.vipps.subscriptionKey, 'content-type': 'application/json' };
          const sent = { ...headers, ...optional };
          const published = requestProblems({ method: 'POST', url: '/qr/v1/exchange', headers: sent, body }) ?? ['not published'];
          const response = await fetch(`${sandbox.baseUrl}/qr/v1/exchange`, { method: 'POST', headers: sent, body: JSON.stringify(body) });
          const answer = (await response.json()) as { extraDetails?: Array<{ reason: string }> };
          const outcome = response.status === 200 ? 'answered' : /unknown/.test(answer.extraDetails?.[0]?.reason ?? '') ? 'unknown code' : 'malformed';
          const expected = published.length ? 'malformed' : known.includes(body.qrCode as string) ? 'answered' : 'unknown code';
          expect({ published, outcome }).toEqual({ published, outcome: expected });
        },
      ),
      propertyOptions(300),
    );
  });

  it('the access token: accepted exactly when the Access token file accepts the headers (with the right credentials)', async () => {
    await fc.assert(
      fc.asyncProperty(optionalHeaders(anyMsn), fc.constantFrom('right', 'upper-case', 'not a guid'), async (optional, clientIdForm) => {
        const clientId = clientIdForm === 'right' ? sandbox.vipps.clientId : clientIdForm === 'upper-case' ? sandbox.vipps.clientId.toUpperCase() : 'sandbox-client';
        const headers = { client_id: clientId, client_secret: sandbox.vipps.clientSecret, 'ocp-apim-subscription-key': sandbox.vipps.subscriptionKey, ...optional };
        const published = requestProblems({ method: 'POST', url: '/accesstoken/get', headers, body: undefined }) ?? ['not published'];
        const status = await post('/accesstoken/get', headers, undefined);
        // An upper-case GUID is well-formed, but not this sandbox's client: refused as a credential (401), not as malformed.
        const expected = published.length === 0 && clientIdForm !== 'upper-case';
        expect({ published, clientIdForm, status: status === 200 ? 'accepted' : status === 400 ? 'malformed' : 'credentials' }).toEqual({
          published,
          clientIdForm,
          status: expected ? 'accepted' : published.length ? 'malformed' : 'credentials',
        });
      }),
      propertyOptions(200),
    );
  });

  it("the kiosk's own system headers keep the files' 30-character limit", () => {
    const headers = vippsSystemHeaders({ name: 'Counter Loyalty Kiosk', version: '1.2.3-a-very-long-prerelease-tag.1' });
    expect(requestProblems({ method: 'POST', url: '/accesstoken/get', headers: { ...Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value])), client_id: sandbox.vipps.clientId, client_secret: 's', 'ocp-apim-subscription-key': 'k' }, body: undefined })).toEqual([]);
  });
});

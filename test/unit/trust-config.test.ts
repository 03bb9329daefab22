/**
 * The configuration's part of issue 20: what Vipps MobilePay's published files constrain
 * (clientId a GUID, merchantSerialNumber 4 to 6 digits), with clear errors staff can read; what
 * phone-form codes do (`personalQr.phoneForm`) and its defaults; a `"__proto__"` key in a record
 * of the file (catalogue, OTLP headers) is an error, not silently lost; and the Vipps part's
 * choices: the default phone-form policy, and no check-in for a number outside Norway.
 */
import { describe, expect, it } from 'vitest';
import { fieldIssues } from '../../electron/core/config/config-issues';
import { ConfigSchema } from '../../electron/core/config/config-schema';
import { parseHeaderList } from '../../electron/core/config/service-secrets';
import { ConfigHolder } from '../../electron/core/config/config-holder';
import type { ConfigResult } from '../../electron/core/config/load-config';
import { KioskMetrics } from '../../electron/core/metrics/kiosk-metrics';
import { createBackEnd } from '../../electron/core/parts/back-end';
import { createVipps } from '../../electron/core/parts/vipps';
import type { Logger } from '../../electron/core/log/logger';
import { VippsClient } from '../../electron/core/vipps/vipps-client';
import { english, norwegian } from '../helpers/catalogue';

const VIPPS = { baseUrl: 'https://apitest.vipps.no', clientId: 'fb492b5e-7907-4d83-ba20-c7fb60ca35de', clientSecret: 's', subscriptionKey: 'k', merchantSerialNumber: '123456' };
const IDENTIFY = { baseUrl: 'https://loyalty.example', token: 'tok' };

function issuesOf(raw: unknown) {
  const parsed = ConfigSchema.safeParse(raw);
  if (parsed.success) throw new Error('expected an invalid configuration');
  return fieldIssues(parsed.error);
}

describe('Vipps fields as the published Access token API constrains them', () => {
  it.each(['FB492B5E-7907-4D83-BA20-C7FB60CA35DE', ' fb492b5e-7907-4d83-ba20-c7fb60ca35de '])('a GUID client ID is taken (%j)', (clientId) => {
    expect(ConfigSchema.parse({ vipps: { ...VIPPS, clientId } }).vipps?.clientId).toBe(clientId.trim());
  });

  it.each(['client-1', 'fb492b5e7907-4d83-ba20-c7fb60ca35de', '{fb492b5e-7907-4d83-ba20-c7fb60ca35de}', ''])('a client ID that is no GUID is refused, named, in both languages (%j)', (clientId) => {
    const [issue] = issuesOf({ vipps: { ...VIPPS, clientId } });
    expect(issue).toMatchObject({ field: 'vipps.clientId', code: 'guid', message: expect.stringContaining('GUID') });
    expect(english('staff.issues.guid')).toContain('GUID');
    expect(norwegian('staff.issues.guid')).toContain('GUID');
  });

  it.each(['1234', '12345', '123456'])('a merchant serial number of 4 to 6 digits is taken (%s)', (merchantSerialNumber) => {
    expect(ConfigSchema.parse({ vipps: { ...VIPPS, merchantSerialNumber } }).vipps?.merchantSerialNumber).toBe(merchantSerialNumber);
  });

  it.each(['1', '123', '1234567', '12a45', '', 'MSN-1234'])('any other is refused, named (%j)', (merchantSerialNumber) => {
    expect(issuesOf({ vipps: { ...VIPPS, merchantSerialNumber } })).toEqual([expect.objectContaining({ field: 'vipps.merchantSerialNumber', code: 'merchantSerialNumber', message: 'must be 4 to 6 digits (the sale unit\'s merchant serial number from the Vipps portal)' })]);
  });
});

describe('personalQr.phoneForm', () => {
  it('is unset by default (the set-up decides) and takes exchange, refuse and local', () => {
    expect(ConfigSchema.parse({}).personalQr).toEqual({});
    for (const phoneForm of ['exchange', 'refuse', 'local'] as const) expect(ConfigSchema.parse({ identify: IDENTIFY, vipps: VIPPS, personalQr: { phoneForm } }).personalQr.phoneForm).toBe(phoneForm);
  });

  it('refuses anything else, and unknown fields', () => {
    expect(issuesOf({ personalQr: { phoneForm: 'trust' } })).toEqual([expect.objectContaining({ field: 'personalQr.phoneForm', code: 'oneOf' })]);
    expect(issuesOf({ personalQr: { phoneFrom: 'local' } })).toEqual([expect.objectContaining({ field: 'personalQr.phoneFrom', code: 'unknownField' })]);
  });

  it('refuses "exchange" with a back end but no Vipps to exchange with; takes it on the sandbox, which plays Vipps', () => {
    expect(issuesOf({ identify: IDENTIFY, personalQr: { phoneForm: 'exchange' } })).toEqual([
      expect.objectContaining({ field: 'personalQr.phoneForm', code: 'phoneFormNeedsVipps', message: expect.stringContaining('"exchange" needs a vipps section') }),
    ]);
    expect(ConfigSchema.parse({ personalQr: { phoneForm: 'exchange' } }).personalQr.phoneForm).toBe('exchange');
    expect(ConfigSchema.parse({ identify: IDENTIFY, personalQr: { phoneForm: 'local' } }).personalQr.phoneForm).toBe('local');
  });
});

describe('records keyed by the file\'s text', () => {
  it('a catalogue PLU "__proto__" is an error naming it; "constructor" is an ordinary PLU', () => {
    expect(issuesOf(JSON.parse('{"catalog": {"__proto__": "Sneaky", "1001": "Whopper Jr."}}'))).toEqual([expect.objectContaining({ field: 'catalog.__proto__', code: 'reservedKey' })]);
    expect(ConfigSchema.parse(JSON.parse('{"catalog": {"constructor": "Builder Burger"}}')).catalog).toEqual({ constructor: 'Builder Burger' });
  });

  it('an OTLP header "__proto__" is an error, in the file and in KIOSK_OTLP_HEADERS; "constructor" is a header', () => {
    const otlp = (headers: string) => JSON.parse(`{"telemetry": {"otlp": {"url": "https://otel.example/v1/metrics", "headers": ${headers}}}}`) as unknown;
    expect(issuesOf(otlp('{"__proto__": "x"}'))).toEqual([expect.objectContaining({ field: 'telemetry.otlp.headers.__proto__', code: 'reservedKey' })]);
    expect(ConfigSchema.parse(otlp('{"constructor": "x"}')).telemetry?.otlp?.headers).toEqual({ constructor: 'x' });
    expect(parseHeaderList('__proto__=x')).toBeNull();
    expect(parseHeaderList('constructor=x,Authorization=Bearer%20abc')).toEqual({ constructor: 'x', Authorization: 'Bearer abc' });
    expect(Object.hasOwn(parseHeaderList('constructor=x') ?? {}, 'constructor')).toBe(true);
  });
});

describe('the Vipps part', () => {
  const quiet = { info() {}, warn() {}, error() {} };
  const SOURCE = { kind: 'file' as const, path: '/nowhere/kiosk.json', staffPath: '/nowhere/staff.json' };

  async function vippsPart(raw: Record<string, unknown>, log: Logger = quiet) {
    const holder = new ConfigHolder(quiet);
    const config = () => holder.current();
    const counted: string[] = [];
    const metrics = { checkIn: (result: string) => void counted.push(result) } as unknown as KioskMetrics;
    const backEnd = createBackEnd({ config, log: quiet });
    const vipps = createVipps({ config, backEnd, product: { name: 'Counter Loyalty Kiosk', version: '0' }, metrics, log });
    holder.use([backEnd, vipps]);
    await holder.reload(async (): Promise<ConfigResult> => ({ ok: true, config: ConfigSchema.parse(raw), source: SOURCE }));
    return {
      vipps,
      counted,
      stop: async () => {
        await vipps.stop?.();
        await backEnd.stop?.();
      },
    };
  }

  it.each<[string, Record<string, unknown>, string]>([
    ['with a vipps section', { identify: IDENTIFY, vipps: VIPPS }, 'exchange'],
    ['on the sandbox (it plays Vipps)', {}, 'exchange'],
    ['with a back end and no Vipps', { identify: IDENTIFY }, 'refuse'],
    ['where the chain chose it', { identify: IDENTIFY, personalQr: { phoneForm: 'local' } }, 'local'],
    ['refused where the chain chose it, with Vipps', { identify: IDENTIFY, vipps: VIPPS, personalQr: { phoneForm: 'refuse' } }, 'refuse'],
  ])('phone-form codes %s: %s', async (_label, raw, policy) => {
    const { vipps, stop } = await vippsPart(raw);
    expect(vipps.phoneForm()).toBe(policy);
    await stop();
  });

  it('checks in a Norwegian number; skips, logs (country code only) and counts any other', async () => {
    const logged: Array<[string, Record<string, unknown> | undefined]> = [];
    const log = { ...quiet, info: (event: string, fields?: Record<string, unknown>) => void logged.push([event, fields]) };
    const { vipps, counted, stop } = await vippsPart({ identify: IDENTIFY, vipps: { ...VIPPS, baseUrl: 'http://127.0.0.1:9' } }, log);
    const client = vipps.client() as VippsClient;
    expect(vipps.checkIn(client, '4520304050', true)).toBe(false);
    expect(vipps.checkIn(client, '358401234567', false)).toBe(false);
    expect(counted).toEqual(['skipped', 'skipped']);
    expect(logged.filter(([event]) => event === 'vipps-check-in-skipped').map(([, fields]) => fields?.countryCode)).toEqual(['45', '358']);
    expect(JSON.stringify(logged)).not.toMatch(/4520304050|358401234567/);
    expect(vipps.checkIn(client, '4712345678', true)).toBe(true);
    await stop();
  });
});

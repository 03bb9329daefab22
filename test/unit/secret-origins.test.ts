/**
 * A secret belongs to the origin it was set for (issue 20, "the staff PIN hands the chain's
 * credentials to any address"): loading the layers, a staff save, and the form's "Test
 * connection" target, with the provisioning file, the environment and staff-stored secrets.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KioskConfig, KioskConfigInput } from '../../electron/core/config/config-schema';
import { loadConfig, type ConfigResult, type ConfigSource } from '../../electron/core/config/load-config';
import { originOf, sealSecret, unsealSecret } from '../../electron/core/config/secret-origins';
import { hashPin } from '../../electron/core/staff/pin-hash';
import { StaffService } from '../../electron/core/staff/staff-service';
import { fakeSecretStore } from '../helpers/fake-secret-store';

const A = 'https://loyalty-a.example.com';
const B = 'https://attacker-b.example.net';
const FILE_TOKEN = 'file-token-A1';
const ENV_TOKEN = 'env-token-A2';
const PIN = '135790';

let pinHash = '';
let root = '';
let userData = '';
let provisioningFile = '';
let staffFile = '';

beforeAll(async () => {
  pinHash = await hashPin(PIN, { N: 1024, r: 8, p: 1 });
});

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-secret-origins-'));
  userData = path.join(root, 'user-data');
  fs.mkdirSync(userData);
  provisioningFile = path.join(root, 'provisioning.json');
  staffFile = path.join(userData, 'staff-settings.json');
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

function write(file: string, content: unknown): void {
  fs.writeFileSync(file, JSON.stringify(content));
}

async function load(provisioning: unknown, staff?: unknown, env: NodeJS.ProcessEnv = {}): Promise<ConfigResult> {
  write(provisioningFile, provisioning);
  if (staff !== undefined) write(staffFile, staff);
  return loadConfig({ ...env, KIOSK_CONFIG: provisioningFile }, userData, { secrets: fakeSecretStore });
}

const sealed = (origin: string, secret: string) => fakeSecretStore.encrypt(sealSecret(origin, secret));

function configOf(result: ConfigResult): KioskConfig {
  if (!result.ok) throw new Error(`expected a valid configuration, got: ${result.error}`);
  return result.config;
}

function issuesOf(result: ConfigResult) {
  if (result.ok) throw new Error('expected an invalid configuration');
  return result.issues ?? [];
}

describe('origins', () => {
  it('are scheme, host and port: a path, the host’s case and a default port do not change them', () => {
    expect(originOf('https://Loyalty.Example.com/api/v2')).toBe('https://loyalty.example.com');
    expect(originOf('https://loyalty.example.com:443/x')).toBe('https://loyalty.example.com');
    expect(originOf('http://127.0.0.1:8001')).not.toBe(originOf('http://127.0.0.1:8002'));
    expect(originOf('http://loyalty.example.com')).not.toBe(originOf('https://loyalty.example.com'));
    expect(originOf('https://loyalty.example.com.evil.example')).not.toBe(originOf('https://loyalty.example.com'));
    expect([originOf('ftp://x'), originOf('not a url'), originOf(null), originOf(42)]).toEqual([null, null, null, null]);
  });

  it('are sealed inside the staff secret; one saved before origins were kept has none', () => {
    expect(unsealSecret(sealSecret(A, 'tok'))).toEqual({ origin: A, secret: 'tok' });
    expect(unsealSecret('plain-old-token')).toEqual({ origin: null, secret: 'plain-old-token' });
    expect(unsealSecret('origin-bound-secret/1')).toEqual({ origin: null, secret: 'origin-bound-secret/1' });
  });
});

describe('loading: the file’s and the environment’s secrets go only to the file’s URL', () => {
  it('a staff-changed Identify URL on another origin does not get the file’s token: staff are asked for one', async () => {
    const issues = issuesOf(await load({ identify: { baseUrl: A, token: FILE_TOKEN } }, { settings: { 'identify.baseUrl': B } }));
    expect(issues).toEqual([{ field: 'identify.token', message: expect.stringContaining(`must be entered again for ${B}`), code: 'secretNewOrigin', params: { origin: B, belongsTo: A } }]);
  });

  it('a staff-changed URL on the same origin (another path) keeps the file’s token', async () => {
    const config = configOf(await load({ identify: { baseUrl: A, token: FILE_TOKEN } }, { settings: { 'identify.baseUrl': `${A}/v2` } }));
    expect(config.identify).toMatchObject({ baseUrl: `${A}/v2`, token: FILE_TOKEN });
  });

  it('a port is another origin: two loopback back ends do not share a token', async () => {
    const issues = issuesOf(await load({ identify: { baseUrl: 'http://127.0.0.1:8001', token: FILE_TOKEN } }, { settings: { 'identify.baseUrl': 'http://127.0.0.1:8002' } }));
    expect(issues.map((issue) => [issue.field, issue.code])).toEqual([['identify.token', 'secretNewOrigin']]);
  });

  it('the environment’s token goes with the file’s URL: not to a staff-changed origin, nor to a URL only staff set', async () => {
    const env = { KIOSK_IDENTIFY_TOKEN: ENV_TOKEN };
    expect(configOf(await load({ identify: { baseUrl: A } }, undefined, env)).identify?.token).toBe(ENV_TOKEN);
    expect(configOf(await load({ identify: { baseUrl: A } }, { settings: { 'identify.baseUrl': `${A}/other` } }, env)).identify?.token).toBe(ENV_TOKEN);
    expect(issuesOf(await load({ identify: { baseUrl: A } }, { settings: { 'identify.baseUrl': B } }, env))).toEqual([expect.objectContaining({ field: 'identify.token', code: 'secretNewOrigin' })]);
    // No identify section in the file: a URL staff set gets nothing from the environment.
    expect(issuesOf(await load({ storeId: '1' }, { settings: { 'identify.baseUrl': B } }, env))).toEqual([expect.objectContaining({ field: 'identify.token', code: 'secretNewOrigin', params: { origin: B, belongsTo: '' } })]);
  });

  it('Vipps: a staff-changed API URL on another origin gets neither the client secret nor the subscription key', async () => {
    const vipps = { baseUrl: 'https://api.vipps.no', clientId: '3fa85f64-5717-4562-b3fc-2c963f66afa6', merchantSerialNumber: '123456', clientSecret: 'vs', subscriptionKey: 'vk' };
    const issues = issuesOf(await load({ vipps }, { settings: { 'vipps.baseUrl': B } }, { KIOSK_VIPPS_SUBSCRIPTION_KEY: 'env-key' }));
    expect(issues.map((issue) => [issue.field, issue.code])).toEqual([
      ['vipps.clientSecret', 'secretNewOrigin'],
      ['vipps.subscriptionKey', 'secretNewOrigin'],
    ]);
  });

  it('a file that sets URL and secret together is unaffected, whatever it changes to', async () => {
    expect(configOf(await load({ identify: { baseUrl: A, token: FILE_TOKEN } })).identify).toMatchObject({ baseUrl: A, token: FILE_TOKEN });
    expect(configOf(await load({ identify: { baseUrl: B, token: 'file-token-B' } })).identify).toMatchObject({ baseUrl: B, token: 'file-token-B' });
  });

  it('a locked URL cannot be moved, so its secrets stay', async () => {
    const config = configOf(await load({ identify: { baseUrl: A, token: FILE_TOKEN }, locked: ['identify.baseUrl'] }, { settings: { 'identify.baseUrl': B } }));
    expect(config.identify).toMatchObject({ baseUrl: A, token: FILE_TOKEN });
  });
});

describe('loading: a staff secret goes only to the origin it was sealed with', () => {
  it('applies to its own origin, over the file’s', async () => {
    const config = configOf(await load({ identify: { baseUrl: A, token: FILE_TOKEN } }, { settings: { 'identify.baseUrl': B }, secrets: { 'identify.token': sealed(B, 'staff-token-B') } }));
    expect(config.identify).toMatchObject({ baseUrl: B, token: 'staff-token-B' });
  });

  it('is withheld when the URL in force moved (the provisioning file changed it): the file’s own token applies', async () => {
    const config = configOf(await load({ identify: { baseUrl: A, token: FILE_TOKEN } }, { secrets: { 'identify.token': sealed(B, 'staff-token-B') } }));
    expect(config.identify?.token).toBe(FILE_TOKEN);
  });

  it('an edited staff file cannot rebind it: the URL changed by hand to another origin gets nothing', async () => {
    const issues = issuesOf(await load({ storeId: '1' }, { settings: { 'identify.baseUrl': B }, secrets: { 'identify.token': sealed(A, 'staff-token-A') } }));
    expect(issues).toEqual([expect.objectContaining({ field: 'identify.token', code: 'secretNewOrigin', params: { origin: B, belongsTo: A } })]);
  });

  it('one saved before origins were kept goes to the URL in force, as before', async () => {
    const config = configOf(await load({ identify: { baseUrl: A } }, { secrets: { 'identify.token': fakeSecretStore.encrypt('legacy-token') } }));
    expect(config.identify?.token).toBe('legacy-token');
  });
});

/** A StaffService over the provisioning file, as the core runs it (reload = loadConfig). */
async function staffOn(provisioning: KioskConfigInput, env: NodeJS.ProcessEnv = {}, staffLayer?: unknown) {
  write(provisioningFile, { ...provisioning, staff: { pinHash } });
  if (staffLayer !== undefined) write(staffFile, staffLayer);
  const fullEnv = { ...env, KIOSK_CONFIG: provisioningFile };
  let config: KioskConfig | null = null;
  let source: ConfigSource | null = null;
  const reload = vi.fn(async () => {
    const result = await loadConfig(fullEnv, userData, { secrets: fakeSecretStore });
    if (!result.ok) throw new Error(result.error);
    ({ config, source } = result);
  });
  await reload();
  reload.mockClear();
  const warnings: Array<[string, Record<string, unknown>]> = [];
  const service = new StaffService({
    config: () => config as unknown as KioskConfig,
    source: () => source as unknown as ConfigSource,
    env: fullEnv,
    userDataDir: userData,
    secrets: fakeSecretStore,
    reload,
    cameras: () => [],
    serialPorts: async () => [],
    log: { info() {}, error() {}, warn: (event, fields = {}) => void warnings.push([event, fields]) },
  });
  expect(await service.unlock(PIN)).toEqual({ ok: true });
  return { service, reload, warnings, config: () => config as unknown as KioskConfig };
}

const staffJson = () => JSON.parse(fs.readFileSync(staffFile, 'utf8')) as { settings: Record<string, unknown>; secrets: Record<string, string> };

describe('saving in staff mode', () => {
  it('a new Identify URL on another origin without its token is refused, naming the token; nothing is written or applied', async () => {
    const { service, reload, config } = await staffOn({ identify: { baseUrl: A, token: FILE_TOKEN } });
    const result = await service.save({ values: { 'identify.baseUrl': B }, secrets: {} });
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ field: 'identify.token', code: 'secretNewOrigin', params: { origin: B, belongsTo: A } })] });
    expect(fs.existsSync(staffFile)).toBe(false);
    expect(reload).not.toHaveBeenCalled();
    expect(config().identify).toMatchObject({ baseUrl: A, token: FILE_TOKEN });
  });

  it('with the token entered again it is saved, sealed for the new origin, and only that token goes there', async () => {
    const { service, config } = await staffOn({ identify: { baseUrl: A, token: FILE_TOKEN } });
    expect(await service.save({ values: { 'identify.baseUrl': B }, secrets: { 'identify.token': 'token-for-B' } })).toEqual({ ok: true });
    expect(config().identify).toMatchObject({ baseUrl: B, token: 'token-for-B' });
    expect(unsealSecret(fakeSecretStore.decrypt(staffJson().secrets['identify.token'] ?? ''))).toEqual({ origin: B, secret: 'token-for-B' });
  });

  it('moving back drops the other origin’s stored token (logged, without it), and the file’s token applies again', async () => {
    const { service, config, warnings } = await staffOn({ identify: { baseUrl: A, token: FILE_TOKEN } });
    await service.save({ values: { 'identify.baseUrl': B }, secrets: { 'identify.token': 'token-for-B' } });
    expect(await service.save({ values: { 'identify.baseUrl': '' }, secrets: {} })).toEqual({ ok: true });
    expect(staffJson()).toEqual({ settings: {}, secrets: {} });
    expect(config().identify).toMatchObject({ baseUrl: A, token: FILE_TOKEN });
    expect(warnings).toContainEqual(['staff-secret-dropped', { field: 'identify.token', from: B, to: A }]);
    expect(JSON.stringify(warnings)).not.toContain('token-for-B');
  });

  it('a token staff stored for A is not carried to B: the save is refused, and A keeps it', async () => {
    // Set once for A (the file has no token of its own).
    const { service, config } = await staffOn({ identify: { baseUrl: A } }, {}, { settings: {}, secrets: { 'identify.token': sealed(A, 'staff-token-A') } });
    const result = await service.save({ values: { 'identify.baseUrl': B }, secrets: {} });
    expect(result).toMatchObject({ ok: false, errors: [{ field: 'identify.token', code: 'secretNewOrigin' }] });
    expect(config().identify).toMatchObject({ baseUrl: A, token: 'staff-token-A' });
    expect(unsealSecret(fakeSecretStore.decrypt(staffJson().secrets['identify.token'] ?? '')).origin).toBe(A);
  });

  it('a token saved before origins were kept is sealed for the URL in force at the next save, and dropped by a move', async () => {
    const { service } = await staffOn({ identify: { baseUrl: A } }, {}, { settings: {}, secrets: { 'identify.token': fakeSecretStore.encrypt('legacy-token') } });
    expect(await service.save({ values: { terminalId: '7' }, secrets: {} })).toEqual({ ok: true });
    expect(unsealSecret(fakeSecretStore.decrypt(staffJson().secrets['identify.token'] ?? ''))).toEqual({ origin: A, secret: 'legacy-token' });
    expect(await service.save({ values: { 'identify.baseUrl': B }, secrets: {} })).toMatchObject({ ok: false, errors: [{ field: 'identify.token', code: 'secretNewOrigin' }] });
  });

  it('the environment supplies the token for the file’s URL (staff cannot type over it), but for another origin staff enter their own', async () => {
    const { service, config } = await staffOn({ identify: { baseUrl: A } }, { KIOSK_IDENTIFY_TOKEN: ENV_TOKEN });
    expect((await service.settings()).secretsFromEnv).toEqual({ 'identify.token': 'KIOSK_IDENTIFY_TOKEN' });
    expect(await service.save({ values: {}, secrets: { 'identify.token': 'typed' } })).toMatchObject({ ok: false, errors: [{ code: 'secretFromEnv' }] });
    expect(await service.save({ values: { 'identify.baseUrl': B }, secrets: { 'identify.token': 'token-for-B' } })).toEqual({ ok: true });
    expect(config().identify).toMatchObject({ baseUrl: B, token: 'token-for-B' });
    expect((await service.settings()).secretsFromEnv).toEqual({});
  });

  it('a token typed with no URL for it is refused: it would belong to no address', async () => {
    const { service } = await staffOn({ storeId: '1' });
    expect(await service.save({ values: {}, secrets: { 'identify.token': 'orphan' } })).toMatchObject({ ok: false, errors: [{ field: 'identify.token', code: 'secretWithoutUrl' }] });
  });

  it('Vipps: a new API URL drops both stored secrets; entered again, both are sealed for it', async () => {
    const vipps = { baseUrl: 'https://api.vipps.no', clientId: '3fa85f64-5717-4562-b3fc-2c963f66afa6', merchantSerialNumber: '123456' };
    const { service, config } = await staffOn({ vipps }, {}, { settings: {}, secrets: { 'vipps.clientSecret': sealed('https://api.vipps.no', 's-A'), 'vipps.subscriptionKey': sealed('https://api.vipps.no', 'k-A') } });
    expect(config().vipps).toMatchObject({ clientSecret: 's-A', subscriptionKey: 'k-A' });
    const moved = await service.save({ values: { 'vipps.baseUrl': 'https://apitest.vipps.no' }, secrets: { 'vipps.clientSecret': 's-test' } });
    expect(moved).toMatchObject({ ok: false, errors: [{ field: 'vipps.subscriptionKey', code: 'secretNewOrigin' }] });
    expect(await service.save({ values: { 'vipps.baseUrl': 'https://apitest.vipps.no' }, secrets: { 'vipps.clientSecret': 's-test', 'vipps.subscriptionKey': 'k-test' } })).toEqual({ ok: true });
    expect(config().vipps).toMatchObject({ baseUrl: 'https://apitest.vipps.no', clientSecret: 's-test', subscriptionKey: 'k-test' });
  });

  it('the form learns which origins each secret is held for (no values)', async () => {
    const { service } = await staffOn({ identify: { baseUrl: A, token: FILE_TOKEN } });
    expect((await service.settings()).secretOrigins).toEqual({ 'identify.token': [A] });
    await service.save({ values: { 'identify.baseUrl': B }, secrets: { 'identify.token': 'token-for-B' } });
    const view = await service.settings();
    expect(view.secretOrigins).toEqual({ 'identify.token': [A, B] });
    expect(JSON.stringify(view)).not.toContain('token-for-B');
    expect(JSON.stringify(view)).not.toContain(FILE_TOKEN);
  });
});

describe('"Test connection" with the form’s values', () => {
  it('a URL on another origin, no token typed: nothing may be sent', async () => {
    const { service } = await staffOn({ identify: { baseUrl: A, token: FILE_TOKEN } });
    expect(await service.testTarget({ baseUrl: B })).toEqual({ ok: false, outcome: 'secretNeeded', detail: expect.stringContaining(B) });
  });

  it('a URL on another origin with a token typed for it: that token, there', async () => {
    const { service } = await staffOn({ identify: { baseUrl: A, token: FILE_TOKEN } });
    expect(await service.testTarget({ baseUrl: `${B}/loyalty`, token: 'typed-for-B' })).toEqual({ ok: true, identify: expect.objectContaining({ baseUrl: `${B}/loyalty`, token: 'typed-for-B' }) });
    expect(fs.existsSync(staffFile)).toBe(false); // a test saves nothing
  });

  it('the same origin keeps the token in force; an emptied URL tries the provisioning file’s', async () => {
    const { service } = await staffOn({ identify: { baseUrl: A, token: FILE_TOKEN } });
    expect(await service.testTarget({ baseUrl: `${A}/v3` })).toEqual({ ok: true, identify: expect.objectContaining({ baseUrl: `${A}/v3`, token: FILE_TOKEN }) });
    expect(await service.testTarget({ baseUrl: '' })).toEqual({ ok: true, identify: expect.objectContaining({ baseUrl: A, token: FILE_TOKEN }) });
  });

  it('a URL the configuration refuses is not tried', async () => {
    const { service } = await staffOn({ identify: { baseUrl: A, token: FILE_TOKEN } });
    expect(await service.testTarget({ baseUrl: 'http://example.com' })).toEqual({ ok: false, outcome: 'invalidSettings', detail: expect.stringContaining('identify.baseUrl') });
  });
});

/** StaffService on a temp user-data folder and a fake clock: PIN and lockout, the idle timeout, settings read and save. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeSecretStore } from '../helpers/fake-secret-store';
import type { KioskConfig, KioskConfigInput } from '../../electron/core/config/config-schema';
import { loadConfig, type ConfigSource } from '../../electron/core/config/load-config';
import { sealSecret, unsealSecret } from '../../electron/core/config/secret-origins';
import type { SecretStore } from '../../electron/core/config/secret-store';
import { hashPin } from '../../electron/core/staff/pin-hash';
import { STAFF_IDLE_MS, StaffService, type StaffDeps } from '../../electron/core/staff/staff-service';

const PIN = '246810';
const PROVISIONED_TOKEN = 'provisioned-token-Xq7';
const IDENTIFY = { baseUrl: 'https://loyalty.example.com', token: PROVISIONED_TOKEN };

const fakeStore = fakeSecretStore;
const UNAVAILABLE_REASON = 'No keyring is running here: set secrets in the config file or the environment.';
const unavailableStore: SecretStore = {
  status: () => ({ available: false, code: 'basicText', reason: UNAVAILABLE_REASON }),
  encrypt: () => {
    throw new Error('unavailable');
  },
  decrypt: () => {
    throw new Error('unavailable');
  },
};

let pinHash = '';
let root = '';
let userData = '';
let staffFile = '';

beforeAll(async () => {
  pinHash = await hashPin(PIN, { N: 1024, r: 8, p: 1 });
});

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-staff-service-'));
  userData = path.join(root, 'user-data');
  fs.mkdirSync(userData);
  staffFile = path.join(userData, 'staff-settings.json');
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

interface Setup {
  provisioning?: KioskConfigInput;
  secrets?: SecretStore;
  env?: NodeJS.ProcessEnv;
  serialPorts?: StaffDeps['serialPorts'];
}

/** A service over a provisioning file (KIOSK_CONFIG) and the live config as the core would hold it. */
async function start(setup: Setup = {}) {
  const provisioningFile = path.join(root, 'provisioning.json');
  fs.writeFileSync(provisioningFile, JSON.stringify(setup.provisioning ?? { storeId: '100', terminalId: '1', identify: IDENTIFY, staff: { pinHash }, locked: ['storeId'] }));
  const env: NodeJS.ProcessEnv = { ...setup.env, KIOSK_CONFIG: provisioningFile };
  const secrets = setup.secrets ?? fakeStore;
  let config: KioskConfig | null = null;
  let source: ConfigSource | null = null;
  const load = async () => {
    const result = await loadConfig(env, userData, { secrets });
    if (!result.ok) throw new Error(`the test's configuration is invalid: ${result.error}`);
    config = result.config;
    source = result.source;
  };
  await load();
  let now = 1_700_000_000_000;
  const reload = vi.fn(load);
  const service = new StaffService({
    config: () => config ?? fail('no config'),
    source: () => source ?? fail('no source'),
    env,
    userDataDir: userData,
    secrets,
    reload,
    cameras: () => [{ deviceId: 'cam-1', label: 'Front camera' }],
    serialPorts: setup.serialPorts ?? (async () => [{ path: '/dev/ttyACM0', label: 'Scanner Co. 0042' }]),
    now: () => now,
  });
  return {
    service,
    reload,
    env,
    config: () => config ?? fail('no config'),
    advance(ms: number) {
      now += ms;
    },
  };
}

function fail(message: string): never {
  throw new Error(message);
}

async function open(setup: Setup = {}) {
  const kiosk = await start(setup);
  expect(await kiosk.service.unlock(PIN)).toEqual({ ok: true });
  return kiosk;
}

function staffFileJson(): { settings: Record<string, unknown>; secrets: Record<string, string> } {
  return JSON.parse(fs.readFileSync(staffFile, 'utf8')) as { settings: Record<string, unknown>; secrets: Record<string, string> };
}

describe('StaffService.unlock', () => {
  it('says noPin when the configuration has no PIN hash, and stays closed', async () => {
    const { service } = await start({ provisioning: { storeId: '100' } });
    expect(await service.unlock(PIN)).toEqual({ ok: false, reason: 'noPin' });
    expect(service.isOpen()).toBe(false);
    await expect(service.settings()).rejects.toThrow('Staff mode is closed');
  });

  it('opens on the right PIN', async () => {
    const { service } = await start();
    expect(service.isOpen()).toBe(false);
    expect(await service.unlock(PIN)).toEqual({ ok: true });
    expect(service.isOpen()).toBe(true);
  });

  it('counts wrong PINs down, locks on the fifth, and refuses even the right PIN while locked', async () => {
    const { service, advance } = await start();
    const results = [];
    for (let i = 0; i < 5; i += 1) results.push(await service.unlock('1111'));
    expect(results).toEqual([
      { ok: false, reason: 'wrongPin', attemptsLeft: 4 },
      { ok: false, reason: 'wrongPin', attemptsLeft: 3 },
      { ok: false, reason: 'wrongPin', attemptsLeft: 2 },
      { ok: false, reason: 'wrongPin', attemptsLeft: 1 },
      { ok: false, reason: 'locked', retryInSeconds: 300 },
    ]);
    expect(await service.unlock(PIN)).toEqual({ ok: false, reason: 'locked', retryInSeconds: 300 });
    expect(service.isOpen()).toBe(false);
    advance(299_999);
    expect(await service.unlock(PIN)).toEqual({ ok: false, reason: 'locked', retryInSeconds: 1 });
    advance(1);
    expect(await service.unlock(PIN)).toEqual({ ok: true });
  });

  it('resets the wrong-PIN count on the right PIN', async () => {
    const { service } = await start();
    for (let i = 0; i < 4; i += 1) await service.unlock('1111');
    expect(await service.unlock(PIN)).toEqual({ ok: true });
    expect(await service.unlock('1111')).toEqual({ ok: false, reason: 'wrongPin', attemptsLeft: 4 });
  });
});

describe('the staff session', () => {
  it('refuses settings() and save() while closed, and writes nothing', async () => {
    const { service, reload } = await start();
    await expect(service.settings()).rejects.toThrow('Staff mode is closed');
    await expect(service.save({ values: { terminalId: '9' }, secrets: {} })).rejects.toThrow('Staff mode is closed');
    expect(() => service.requireOpen()).toThrow('Staff mode is closed');
    expect(fs.existsSync(staffFile)).toBe(false);
    expect(reload).not.toHaveBeenCalled();
  });

  it(`closes ${STAFF_IDLE_MS / 1000} s after the last staff call; each call extends it`, async () => {
    expect(STAFF_IDLE_MS).toBe(60_000);
    const { service, advance } = await open();
    advance(59_999);
    await expect(service.settings()).resolves.toBeDefined();
    advance(59_999); // 119.998 s after unlock, 59.999 s after the last call
    await expect(service.settings()).resolves.toBeDefined();
    advance(60_000);
    expect(service.isOpen()).toBe(false);
    await expect(service.settings()).rejects.toThrow('Staff mode is closed');
  });

  it('closes exactly at 60 s without a call, and a refused call does not reopen it', async () => {
    const { service, advance } = await open();
    advance(60_000);
    await expect(service.settings()).rejects.toThrow('Staff mode is closed');
    advance(1);
    expect(service.isOpen()).toBe(false);
  });

  it('closes on close()', async () => {
    const { service } = await open();
    service.close();
    await expect(service.settings()).rejects.toThrow('Staff mode is closed');
  });
});

describe('StaffService.settings', () => {
  it('shows the values, which secrets are set, the locked paths and the devices, but no secret value', async () => {
    const { service } = await open({ env: { KIOSK_VIPPS_CLIENT_SECRET: 'env-vipps-secret-Zz9' } });
    const view = await service.settings();
    expect(view.values).toMatchObject({
      storeId: '100',
      terminalId: '1',
      hasLoyalty: true,
      idleResetSeconds: 15,
      locale: 'en',
      'identify.baseUrl': 'https://loyalty.example.com',
      'vipps.baseUrl': null,
      'vipps.loyaltyProgramName': null,
      'scanners.camera.deviceId': null,
      'scanners.serial.path': null,
    });
    expect(view.secretsSet).toEqual({ 'identify.token': true, 'vipps.clientSecret': false, 'vipps.subscriptionKey': false });
    expect(view.locked).toEqual(['storeId']);
    expect(view.secretStorage).toEqual({ available: true });
    expect(view.cameras).toEqual([{ deviceId: 'cam-1', label: 'Front camera' }]);
    expect(view.serialPorts).toEqual([{ path: '/dev/ttyACM0', label: 'Scanner Co. 0042' }]);
    const text = JSON.stringify(view);
    expect(text).not.toContain(PROVISIONED_TOKEN);
    expect(text).not.toContain(pinHash);
    expect(text).not.toContain('env-vipps-secret-Zz9');
  });

  it('counts a token from the environment as set, without showing it', async () => {
    const { service } = await open({ provisioning: { identify: { baseUrl: IDENTIFY.baseUrl }, staff: { pinHash } }, env: { KIOSK_IDENTIFY_TOKEN: 'env-token-Qw3' } });
    const view = await service.settings();
    expect(view.secretsSet['identify.token']).toBe(true);
    expect(view.secretsFromEnv).toEqual({ 'identify.token': 'KIOSK_IDENTIFY_TOKEN' });
    expect(JSON.stringify(view)).not.toContain('env-token-Qw3');
  });

  it('refuses a secret the environment supplies (it would be silently overridden), naming the variable, and writes nothing', async () => {
    const { service, reload } = await open({ provisioning: { identify: { baseUrl: IDENTIFY.baseUrl }, staff: { pinHash } }, env: { KIOSK_IDENTIFY_TOKEN: 'env-token-Qw3' } });
    const result = await service.save({ values: {}, secrets: { 'identify.token': 'typed-token' } });
    expect(result).toEqual({ ok: false, errors: [{ field: 'identify.token', message: expect.stringContaining('KIOSK_IDENTIFY_TOKEN'), code: 'secretFromEnv', params: { envName: 'KIOSK_IDENTIFY_TOKEN' } }] });
    expect(fs.existsSync(staffFile)).toBe(false);
    expect(reload).not.toHaveBeenCalled();
  });

  it('says why secrets cannot be stored, and lists no serial ports when listing them fails', async () => {
    const { service } = await open({
      secrets: unavailableStore,
      serialPorts: async () => {
        throw new Error('no serialport binding');
      },
    });
    const view = await service.settings();
    expect(view.secretStorage).toEqual({ available: false, code: 'basicText', reason: UNAVAILABLE_REASON });
    expect(view.serialPorts).toEqual([]);
  });
});

describe('StaffService.save', () => {
  it('writes a changed terminalId to staff-settings.json and reloads', async () => {
    const { service, reload, config } = await open();
    expect(await service.save({ values: { terminalId: '42' }, secrets: {} })).toEqual({ ok: true });
    expect(staffFileJson()).toEqual({ settings: { terminalId: '42' }, secrets: {} });
    expect(reload).toHaveBeenCalledTimes(1);
    expect(config().terminalId).toBe('42');
    expect(config().storeId).toBe('100');
  });

  it('keeps what staff saved before when saving another field', async () => {
    const { service } = await open();
    expect(await service.save({ values: { terminalId: '42' }, secrets: {} })).toEqual({ ok: true });
    expect(await service.save({ values: { locale: 'nb', idleResetSeconds: 30, hasLoyalty: false }, secrets: {} })).toEqual({ ok: true });
    expect(staffFileJson().settings).toEqual({ terminalId: '42', locale: 'nb', idleResetSeconds: 30, hasLoyalty: false });
  });

  it('extends the staff session', async () => {
    const { service, advance } = await open();
    advance(59_000);
    expect(await service.save({ values: { terminalId: '42' }, secrets: {} })).toEqual({ ok: true });
    advance(59_000);
    expect(service.isOpen()).toBe(true);
  });

  it.each<[string, Parameters<StaffService['save']>[0]['values'], string]>([
    ['idleResetSeconds 1', { idleResetSeconds: 1 }, 'idleResetSeconds'],
    ['plain http to another machine', { 'identify.baseUrl': 'http://example.com' }, 'identify.baseUrl'],
    ['a locale that is not a language tag', { locale: 'Norwegian' }, 'locale'],
    ['a number for terminalId', { terminalId: 7 }, 'terminalId'],
  ])('refuses %s, naming the field, and writes nothing', async (_label, values, field) => {
    const { service, reload } = await open();
    const result = await service.save({ values, secrets: {} });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.field)).toEqual([field]);
    expect(fs.existsSync(staffFile)).toBe(false);
    expect(reload).not.toHaveBeenCalled();
  });

  it('an emptied terminalId drops the staff change: the provisioning file\'s value applies again', async () => {
    const { service, config } = await open();
    expect(await service.save({ values: { terminalId: '42' }, secrets: {} })).toEqual({ ok: true });
    expect(config().terminalId).toBe('42');
    expect(await service.save({ values: { terminalId: '   ' }, secrets: {} })).toEqual({ ok: true });
    expect(staffFileJson().settings).toEqual({});
    expect(config().terminalId).toBe('1');
  });

  it('refuses an identify.baseUrl when no token is set anywhere, naming identify.token', async () => {
    const { service, reload } = await open({ provisioning: { staff: { pinHash } } });
    const result = await service.save({ values: { 'identify.baseUrl': 'https://loyalty.example.com' }, secrets: {} });
    expect(result).toEqual({ ok: false, errors: [{ field: 'identify.token', message: expect.stringContaining('missing'), code: 'missing', params: { envName: 'KIOSK_IDENTIFY_TOKEN' } }] });
    expect(fs.existsSync(staffFile)).toBe(false);
    expect(reload).not.toHaveBeenCalled();
  });

  it('names every bad field at once and leaves an existing staff file unchanged', async () => {
    const { service, reload } = await open();
    expect(await service.save({ values: { terminalId: '42' }, secrets: {} })).toEqual({ ok: true });
    const before = fs.readFileSync(staffFile, 'utf8');
    const result = await service.save({ values: { idleResetSeconds: 1, 'identify.baseUrl': 'http://example.com', locale: 'xx-' }, secrets: {} });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.field).sort()).toEqual(['identify.baseUrl', 'idleResetSeconds', 'locale']);
    expect(fs.readFileSync(staffFile, 'utf8')).toBe(before);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('refuses a path the provisioning file locks, saying it is locked, and writes nothing', async () => {
    const { service, reload } = await open();
    const result = await service.save({ values: { storeId: '555', terminalId: '42' }, secrets: {} });
    expect(result).toEqual({ ok: false, errors: [{ field: 'storeId', message: expect.stringContaining('locked'), code: 'locked' }] });
    expect(fs.existsSync(staffFile)).toBe(false);
    expect(reload).not.toHaveBeenCalled();
  });

  it('refuses a locked secret, saying it is locked', async () => {
    const { service } = await open({ provisioning: { identify: IDENTIFY, staff: { pinHash }, locked: ['identify.token'] } });
    const result = await service.save({ values: {}, secrets: { 'identify.token': 'staff-token-Lk1' } });
    expect(result).toEqual({ ok: false, errors: [{ field: 'identify.token', message: expect.stringContaining('locked'), code: 'locked' }] });
    expect(fs.existsSync(staffFile)).toBe(false);
  });

  it('refuses a secret when the store cannot encrypt, with its reason, and writes nothing', async () => {
    const { service, reload } = await open({ secrets: unavailableStore });
    const result = await service.save({ values: { terminalId: '42' }, secrets: { 'identify.token': 'staff-token-Un4' } });
    expect(result).toEqual({ ok: false, errors: [{ field: 'identify.token', message: UNAVAILABLE_REASON, code: 'secretStorage', params: { storage: 'basicText' } }] });
    expect(fs.existsSync(staffFile)).toBe(false);
    expect(reload).not.toHaveBeenCalled();
  });

  it('stores a secret as the store’s ciphertext, never in plain, and the next load decrypts it', async () => {
    const { service, env, config } = await open();
    const secret = 'staff-token-Pl41n';
    expect(await service.save({ values: {}, secrets: { 'identify.token': `  ${secret} ` } })).toEqual({ ok: true });
    const text = fs.readFileSync(staffFile, 'utf8');
    expect(text).not.toContain(secret);
    expect(staffFileJson()).toEqual({ settings: {}, secrets: { 'identify.token': expect.any(String) } });
    // Sealed with the origin it was entered for (secret-origins.ts).
    expect(unsealSecret(fakeStore.decrypt(staffFileJson().secrets['identify.token'] ?? ''))).toEqual({ origin: IDENTIFY.baseUrl, secret });
    expect(config().identify?.token).toBe(secret); // the reload

    const later = await loadConfig(env, userData, { secrets: fakeStore });
    expect(later.ok && later.config.identify?.token).toBe(secret);
    // Without a store (the web shell) the staff secret is not applied: the provisioned token stays.
    const withoutStore = await loadConfig(env, userData);
    expect(withoutStore.ok && withoutStore.config.identify?.token).toBe(PROVISIONED_TOKEN);
  });

  it('leaves a secret as it is when the request leaves it empty or out', async () => {
    const { service } = await open();
    expect(await service.save({ values: {}, secrets: { 'identify.token': 'staff-token-Ke3p' } })).toEqual({ ok: true });
    expect(await service.save({ values: { terminalId: '42' }, secrets: { 'identify.token': '' } })).toEqual({ ok: true });
    expect(staffFileJson().secrets).toEqual({ 'identify.token': fakeStore.encrypt(sealSecret(IDENTIFY.baseUrl, 'staff-token-Ke3p')) });
  });

  it('takes a secret and the section it needs in one save (Vipps from nothing)', async () => {
    const { service, config } = await open();
    const result = await service.save({
      values: { 'vipps.baseUrl': 'https://api.vipps.example', 'vipps.clientId': 'fb492b5e-7907-4d83-ba20-c7fb60ca35de', 'vipps.merchantSerialNumber': '123456' },
      secrets: { 'vipps.clientSecret': 'vipps-secret-Cs1', 'vipps.subscriptionKey': 'vipps-key-Sk1' },
    });
    expect(result).toEqual({ ok: true });
    expect(config().vipps).toMatchObject({ baseUrl: 'https://api.vipps.example', clientId: 'fb492b5e-7907-4d83-ba20-c7fb60ca35de', clientSecret: 'vipps-secret-Cs1', subscriptionKey: 'vipps-key-Sk1' });
    const text = fs.readFileSync(staffFile, 'utf8');
    expect(text).not.toContain('vipps-secret-Cs1');
    expect(text).not.toContain('vipps-key-Sk1');
  });

  it('"none" of an optional setting the provisioning file sets (serial port, camera, programme name) is kept over it', async () => {
    const vipps = { baseUrl: 'https://api.vipps.no', clientId: 'fb492b5e-7907-4d83-ba20-c7fb60ca35de', clientSecret: 's', subscriptionKey: 'k', merchantSerialNumber: '123456', loyaltyProgramName: 'Chain Club' };
    const provisioning = { identify: IDENTIFY, vipps, staff: { pinHash }, scanners: { camera: { deviceId: 'cam-provisioned' }, serial: { path: '/dev/ttyUSB9' } } };
    const { service, config } = await open({ provisioning });
    const cleared = { 'scanners.serial.path': '', 'scanners.camera.deviceId': null, 'vipps.loyaltyProgramName': ' ' };
    expect(await service.save({ values: cleared, secrets: {} })).toEqual({ ok: true });
    expect(staffFileJson().settings).toEqual({ 'scanners.serial.path': null, 'scanners.camera.deviceId': null, 'vipps.loyaltyProgramName': null });
    expect(config().scanners.serial.path).toBeNull();
    expect(config().scanners.camera.deviceId).toBeNull();
    expect(config().vipps?.loyaltyProgramName).toBeUndefined();
    // Choosing a port again replaces the "none".
    expect(await service.save({ values: { 'scanners.serial.path': '/dev/ttyACM0' }, secrets: {} })).toEqual({ ok: true });
    expect(config().scanners.serial.path).toBe('/dev/ttyACM0');
  });

  it('an emptied optional setting the provisioning file leaves unset records nothing (a later provisioning value applies)', async () => {
    const { service, config } = await open();
    expect(await service.save({ values: { 'scanners.serial.path': '/dev/ttyACM0' }, secrets: {} })).toEqual({ ok: true });
    expect(await service.save({ values: { 'scanners.serial.path': '' }, secrets: {} })).toEqual({ ok: true });
    expect(staffFileJson().settings).toEqual({});
    expect(config().scanners.serial.path).toBeNull();
  });

  it('an emptied Identify URL drops the staff change: the provisioning file\'s back end applies', async () => {
    const { service, config } = await open();
    expect(await service.save({ values: { 'identify.baseUrl': 'https://other.example.com' }, secrets: { 'identify.token': 'other-token-Ot9' } })).toEqual({ ok: true });
    expect(config().identify).toMatchObject({ baseUrl: 'https://other.example.com', token: 'other-token-Ot9' });
    expect(await service.save({ values: { 'identify.baseUrl': '' }, secrets: {} })).toEqual({ ok: true });
    expect(staffFileJson().settings).toEqual({});
    // Back on the provisioning file's origin, with its token; the other origin's token is dropped.
    expect(config().identify).toMatchObject({ baseUrl: IDENTIFY.baseUrl, token: PROVISIONED_TOKEN });
    expect(staffFileJson().secrets).toEqual({});
  });

  it('ignores fields the form does not offer (the PIN hash, the locked list), whatever the page sends', async () => {
    const { service, config } = await open();
    const values = { terminalId: '42', 'staff.pinHash': 'scrypt$1024$8$1$x$y', locked: [] } as unknown as Parameters<StaffService['save']>[0]['values'];
    const secrets = { 'staff.pinHash': 'x' } as unknown as Parameters<StaffService['save']>[0]['secrets'];
    expect(await service.save({ values, secrets })).toEqual({ ok: true });
    expect(staffFileJson()).toEqual({ settings: { terminalId: '42' }, secrets: {} });
    expect(config().staff.pinHash).toBe(pinHash);
    expect(config().locked).toEqual(['storeId']);
  });

  it('refuses to save over a staff file it cannot read (it would drop every earlier change), and leaves it as it is', async () => {
    const { service, reload } = await open();
    fs.writeFileSync(staffFile, '{ "settings": ');
    const result = await service.save({ values: { terminalId: '42' }, secrets: {} });
    expect(result).toEqual({ ok: false, errors: [{ field: '(staff settings)', message: expect.stringContaining('Fix or remove that file first') }] });
    expect(fs.readFileSync(staffFile, 'utf8')).toBe('{ "settings": ');
    expect(reload).not.toHaveBeenCalled();
  });

  it('runs two saves at once one after the other: both changes are kept', async () => {
    const { service, config } = await open();
    const [first, second] = await Promise.all([
      service.save({ values: { terminalId: '7' }, secrets: {} }),
      service.save({ values: { idleResetSeconds: 42 }, secrets: {} }),
    ]);
    expect([first, second]).toEqual([{ ok: true }, { ok: true }]);
    expect(staffFileJson().settings).toEqual({ terminalId: '7', idleResetSeconds: 42 });
    expect(config().terminalId).toBe('7');
  });

  it('writes atomically: a new file replaces the old (new inode), owner-only, no temp files left, content whole', async () => {
    const { service } = await open();
    expect(await service.save({ values: { terminalId: '42' }, secrets: {} })).toEqual({ ok: true });
    const first = fs.statSync(staffFile);
    expect(await service.save({ values: { terminalId: '43' }, secrets: { 'identify.token': 'staff-token-At0m' } })).toEqual({ ok: true });
    const second = fs.statSync(staffFile);
    // Written in place, the file would keep its inode; a temp file renamed over it has a new one.
    expect(second.ino).not.toBe(first.ino);
    if (process.platform !== 'win32') expect(second.mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(userData).sort()).toEqual(['staff-lockout.json', 'staff-settings.json']); // the PIN's count, and no temporary file
    expect(staffFileJson()).toEqual({ settings: { terminalId: '43' }, secrets: { 'identify.token': fakeStore.encrypt(sealSecret(IDENTIFY.baseUrl, 'staff-token-At0m')) } });
  });

  it('creates the user-data folder when it is missing', async () => {
    const { service } = await open();
    fs.rmSync(userData, { recursive: true });
    expect(await service.save({ values: { terminalId: '42' }, secrets: {} })).toEqual({ ok: true });
    expect(staffFileJson().settings).toEqual({ terminalId: '42' });
  });
});

/** Configuration layers: defaults < provisioning < staff < environment, locked paths, and the staff layer's errors. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeSecretStore } from '../helpers/fake-secret-store';
import { loadConfig, resolveConfigPath, type ConfigResult, type LoadOptions } from '../../electron/core/config/load-config';
import { NO_SECRET_STORE } from '../../electron/core/config/secret-store';
import type * as ProvisioningPath from '../../electron/core/config/provisioning-path';

/** The OS machine-wide path as load-config sees it: a temp path here, since /etc is not writable. */
const machineWide = vi.hoisted(() => ({ path: '' }));
vi.mock('../../electron/core/config/provisioning-path', async (importOriginal) => {
  const actual = await importOriginal<typeof ProvisioningPath>();
  return { ...actual, osProvisioningPath: () => machineWide.path };
});

const fakeStore = fakeSecretStore;

const IDENTIFY_URL = 'https://loyalty.example.com';

let dir = '';
let userData = '';
let provisioningFile = '';
let staffFile = '';

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-config-layers-'));
  userData = path.join(dir, 'user-data');
  fs.mkdirSync(userData);
  provisioningFile = path.join(dir, 'provisioning.json');
  staffFile = path.join(userData, 'staff-settings.json');
  machineWide.path = path.join(dir, 'machine-wide', 'config.json'); // absent unless a test writes it
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(file: string, content: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
}

/** Loads with a provisioning file (KIOSK_CONFIG) when given, a staff file when given, and the fake store. */
async function load(layers: { provisioning?: unknown; staff?: unknown; env?: NodeJS.ProcessEnv; options?: LoadOptions }): Promise<ConfigResult> {
  if (layers.provisioning !== undefined) write(provisioningFile, layers.provisioning);
  if (layers.staff !== undefined) write(staffFile, layers.staff);
  const env = { ...layers.env, ...(layers.provisioning !== undefined ? { KIOSK_CONFIG: provisioningFile } : {}) };
  return loadConfig(env, userData, { secrets: fakeStore, ...layers.options });
}

function configOf(result: ConfigResult) {
  if (!result.ok) throw new Error(`expected a valid configuration, got: ${result.error}`);
  return result.config;
}

function errorOf(result: ConfigResult): string {
  if (result.ok) throw new Error(`expected an invalid configuration, got ${JSON.stringify(result.config)}`);
  return result.error;
}

describe('precedence', () => {
  it('storeId: defaults < provisioning < staff', async () => {
    expect(configOf(await load({})).storeId).toBe('9999');
    expect(configOf(await load({ provisioning: { storeId: '100' } })).storeId).toBe('100');
    expect(configOf(await load({ provisioning: { storeId: '100' }, staff: { settings: { storeId: '200' } } })).storeId).toBe('200');
    fs.rmSync(provisioningFile);
    expect(configOf(await load({ staff: { settings: { storeId: '300' } } })).storeId).toBe('300'); // staff over defaults
  });

  it('leaves what the staff layer does not name to the lower layers', async () => {
    const config = configOf(await load({ provisioning: { storeId: '100', locale: 'nb' }, staff: { settings: { terminalId: '7' } } }));
    expect(config).toMatchObject({ storeId: '100', locale: 'nb', terminalId: '7', idleResetSeconds: 15 });
  });

  it('identify.token: provisioning < staff secret < environment', async () => {
    const provisioning = { identify: { baseUrl: IDENTIFY_URL, token: 'provisioning-token' } };
    const staff = { secrets: { 'identify.token': fakeStore.encrypt('staff-token') } };
    expect(configOf(await load({ provisioning })).identify?.token).toBe('provisioning-token');
    expect(configOf(await load({ provisioning, staff })).identify?.token).toBe('staff-token');
    expect(configOf(await load({ provisioning, staff, env: { KIOSK_IDENTIFY_TOKEN: 'env-token' } })).identify?.token).toBe('env-token');
    expect(configOf(await load({ provisioning, staff, env: { KIOSK_IDENTIFY_TOKEN: '   ' } })).identify?.token).toBe('staff-token');
  });

  it('Vipps secrets: staff over provisioning, the environment over both', async () => {
    const provisioning = {
      vipps: { baseUrl: 'https://api.vipps.example', clientId: 'fb492b5e-7907-4d83-ba20-c7fb60ca35de', merchantSerialNumber: '1234', clientSecret: 'p-secret', subscriptionKey: 'p-key' },
    };
    const staff = { secrets: { 'vipps.clientSecret': fakeStore.encrypt('s-secret'), 'vipps.subscriptionKey': fakeStore.encrypt('s-key') } };
    expect(configOf(await load({ provisioning, staff })).vipps).toMatchObject({ clientSecret: 's-secret', subscriptionKey: 's-key' });
    const env = { KIOSK_VIPPS_CLIENT_SECRET: 'e-secret', KIOSK_VIPPS_SUBSCRIPTION_KEY: 'e-key' };
    expect(configOf(await load({ provisioning, staff, env })).vipps).toMatchObject({ clientSecret: 'e-secret', subscriptionKey: 'e-key' });
  });

  it('does not apply staff secrets without a secret store (the web shell)', async () => {
    const result = await load({
      provisioning: { identify: { baseUrl: IDENTIFY_URL, token: 'provisioning-token' } },
      staff: { secrets: { 'identify.token': 'not-even-decryptable' } },
      options: { secrets: undefined },
    });
    expect(configOf(result).identify?.token).toBe('provisioning-token');
  });

  it('checks a staff layer passed in instead of the file (the save check), ignoring the file', async () => {
    const result = await load({ provisioning: { storeId: '100' }, staff: '{ broken', options: { staffLayer: { settings: { storeId: '400' }, secrets: {} } } });
    expect(configOf(result).storeId).toBe('400');
  });
});

describe('locked paths', () => {
  it('keep the provisioning value whatever the staff layer says', async () => {
    const result = await load({
      provisioning: { storeId: '100', identify: { baseUrl: IDENTIFY_URL, token: 'provisioning-token' }, locked: ['storeId', 'identify.token', 'identify.baseUrl'] },
      staff: { settings: { storeId: '200', terminalId: '7', 'identify.baseUrl': null }, secrets: { 'identify.token': fakeStore.encrypt('staff-token') } },
    });
    const config = configOf(result);
    expect(config.storeId).toBe('100');
    expect(config.terminalId).toBe('7'); // not locked
    expect(config.identify).toMatchObject({ baseUrl: IDENTIFY_URL, token: 'provisioning-token' });
    expect(config.locked).toEqual(['storeId', 'identify.token', 'identify.baseUrl']);
  });

  it('keep a value the provisioning file leaves to the default', async () => {
    const config = configOf(await load({ provisioning: { locked: ['idleResetSeconds'] }, staff: { settings: { idleResetSeconds: 60 } } }));
    expect(config.idleResetSeconds).toBe(15);
  });

  it('a locked field keeps its whole section: emptying the section\'s base URL does not remove it', async () => {
    const vipps = { baseUrl: 'https://api.vipps.no', clientId: 'fb492b5e-7907-4d83-ba20-c7fb60ca35de', clientSecret: 's', subscriptionKey: 'k', merchantSerialNumber: '123456' };
    const config = configOf(await load({ provisioning: { vipps, locked: ['vipps.merchantSerialNumber'] }, staff: { settings: { 'vipps.baseUrl': null } } }));
    expect(config.vipps?.merchantSerialNumber).toBe('123456');
  });

  it('do not stop the environment from supplying a locked secret', async () => {
    const result = await load({ provisioning: { identify: { baseUrl: IDENTIFY_URL, token: 'provisioning-token' }, locked: ['identify.token'] }, env: { KIOSK_IDENTIFY_TOKEN: 'env-token' } });
    expect(configOf(result).identify?.token).toBe('env-token');
  });

  it('must be lockable paths, named in the provisioning file’s error', async () => {
    const error = errorOf(await load({ provisioning: { locked: ['staff.pinHash'] } }));
    expect(error).toContain(provisioningFile);
    expect(error).toContain('locked.0');
  });
});

describe('null in the staff layer', () => {
  it('identify.baseUrl null removes identify: the sandbox', async () => {
    const config = configOf(await load({ provisioning: { identify: { baseUrl: IDENTIFY_URL, token: 't' } }, staff: { settings: { 'identify.baseUrl': null } } }));
    expect(config.identify).toBeUndefined();
  });

  it('vipps.baseUrl null removes vipps; vipps.loyaltyProgramName null unsets just that', async () => {
    const vipps = { baseUrl: 'https://api.vipps.example', clientId: 'fb492b5e-7907-4d83-ba20-c7fb60ca35de', merchantSerialNumber: '1234', clientSecret: 's', subscriptionKey: 'k', loyaltyProgramName: 'Club' };
    expect(configOf(await load({ provisioning: { vipps }, staff: { settings: { 'vipps.baseUrl': null } } })).vipps).toBeUndefined();
    const config = configOf(await load({ provisioning: { vipps }, staff: { settings: { 'vipps.loyaltyProgramName': null } } }));
    expect(config.vipps).toMatchObject({ clientId: 'fb492b5e-7907-4d83-ba20-c7fb60ca35de' });
    expect(config.vipps).not.toHaveProperty('loyaltyProgramName');
  });

  it('scanners.serial.path null turns the serial scanner off; a path in an absent section keeps its defaults', async () => {
    expect(configOf(await load({ provisioning: { scanners: { serial: { path: 'COM3' } } }, staff: { settings: { 'scanners.serial.path': null } } })).scanners.serial.path).toBeNull();
    const serial = configOf(await load({ staff: { settings: { 'scanners.serial.path': '/dev/ttyACM0' } } })).scanners.serial;
    expect(serial).toEqual({ path: '/dev/ttyACM0', baudRate: 9600, prefix: null, suffix: null });
  });
});

describe('errors name the file and the field', () => {
  it('an unknown provisioning field names the provisioning file', async () => {
    const error = errorOf(await load({ provisioning: { storeID: '100' } }));
    expect(error).toContain(provisioningFile);
    expect(error).toContain('storeID: unknown field');
  });

  it.each<[string, unknown, string]>([
    ['an unknown top-level key', { settings: {}, extra: 1 }, 'extra: unknown field'],
    ['an unknown settings key', { settings: { storeID: '1' } }, 'settings.storeID: unknown field'],
    ['a setting that is not editable (the PIN hash)', { settings: { 'staff.pinHash': 'x' } }, 'settings.staff.pinHash: unknown field'],
    ['settings as an array', { settings: [] }, 'settings:'],
    ['settings as a string', { settings: 'storeId=1' }, 'settings:'],
    ['a setting that is an object', { settings: { storeId: { value: '1' } } }, 'settings.storeId'],
    ['a setting that is an array', { settings: { terminalId: ['1'] } }, 'settings.terminalId'],
    ['a setting longer than 4096 characters', { settings: { storeId: 'x'.repeat(4097) } }, 'settings.storeId'],
    ['an unknown secrets key', { secrets: { 'identify.tokne': 'x' } }, 'secrets.identify.tokne: unknown field'],
    ['a secret that is not a string', { secrets: { 'identify.token': 5 } }, 'secrets.identify.token'],
    ['a null secret', { secrets: { 'vipps.clientSecret': null } }, 'secrets.vipps.clientSecret'],
    ['a secret longer than 16384 characters', { secrets: { 'identify.token': 'A'.repeat(16_385) } }, 'secrets.identify.token'],
    ['secrets as an array', { secrets: ['x'] }, 'secrets:'],
    ['a top-level array', [], '(top level)'],
    ['a top-level string', 'null-ish', 'not valid JSON'],
    ['text that is not JSON', '{ "settings": ', 'not valid JSON'],
  ])('a staff layer with %s names staff-settings.json and the key', async (_label, staff, expected) => {
    const result = await load({ provisioning: { storeId: '100' }, staff });
    const error = errorOf(result);
    expect(error).toContain(staffFile);
    expect(error).toContain(expected);
    expect(result.source).toMatchObject({ kind: 'file', path: provisioningFile, staffPath: staffFile });
  });

  it('a staff secret that cannot be decrypted names the field, never the ciphertext', async () => {
    const cipher = Buffer.from('copied-from-another-kiosk').toString('base64');
    const error = errorOf(await load({ provisioning: { identify: { baseUrl: IDENTIFY_URL, token: 't' } }, staff: { secrets: { 'identify.token': cipher } } }));
    expect(error).toContain(staffFile);
    expect(error).toContain('identify.token: cannot be decrypted');
    expect(error).not.toContain(cipher);
  });

  it('an undecryptable staff secret is not needed when the environment supplies that secret', async () => {
    const cipher = Buffer.from('copied-from-another-kiosk').toString('base64');
    const config = configOf(await load({ provisioning: { identify: { baseUrl: IDENTIFY_URL } }, staff: { secrets: { 'identify.token': cipher } }, env: { KIOSK_IDENTIFY_TOKEN: 'env-token' } }));
    expect(config.identify?.token).toBe('env-token');
  });

  it('an invalid configuration still hands over the provisioning file\'s PIN hash, so staff can get in', async () => {
    const pinHash = `scrypt$1024$8$1$${'A'.repeat(22)}==$${'B'.repeat(43)}=`;
    const cipher = Buffer.from('copied-from-another-kiosk').toString('base64');
    const result = await load({ provisioning: { identify: { baseUrl: IDENTIFY_URL }, staff: { pinHash } }, staff: { secrets: { 'identify.token': cipher } } });
    expect(result).toMatchObject({ ok: false, pinHash });
    const invalid = await load({ provisioning: { idleResetSeconds: 1, staff: { pinHash } } });
    expect(invalid).toMatchObject({ ok: false, pinHash });
  });

  it('a staff secret whose section is gone (staff emptied the URL) is not applied', async () => {
    const config = configOf(await load({ provisioning: {}, staff: { secrets: { 'identify.token': fakeStore.encrypt('staff-token') } } }));
    expect(config.identify).toBeUndefined(); // the sandbox, not a section holding only a token
  });

  it('the web shell (no secret store) leaves staff secrets alone instead of failing on them', async () => {
    const config = configOf(
      await load({ provisioning: { identify: { baseUrl: IDENTIFY_URL, token: 'file-token' } }, staff: { secrets: { 'identify.token': fakeStore.encrypt('staff-token') } }, options: { secrets: NO_SECRET_STORE } }),
    );
    expect(config.identify?.token).toBe('file-token');
  });

  it('a staff "none" for a section that is not there creates nothing', async () => {
    const config = configOf(await load({ provisioning: {}, staff: { settings: { 'vipps.loyaltyProgramName': null } } }));
    expect(config.vipps).toBeUndefined();
  });

  it('a staff change does not hide a malformed provisioning section', async () => {
    const error = errorOf(await load({ provisioning: { scanners: 'oops' }, staff: { settings: { 'scanners.serial.path': '/dev/ttyUSB0' } } }));
    expect(error).toContain('scanners');
  });

  it('a staff value the schema refuses names the field', async () => {
    const error = errorOf(await load({ provisioning: { storeId: '100' }, staff: { settings: { idleResetSeconds: 1 } } }));
    expect(error).toContain('idleResetSeconds');
  });

  // BUG (load-config.ts, validate/where): values from the staff layer are only shape-checked on
  // their own; the merged result's error says "Configuration in <provisioning file> is invalid"
  // (or "(defaults)"), so staff are sent to a file that is fine. Flip to `it` once fixed.
  it('a staff value the schema refuses names staff-settings.json, not the provisioning file', async () => {
    const error = errorOf(await load({ provisioning: { storeId: '100' }, staff: { settings: { idleResetSeconds: 1 } } }));
    expect(error).toContain(staffFile);
  });

  it('an empty staff file ({}) is no change', async () => {
    expect(configOf(await load({ provisioning: { storeId: '100' }, staff: {} })).storeId).toBe('100');
  });
});

describe('where the provisioning file is', () => {
  it('osProvisioningPath: ProgramData on Windows, /Library/Application Support on macOS, /etc elsewhere', async () => {
    const { osProvisioningPath } = await vi.importActual<typeof ProvisioningPath>('../../electron/core/config/provisioning-path');
    expect(osProvisioningPath('win32', { ProgramData: 'D:\\Data' })).toBe('D:\\Data\\Counter Loyalty Kiosk\\config.json');
    expect(osProvisioningPath('win32', {})).toBe('C:\\ProgramData\\Counter Loyalty Kiosk\\config.json');
    expect(osProvisioningPath('darwin', {})).toBe('/Library/Application Support/Counter Loyalty Kiosk/config.json');
    expect(osProvisioningPath('linux', {})).toBe('/etc/counter-loyalty-kiosk/config.json');
    expect(osProvisioningPath('freebsd', {})).toBe('/etc/counter-loyalty-kiosk/config.json');
  });

  it('resolveConfigPath: KIOSK_CONFIG (resolved), else the machine-wide file when it exists, else <userData>/config.json', () => {
    expect(resolveConfigPath({}, userData)).toEqual({ path: path.join(userData, 'config.json'), explicit: false });
    expect(resolveConfigPath({ KIOSK_CONFIG: '   ' }, userData)).toEqual({ path: path.join(userData, 'config.json'), explicit: false });
    expect(resolveConfigPath({ KIOSK_CONFIG: 'relative/kiosk.json' }, userData)).toEqual({ path: path.resolve('relative/kiosk.json'), explicit: true });
    write(machineWide.path, {});
    expect(resolveConfigPath({}, userData)).toEqual({ path: machineWide.path, explicit: false });
    expect(resolveConfigPath({ KIOSK_CONFIG: provisioningFile }, userData)).toEqual({ path: provisioningFile, explicit: true });
  });

  it('loadConfig reads the machine-wide file over <userData>/config.json, and KIOSK_CONFIG over both', async () => {
    write(path.join(userData, 'config.json'), { storeId: '1' });
    expect(configOf(await load({})).storeId).toBe('1');
    write(machineWide.path, { storeId: '2' });
    const result = await load({});
    expect(configOf(result).storeId).toBe('2');
    expect(result.source).toEqual({ kind: 'file', path: machineWide.path, staffPath: staffFile });
    expect(configOf(await load({ provisioning: { storeId: '3' } })).storeId).toBe('3');
  });

  it('runs on defaults when no file exists anywhere, with the staff layer still applied', async () => {
    const result = await load({ staff: { settings: { terminalId: '5' } } });
    expect(result.source).toEqual({ kind: 'defaults', path: path.join(userData, 'config.json'), staffPath: staffFile });
    expect(configOf(result)).toMatchObject({ storeId: '9999', terminalId: '5' });
  });
});

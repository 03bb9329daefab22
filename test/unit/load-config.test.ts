/** Loading and validating the configuration file: defaults, clear errors naming the field, never a secret. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../electron/core/config/config-schema';
import { formatIssues } from '../../electron/core/config/config-issues';
import { loadConfig, validate, type ConfigResult } from '../../electron/core/config/load-config';

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-config-test-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes `content` (an object as JSON, or raw text) and returns its path. */
function writeConfig(content: unknown, name = 'kiosk.json'): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

async function loadFile(content: unknown, env: NodeJS.ProcessEnv = {}): Promise<ConfigResult> {
  return loadConfig({ ...env, KIOSK_CONFIG: writeConfig(content) }, dir);
}

function errorOf(result: ConfigResult): string {
  if (result.ok) throw new Error(`expected an invalid configuration, got ${JSON.stringify(result.config)}`);
  return result.error;
}

function configOf(result: ConfigResult) {
  if (!result.ok) throw new Error(`expected a valid configuration, got: ${result.error}`);
  return result.config;
}

const IDENTIFY = { baseUrl: 'https://loyalty.example.com', token: 'file-token' };

describe('loadConfig', () => {
  it('runs on defaults (the sandbox) when KIOSK_CONFIG is unset and there is no config.json', async () => {
    const result = await loadConfig({}, dir);
    expect(result.source).toEqual({ kind: 'defaults', path: path.join(dir, 'config.json'), staffPath: path.join(dir, 'staff-settings.json') });
    const config = configOf(result);
    expect(config.storeId).toBe('9999');
    expect(config.terminalId).toBe('0');
    expect(config.hasLoyalty).toBe(true);
    expect(config.locale).toBe('en');
    expect(config.idleResetSeconds).toBe(15);
    expect(config.identify).toBeUndefined();
    expect(config.vipps).toBeUndefined();
    expect(config.catalog).toEqual({});
    expect(config.scanners.keyboard.enabled).toBe(true);
  });

  it('reads config.json from the user-data folder when KIOSK_CONFIG is unset', async () => {
    const file = writeConfig({ storeId: '4321' }, 'config.json');
    const result = await loadConfig({}, dir);
    expect(result.source).toEqual({ kind: 'file', path: file, staffPath: path.join(dir, 'staff-settings.json') });
    expect(configOf(result).storeId).toBe('4321');
  });

  it('prefers KIOSK_CONFIG over config.json', async () => {
    writeConfig({ storeId: '1111' }, 'config.json');
    const result = await loadFile({ storeId: '2222' });
    expect(configOf(result).storeId).toBe('2222');
  });

  it('refuses a KIOSK_CONFIG that names a missing file, naming the path', async () => {
    const missing = path.join(dir, 'nope', 'kiosk.json');
    const result = await loadConfig({ KIOSK_CONFIG: missing }, dir);
    expect(errorOf(result)).toContain(missing);
    expect(result.ok).toBe(false);
  });

  it('says plainly when the file is not valid JSON', async () => {
    const result = await loadFile('{"storeId": "1234",');
    const error = errorOf(result);
    expect(error).toContain('not valid JSON');
    expect(error).toContain(path.join(dir, 'kiosk.json'));
  });

  it('reads a full, valid file', async () => {
    const config = configOf(
      await loadFile({
        storeId: '1234',
        terminalId: '7',
        hasLoyalty: false,
        locale: 'nb',
        idleResetSeconds: 30,
        identify: { ...IDENTIFY, timeoutMs: 2000, content: true },
        catalog: { '1001': 'Whopper Jr.' },
      }),
    );
    expect(config).toMatchObject({
      storeId: '1234',
      terminalId: '7',
      hasLoyalty: false,
      locale: 'nb',
      idleResetSeconds: 30,
      identify: { baseUrl: 'https://loyalty.example.com', token: 'file-token', timeoutMs: 2000, content: true },
      catalog: { '1001': 'Whopper Jr.' },
    });
  });

  it('fills identify defaults (timeoutMs 5000, content false)', async () => {
    const config = configOf(await loadFile({ identify: IDENTIFY }));
    expect(config.identify).toEqual({ baseUrl: 'https://loyalty.example.com', token: 'file-token', timeoutMs: 5000, content: false });
  });

  describe('names the field that is wrong', () => {
    it.each<[string, unknown, string]>([
      ['a string for idleResetSeconds', { idleResetSeconds: 'soon' }, 'idleResetSeconds'],
      ['idleResetSeconds too small', { idleResetSeconds: 1 }, 'idleResetSeconds'],
      ['a too small identify.timeoutMs', { identify: { ...IDENTIFY, timeoutMs: 10 } }, 'identify.timeoutMs'],
      ['an unknown top-level field', { storeID: '1234' }, 'storeID: unknown field'],
      ['an unknown nested field', { identify: { ...IDENTIFY, tokne: 'x' } }, 'identify.tokne: unknown field'],
      ['an empty storeId', { storeId: '   ' }, 'storeId'],
      ['a bad locale', { locale: 'English' }, 'locale'],
      ['a non-http baseUrl', { identify: { ...IDENTIFY, baseUrl: 'ftp://x' } }, 'identify.baseUrl'],
      ['a baseUrl that is not a URL', { identify: { ...IDENTIFY, baseUrl: 'loyalty' } }, 'identify.baseUrl'],
      ['a boolean as a string', { hasLoyalty: 'yes' }, 'hasLoyalty'],
      ['a bad nested scanner setting', { scanners: { camera: { fps: 1000 } } }, 'scanners.camera.fps'],
      ['a top-level array', [], '(top level)'],
    ])('%s', async (_label, content, field) => {
      const error = errorOf(await loadFile(content));
      expect(error).toContain(field);
      expect(error).toContain(path.join(dir, 'kiosk.json'));
    });

    it('names every wrong field at once', async () => {
      const error = errorOf(await loadFile({ idleResetSeconds: 'soon', storeId: 5, storeID: 'x' }));
      expect(error).toContain('idleResetSeconds');
      expect(error).toContain('storeId');
      expect(error).toContain('storeID: unknown field');
    });
  });

  describe('the identify token', () => {
    it('is required with an identify section, and the error names identify.token and KIOSK_IDENTIFY_TOKEN', async () => {
      const error = errorOf(await loadFile({ identify: { baseUrl: 'https://loyalty.example.com' } }));
      expect(error).toContain('identify.token');
      expect(error).toContain('KIOSK_IDENTIFY_TOKEN');
    });

    it('may come from KIOSK_IDENTIFY_TOKEN', async () => {
      const config = configOf(await loadFile({ identify: { baseUrl: 'https://loyalty.example.com' } }, { KIOSK_IDENTIFY_TOKEN: 'env-token' }));
      expect(config.identify?.token).toBe('env-token');
    });

    it('from KIOSK_IDENTIFY_TOKEN wins over the file', async () => {
      const config = configOf(await loadFile({ identify: IDENTIFY }, { KIOSK_IDENTIFY_TOKEN: '  env-token  ' }));
      expect(config.identify?.token).toBe('env-token');
    });

    it('a blank KIOSK_IDENTIFY_TOKEN does not count', async () => {
      const error = errorOf(await loadFile({ identify: { baseUrl: 'https://loyalty.example.com' } }, { KIOSK_IDENTIFY_TOKEN: '   ' }));
      expect(error).toContain('identify.token');
    });

    it('is not needed without an identify section (the sandbox)', async () => {
      const config = configOf(await loadFile({ storeId: '1' }, { KIOSK_IDENTIFY_TOKEN: 'env-token' }));
      expect(config.identify).toBeUndefined();
    });
  });

  describe('the Vipps section', () => {
    const VIPPS = { baseUrl: 'https://api.vipps.no', clientId: 'fb492b5e-7907-4d83-ba20-c7fb60ca35de', merchantSerialNumber: '123456' };

    it('needs both secrets, naming each field and its environment variable', async () => {
      const error = errorOf(await loadFile({ vipps: VIPPS }));
      expect(error).toContain('vipps.clientSecret');
      expect(error).toContain('KIOSK_VIPPS_CLIENT_SECRET');
      expect(error).toContain('vipps.subscriptionKey');
      expect(error).toContain('KIOSK_VIPPS_SUBSCRIPTION_KEY');
    });

    it('takes the secrets from the environment, over the file', async () => {
      const config = configOf(
        await loadFile({ vipps: { ...VIPPS, clientSecret: 'file-secret' } }, { KIOSK_VIPPS_CLIENT_SECRET: ' env-secret ', KIOSK_VIPPS_SUBSCRIPTION_KEY: 'env-key' }),
      );
      expect(config.vipps).toMatchObject({ clientSecret: 'env-secret', subscriptionKey: 'env-key', timeoutMs: 5000 });
    });

    it('needs the client ID and merchant serial number from the portal', async () => {
      const error = errorOf(await loadFile({ vipps: { baseUrl: 'https://api.vipps.no', clientSecret: 'x', subscriptionKey: 'y' } }));
      expect(error).toContain('vipps.clientId');
      expect(error).toContain('vipps.merchantSerialNumber');
    });

    it('refuses secrets with line breaks, from the file or the environment, without quoting them', async () => {
      const fromFile = errorOf(await loadFile({ vipps: { ...VIPPS, clientSecret: 'half\nSECRET-REST', subscriptionKey: 'y' } }));
      expect(fromFile).toContain('vipps.clientSecret');
      expect(fromFile).not.toContain('SECRET-REST');
      const fromEnv = errorOf(await loadFile({ vipps: { ...VIPPS, subscriptionKey: 'y' } }, { KIOSK_VIPPS_CLIENT_SECRET: 'half\r\nSECRET-REST' }));
      expect(fromEnv).toContain('KIOSK_VIPPS_CLIENT_SECRET: must not contain control characters');
      expect(fromEnv).not.toContain('SECRET-REST');
      const token = errorOf(await loadFile({ identify: { baseUrl: 'https://loyalty.example.com' } }, { KIOSK_IDENTIFY_TOKEN: 'a\tSECRET-REST' }));
      expect(token).toContain('KIOSK_IDENTIFY_TOKEN');
      expect(token).not.toContain('SECRET-REST');
    });

    it('refuses plain http to another machine', async () => {
      const error = errorOf(await loadFile({ vipps: { ...VIPPS, baseUrl: 'http://api.vipps.no', clientSecret: 'x', subscriptionKey: 'y' } }));
      expect(error).toContain('vipps.baseUrl');
    });
  });

  describe('the hand-off section', () => {
    const SECRET = 'handoff-secret-0123456789';
    it('needs a secret of at least 16 characters to push, naming handoff.secret and KIOSK_HANDOFF_SECRET', async () => {
      expect(errorOf(await loadFile({ handoff: { url: 'https://till.example.com/ids' } }))).toContain('handoff.secret: missing (set it in the file or in KIOSK_HANDOFF_SECRET)');
      expect(errorOf(await loadFile({ handoff: { url: 'https://till.example.com/ids', secret: 'short' } }))).toContain('handoff.secret: must be at least 16 characters');
    });

    it('takes the secret and the feed token from the environment, over the file', async () => {
      const config = configOf(
        await loadFile({ handoff: { url: 'https://till.example.com/ids', secret: 'file-secret-0123456789', listen: { port: 7801 } } }, { KIOSK_HANDOFF_SECRET: SECRET, KIOSK_HANDOFF_TOKEN: 'env-token-0123456789abc' }),
      );
      expect(config.handoff).toMatchObject({ secret: SECRET, ttlSeconds: 900, maxPending: 200, listen: { host: '127.0.0.1', port: 7801, token: 'env-token-0123456789abc' } });
    });

    it('needs a token for the pull feed, and a port', async () => {
      expect(errorOf(await loadFile({ handoff: { listen: { port: 7801 } } }))).toContain('handoff.listen.token: missing');
      expect(errorOf(await loadFile({ handoff: { listen: { token: 'feed-token-0123456789' } } }))).toContain('handoff.listen.port');
    });

    it('refuses a till over plain http to another machine, and unknown fields', async () => {
      expect(errorOf(await loadFile({ handoff: { url: 'http://192.168.1.20/ids', secret: SECRET } }))).toContain('handoff.url: must be an https URL');
      expect(errorOf(await loadFile({ handoff: { url: null, retries: 3 } }))).toContain('handoff.retries: unknown field');
    });

    it('is fine with only the pull feed, and needs no secret for it', async () => {
      expect(configOf(await loadFile({ handoff: { listen: { port: 7801, token: 'feed-token-0123456789' } } })).handoff?.url).toBeNull();
    });
  });

  describe('never puts a secret value in the error', () => {
    const SECRET = 's3cr3t-value';

    it.each<[string, unknown]>([
      ['a number as identify.token', { identify: { baseUrl: 'https://loyalty.example.com', token: 12345 } }],
      ['an object as storeId', { storeId: { secret: SECRET } }],
      ['a secret as an array item', { terminalId: [SECRET] }],
      ['a secret in a bad locale', { locale: SECRET }],
      ['a secret in a bad baseUrl', { identify: { baseUrl: `ftp://user:${SECRET}@host`, token: 'x' } }],
      ['a secret in a wrong-typed vipps field', { vipps: { baseUrl: 'https://vipps.example.com', clientSecret: { value: SECRET } } }],
      ['a secret as an over-long token', { identify: { baseUrl: 'https://loyalty.example.com', token: SECRET.repeat(500) } }],
    ])('%s', async (_label, content) => {
      const error = errorOf(await loadFile(content));
      expect(error).not.toContain(SECRET);
      expect(error).not.toContain('12345');
    });

    it('not even when the file is not valid JSON around the secret', async () => {
      // Regression: V8's JSON.parse message quotes the text around the error, secret included.
      const error = errorOf(await loadFile(`{"identify": {"baseUrl": "https://loyalty.example.com", "token": ${SECRET}}}`));
      expect(error).toContain('not valid JSON');
      expect(error).not.toContain('s3cr3t');
    });
  });

  describe('identify.baseUrl', () => {
    it.each([
      ['https://loyalty.example.com/', 'https://loyalty.example.com'],
      ['https://loyalty.example.com///', 'https://loyalty.example.com'],
      ['https://loyalty.example.com/api/', 'https://loyalty.example.com/api'],
      ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ])('%s is normalised to %s', async (baseUrl, expected) => {
      const config = configOf(await loadFile({ identify: { ...IDENTIFY, baseUrl } }));
      expect(config.identify?.baseUrl).toBe(expected);
    });

    it('rejects ftp://x, naming identify.baseUrl', async () => {
      const error = errorOf(await loadFile({ identify: { ...IDENTIFY, baseUrl: 'ftp://x' } }));
      expect(error).toContain('identify.baseUrl');
    });
  });
});

describe('validate', () => {
  const source = { kind: 'file', path: '/etc/kiosk.json', staffPath: '/x/staff-settings.json' } as const;

  it('accepts {} with the defaults', () => {
    const result = validate({}, {}, source);
    expect(result.ok && result.config.storeId).toBe('9999');
    expect(result.source).toBe(source);
  });

  it('names the file in its error', () => {
    const result = validate({ idleResetSeconds: 'soon' }, {}, source);
    expect(errorOf(result)).toMatch(/^Configuration in \/etc\/kiosk\.json is invalid: .*idleResetSeconds/);
  });

  it('says (defaults) when there is no file', () => {
    const result = validate({ identify: { baseUrl: 'https://x.example' } }, {}, { kind: 'defaults', path: '/x/config.json', staffPath: '/x/staff-settings.json' });
    expect(errorOf(result)).toContain('(defaults)');
  });
});

describe('formatIssues', () => {
  it('lists field paths, then messages, joined by "; "', () => {
    const parsed = ConfigSchema.safeParse({ idleResetSeconds: 'soon', identify: { baseUrl: 'https://x.example', timeoutMs: 10 }, storeID: 1 });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const parts = formatIssues(parsed.error).split('; ');
    expect(parts).toHaveLength(3);
    expect(parts.some((part) => part.startsWith('idleResetSeconds: '))).toBe(true);
    expect(parts.some((part) => part.startsWith('identify.timeoutMs: '))).toBe(true);
    expect(parts).toContain('storeID: unknown field');
  });

  it('names each unknown key of a nested object with its path', () => {
    const parsed = ConfigSchema.safeParse({ scanners: { serial: { port: 'x', speed: 1 } } });
    if (parsed.success) throw new Error('expected a failure');
    expect(formatIssues(parsed.error)).toBe('scanners.serial.port: unknown field; scanners.serial.speed: unknown field');
  });
});

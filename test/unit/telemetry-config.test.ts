/**
 * The `telemetry` section: validated like the rest, its secrets also from the environment
 * (KIOSK_METRICS_TOKEN, KIOSK_OTLP_HEADERS as OpenTelemetry writes them), and never written to
 * the log once configured.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validate, type ConfigResult } from '../../electron/core/config/load-config';
import { parseHeaderList } from '../../electron/core/config/service-secrets';
import { startKioskCore, type KioskCore } from '../../electron/core/kiosk-core';
import { createLogger } from '../../electron/core/log/logger';
import { closedPort } from '../helpers/fake-identify-server';

const SOURCE = { kind: 'file' as const, path: '/etc/kiosk.json', staffPath: '/tmp/staff.json' };
const TOKEN = 'metrics-token-0123456789';
const problems = (result: ConfigResult) => (result.ok ? [] : (result.issues ?? []).map((issue) => `${issue.field}: ${issue.message}`));

let core: KioskCore | null = null;
let dir = '';
afterEach(async () => {
  await core?.stop();
  core = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('telemetry.prometheus', () => {
  it('listens on 127.0.0.1:9464 unless told otherwise, and needs a token of 16+ characters, from the file or KIOSK_METRICS_TOKEN', () => {
    const withToken = validate({ telemetry: { prometheus: { token: TOKEN } } }, {}, SOURCE);
    expect(withToken.ok && withToken.config.telemetry?.prometheus).toEqual({ host: '127.0.0.1', port: 9464, token: TOKEN });
    expect(problems(validate({ telemetry: { prometheus: {} } }, {}, SOURCE))).toEqual(['telemetry.prometheus.token: missing (set it in the file or in KIOSK_METRICS_TOKEN)']);
    expect(problems(validate({ telemetry: { prometheus: { token: 'short' } } }, {}, SOURCE))).toEqual(['telemetry.prometheus.token: must be at least 16 characters']);
    const fromEnv = validate({ telemetry: { prometheus: { port: 9100 } } }, { KIOSK_METRICS_TOKEN: TOKEN }, SOURCE);
    expect(fromEnv.ok && fromEnv.config.telemetry?.prometheus?.token).toBe(TOKEN);
    expect(problems(validate({ telemetry: { prometheus: { token: TOKEN, port: 70000, verbose: true } } }, {}, SOURCE))).toEqual([
      'telemetry.prometheus.port: Too big: expected number to be <=65535',
      'telemetry.prometheus.verbose: unknown field',
    ]);
  });
});

describe('telemetry.otlp', () => {
  it('pushes over https (or http to this machine), every 60 s unless told otherwise', () => {
    const result = validate({ telemetry: { otlp: { url: 'https://otel.example.com/v1/metrics' } } }, {}, SOURCE);
    expect(result.ok && result.config.telemetry?.otlp).toEqual({ url: 'https://otel.example.com/v1/metrics', headers: {}, intervalSeconds: 60, timeoutMs: 10_000 });
    expect(problems(validate({ telemetry: { otlp: { url: 'http://otel.example.com/v1/metrics' } } }, {}, SOURCE))).toEqual(['telemetry.otlp.url: must be an https URL (plain http only to this machine)']);
  });

  it('takes headers from the file and KIOSK_OTLP_HEADERS (which wins), and refuses a malformed list', () => {
    const env = { KIOSK_OTLP_HEADERS: 'Authorization=Bearer%20abc,X-Scope-OrgID=chain-7' };
    const result = validate({ telemetry: { otlp: { url: 'https://otel.example.com', headers: { Authorization: 'Bearer old', 'X-Team': 'kiosks' } } } }, env, SOURCE);
    expect(result.ok && result.config.telemetry?.otlp?.headers).toEqual({ Authorization: 'Bearer abc', 'X-Team': 'kiosks', 'X-Scope-OrgID': 'chain-7' });
    expect(problems(validate({ telemetry: { otlp: { url: 'https://otel.example.com' } } }, { KIOSK_OTLP_HEADERS: 'no equals sign' }, SOURCE))).toEqual([
      'KIOSK_OTLP_HEADERS: must be a list like "Authorization=Bearer abc,X-Scope-OrgID=chain"',
    ]);
    expect(parseHeaderList('A=1, B = two words ')).toEqual({ A: '1', B: 'two words' });
    expect(parseHeaderList('Bad Name=1')).toBeNull();
    expect(parseHeaderList('A=%0Aline')).toBeNull();
  });
});

describe('telemetry secrets', () => {
  it('never reach the log: the metrics token and every OTLP header value', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-telemetry-'));
    const file = path.join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ telemetry: { prometheus: { token: TOKEN, port: 1 }, otlp: { url: 'http://127.0.0.1:9/v1/metrics', headers: { 'X-Api-Key': 'otlp-key-0123456789', Authorization: 'Bearer letmein-kiosk' } } } }));
    const lines: string[] = [];
    core = await startKioskCore({ userDataDir: dir, env: { KIOSK_CONFIG: file }, logger: createLogger((line) => lines.push(line)) });
    // A library may quote a header's credential without its scheme.
    core.log.warn('probe', { message: `a library quoted ${TOKEN}, otlp-key-0123456789 and letmein-kiosk` });
    const written = lines.join('\n');
    expect(written).toContain('"event":"probe"');
    expect(written).not.toContain(TOKEN);
    expect(written).not.toContain('otlp-key-0123456789');
    expect(written).not.toContain('letmein-kiosk');
  });
});

describe('a kiosk that starts on an invalid file', () => {
  it('still serves its metrics from the file\'s own telemetry section: kiosk_config_valid 0, and which kiosk it is', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-telemetry-'));
    const file = path.join(dir, 'config.json');
    const port = await closedPort();
    const invalid = { storeId: '212', terminalId: '3', identify: { baseUrl: 'https://loyalty.example.com', token: 'x', timeoutMs: 'soon' }, telemetry: { prometheus: { port, token: TOKEN } } };
    writeFileSync(file, JSON.stringify(invalid));
    const lines: string[] = [];
    core = await startKioskCore({ userDataDir: dir, env: { KIOSK_CONFIG: file }, logger: createLogger((line) => lines.push(line)) });
    expect(core.session.view().screen).toBe('needsStaff');
    const scrape = async () => {
      const answer = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } }).catch(() => null);
      return answer?.ok ? answer.text() : '';
    };
    await expect.poll(scrape).toMatch(/^kiosk_config_valid 0$/m);
    expect(await scrape()).toMatch(/^kiosk_info\{version="[^"]+",store_id="212",terminal_id="3"\} 1$/m);
    expect(lines.join('\n')).not.toContain(TOKEN);

    // Fixed (the kiosk watches its file): the same endpoint says so.
    writeFileSync(file, JSON.stringify({ ...invalid, identify: { ...invalid.identify, timeoutMs: 3000 } }));
    await expect.poll(scrape, { timeout: 10_000 }).toMatch(/^kiosk_config_valid 1$/m);
  });

  it('an invalid telemetry section itself starts nothing', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-telemetry-'));
    const file = path.join(dir, 'config.json');
    const port = await closedPort();
    writeFileSync(file, JSON.stringify({ storeId: '212', telemetry: { prometheus: { port, token: 'short' } } }));
    core = await startKioskCore({ userDataDir: dir, env: { KIOSK_CONFIG: file }, logger: createLogger(() => {}) });
    expect(core.session.view().screen).toBe('needsStaff');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await fetch(`http://127.0.0.1:${port}/metrics`).then(() => 'answered', () => 'refused')).toBe('refused');
  });
});

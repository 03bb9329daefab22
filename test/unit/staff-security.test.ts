/**
 * Staff mode against the people who learn its PIN or guess at it, on the whole core with real
 * loopback back ends: a changed Identify URL never receives the old token (Test connection,
 * save, scan), and receives the one entered again for it; the lockout survives a restart; a PIN
 * shorter than new ones must be still opens, with a warning in health; every refusal is counted.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startKioskCore, type KioskCore } from '../../electron/core/kiosk-core';
import { createLogger } from '../../electron/core/log/logger';
import type { KioskMetrics } from '../../electron/core/metrics/kiosk-metrics';
import { hashPin } from '../../electron/core/staff/pin-hash';
import { fakeSecretStore } from '../helpers/fake-secret-store';
import { MEMBER_ANSWER, startFakeIdentify, type FakeIdentifyServer } from '../helpers/fake-identify-server';
import { legacyPinHash } from '../helpers/legacy-pin-hash';

const PIN = '864209';
const OLD_TOKEN = 'old-token-for-A-7Hq';
const quiet = { info() {}, warn() {}, error() {} };

let cores: KioskCore[] = [];
let servers: FakeIdentifyServer[] = [];
let dir = '';

afterEach(async () => {
  for (const core of cores) await core.stop();
  for (const server of servers) await server.close();
  cores = [];
  servers = [];
  rmSync(dir, { recursive: true, force: true });
});

async function server(): Promise<FakeIdentifyServer> {
  const started = await startFakeIdentify((identifier) => (identifier === 'kiosk-connection-test' ? { status: 404, json: { error: { code: 'UserNotFound' } } } : { status: 200, json: MEMBER_ANSWER }));
  servers.push(started);
  return started;
}

async function core(config: unknown, options: Partial<Parameters<typeof startKioskCore>[0]> = {}): Promise<KioskCore> {
  const file = path.join(dir, 'config.json');
  writeFileSync(file, JSON.stringify(config));
  const started = await startKioskCore({ userDataDir: dir, env: { KIOSK_CONFIG: file }, logger: quiet, secrets: fakeSecretStore, ...options });
  cores.push(started);
  return started;
}

/** Scans as a customer would: with staff mode closed (it ignores scans), then opens it again. */
async function scanAndWait(kiosk: KioskCore, code: string) {
  kiosk.staff.close();
  kiosk.session.done();
  kiosk.scan(code);
  await vi.waitFor(() => expect(['identifying', 'ready']).not.toContain(kiosk.session.view().screen), { timeout: 8000 });
  const view = kiosk.session.view();
  expect(await kiosk.staff.unlock(PIN)).toEqual({ ok: true });
  return view;
}

const bearers = (backEnd: FakeIdentifyServer) => backEnd.requests.map((request) => request.headers.authorization);

describe('a changed Identify URL never receives the old token', () => {
  it('Test connection, save and scan: B gets nothing until its own token is entered, then only that; A never sees it', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-staff-security-'));
    const a = await server();
    const b = await server();
    const kiosk = await core({ identify: { baseUrl: a.baseUrl, token: OLD_TOKEN }, staff: { pinHash: await hashPin(PIN, { N: 1024, r: 8, p: 1 }) } });
    expect(await kiosk.staff.unlock(PIN)).toEqual({ ok: true });

    // The form holds B's URL, no token typed: nothing is sent anywhere.
    expect(await kiosk.testConnection({ baseUrl: b.baseUrl })).toMatchObject({ outcome: 'secretNeeded', ms: 0 });
    // Saving it is refused, naming the token; the kiosk stays on A.
    expect(await kiosk.staff.save({ values: { 'identify.baseUrl': b.baseUrl }, secrets: {} })).toMatchObject({ ok: false, errors: [{ field: 'identify.token', code: 'secretNewOrigin' }] });
    expect(await kiosk.testConnection({ baseUrl: a.baseUrl })).toMatchObject({ outcome: 'reachable' });
    expect(await scanAndWait(kiosk, '123456')).toMatchObject({ screen: 'member' });
    expect(b.requests).toHaveLength(0);
    expect(bearers(a)).toEqual([`Bearer ${OLD_TOKEN}`, `Bearer ${OLD_TOKEN}`]);

    // Typed for B, tested before saving: B gets that token.
    expect(await kiosk.testConnection({ baseUrl: b.baseUrl, token: 'new-token-for-B-3Kd' })).toMatchObject({ outcome: 'reachable' });
    // Saved with it: the live back end is B, with B's token.
    expect(await kiosk.staff.save({ values: { 'identify.baseUrl': b.baseUrl }, secrets: { 'identify.token': 'new-token-for-B-3Kd' } })).toEqual({ ok: true });
    expect(await kiosk.testConnection()).toMatchObject({ outcome: 'reachable' });
    expect(await scanAndWait(kiosk, '234567')).toMatchObject({ screen: 'member' });
    expect(bearers(b)).toEqual(Array(3).fill('Bearer new-token-for-B-3Kd'));
    expect(bearers(a)).toEqual([`Bearer ${OLD_TOKEN}`, `Bearer ${OLD_TOKEN}`]);
  }, 60_000);

  it('the environment’s token stays with the provisioning file’s URL too', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-staff-security-'));
    const a = await server();
    const b = await server();
    const file = path.join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ identify: { baseUrl: a.baseUrl }, staff: { pinHash: await hashPin(PIN, { N: 1024, r: 8, p: 1 }) } }));
    const kiosk = await startKioskCore({ userDataDir: dir, env: { KIOSK_CONFIG: file, KIOSK_IDENTIFY_TOKEN: 'env-token-9Zx' }, logger: quiet, secrets: fakeSecretStore });
    cores.push(kiosk);
    expect(await kiosk.staff.unlock(PIN)).toEqual({ ok: true });
    expect(await kiosk.testConnection({ baseUrl: b.baseUrl })).toMatchObject({ outcome: 'secretNeeded' });
    expect(await kiosk.staff.save({ values: { 'identify.baseUrl': b.baseUrl }, secrets: {} })).toMatchObject({ ok: false });
    expect(await kiosk.testConnection({})).toMatchObject({ outcome: 'reachable' });
    expect(b.requests).toHaveLength(0);
    expect(bearers(a)).toEqual(['Bearer env-token-9Zx']);
  });
});

describe('the PIN lockout', () => {
  it('survives a restart: six wrong PINs, a new core on the same user data, and the right PIN is still refused', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-staff-security-'));
    const config = { staff: { pinHash: await hashPin(PIN, { N: 1024, r: 8, p: 1 }) } };
    const first = await core(config);
    const answers = [];
    for (let i = 0; i < 6; i += 1) answers.push(await first.staff.unlock('111111'));
    expect(answers.map((answer) => (answer.ok ? 'ok' : answer.reason))).toEqual(['wrongPin', 'wrongPin', 'wrongPin', 'wrongPin', 'locked', 'locked']);
    await first.stop();
    cores = [];

    const second = await core(config);
    expect(await second.staff.unlock(PIN)).toMatchObject({ ok: false, reason: 'locked' });
    expect(second.staff.isOpen()).toBe(false);
  });

  it('logs and counts every refusal: wrong PINs and tries while locked', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-staff-security-'));
    const lines: string[] = [];
    const kiosk = await core({ staff: { pinHash: await hashPin(PIN, { N: 1024, r: 8, p: 1 }) } }, { logger: createLogger((line) => lines.push(line)) });
    for (let i = 0; i < 7; i += 1) await kiosk.staff.unlock('000000');
    const events = lines.map((line) => (JSON.parse(line) as { event: string }).event);
    expect(events.filter((event) => event === 'staff-pin-wrong')).toHaveLength(5);
    expect(events.filter((event) => event === 'staff-locked')).toHaveLength(1);
    expect(lines.join('\n')).not.toContain('000000');
    // The core's metrics are the KioskMetrics the endpoint scrapes.
    const counted = new Map((await (kiosk.metrics as KioskMetrics).scrape()).split('\n').filter((line) => line.startsWith('kiosk_staff_pin_failures_total')).map((line) => [line.split(' ')[0], Number(line.split(' ')[1])]));
    expect(Object.fromEntries(counted)).toEqual({ 'kiosk_staff_pin_failures_total{reason="wrong"}': 5, 'kiosk_staff_pin_failures_total{reason="locked"}': 2 });
  });
});

describe('a PIN shorter than new PINs must be', () => {
  it('still opens staff mode, and health warns about it (logged too); a 6-digit PIN does not', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-staff-security-'));
    const lines: string[] = [];
    const kiosk = await core({ staff: { pinHash: legacyPinHash('2468') } }, { logger: createLogger((line) => lines.push(line)) });
    expect(await kiosk.staff.unlock('2468')).toEqual({ ok: true });
    expect(kiosk.health().staffPin).toEqual({ short: true, minimumDigits: 6 });
    expect(lines.some((line) => line.includes('"event":"staff-pin-short"'))).toBe(true);
    expect(lines.join('\n')).not.toContain('2468');
  });

  it('a 6-digit PIN gives no warning', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-staff-security-'));
    const kiosk = await core({ staff: { pinHash: await hashPin(PIN, { N: 1024, r: 8, p: 1 }) } });
    expect(await kiosk.staff.unlock(PIN)).toEqual({ ok: true });
    expect(kiosk.health().staffPin).toEqual({ short: false, minimumDigits: 6 });
  });
});

/**
 * The core as both shells start it: config from a file, live reloads switching between the
 * embedded sandbox and a real back end, and an invalid file turning into `needsStaff`.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startKioskCore, type KioskCore } from '../../electron/core/kiosk-core';
import { createLogger } from '../../electron/core/log/logger';
import { hashPin } from '../../electron/core/staff/pin-hash';
import { MEMBER_ANSWER, startFakeIdentify, type FakeAnswer, type FakeIdentifyServer } from '../helpers/fake-identify-server';

const quiet = { info() {}, warn() {}, error() {} };
let core: KioskCore | null = null;
let backEnd: FakeIdentifyServer | null = null;
let dir = '';

afterEach(async () => {
  await core?.stop();
  await backEnd?.close();
  core = null;
  backEnd = null;
  rmSync(dir, { recursive: true, force: true });
});

async function identifyAs(code: string) {
  if (!core) throw new Error('no core');
  core.session.done();
  core.scan(code);
  await vi.waitFor(() => expect(['identifying', 'ready']).not.toContain(core?.session.view().screen), { timeout: 8000 });
  return core.session.view();
}

describe('the kiosk core', () => {
  it('switches between the sandbox and a real back end as the config file changes, without a restart', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-core-'));
    const file = path.join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ storeId: '7' }));
    backEnd = await startFakeIdentify(() => ({ status: 200, json: { ...MEMBER_ANSWER, loyaltyUser: { ...MEMBER_ANSWER.loyaltyUser, name: 'Backend Person' } } }));
    core = await startKioskCore({ userDataDir: dir, env: { KIOSK_CONFIG: file }, logger: quiet });

    expect(await identifyAs('123456')).toMatchObject({ screen: 'member', member: { firstName: 'Farhan' } }); // sandbox

    writeFileSync(file, JSON.stringify({ storeId: '7', identify: { baseUrl: backEnd.baseUrl, token: 'tok' } }));
    // A new code per attempt: the same code again within 3 s would be a duplicate, ignored.
    let attempt = 0;
    await vi.waitFor(async () => expect(await identifyAs(String(300_000 + attempt++))).toMatchObject({ member: { firstName: 'Backend' } }), { timeout: 8000 });
    expect(backEnd.requests.at(-1)?.headers.authorization).toBe('Bearer tok');

    writeFileSync(file, '{ "storeId": ');
    await vi.waitFor(() => expect(core?.session.view()).toMatchObject({ screen: 'needsStaff', reason: 'config' }), { timeout: 8000 });

    writeFileSync(file, JSON.stringify({ storeId: '7' }));
    await vi.waitFor(() => expect(core?.session.view()).toEqual({ screen: 'ready' }), { timeout: 8000 });
    expect(await identifyAs('234567')).toMatchObject({ screen: 'member', member: { firstName: 'Ingrid' } }); // sandbox again
  });

  it('takes up a provisioning file that appears after start, in a folder that did not exist, and creates no folder itself', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-core-'));
    const folder = path.join(dir, 'etc', 'counter-loyalty-kiosk');
    const file = path.join(folder, 'config.json');
    core = await startKioskCore({ userDataDir: path.join(dir, 'user-data'), env: { KIOSK_CONFIG: file }, logger: quiet });
    expect(core.session.view()).toMatchObject({ screen: 'needsStaff', reason: 'config' }); // named but missing
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(existsSync(folder)).toBe(false);
    backEnd = await startFakeIdentify(() => ({ status: 200, json: MEMBER_ANSWER }));
    mkdirSync(folder, { recursive: true });
    writeFileSync(file, JSON.stringify({ storeId: '31', identify: { baseUrl: backEnd.baseUrl, token: 'tok' } }));
    await vi.waitFor(() => expect(core?.session.view()).toEqual({ screen: 'ready' }), { timeout: 8000 });
    expect(await identifyAs('123456')).toMatchObject({ screen: 'member' });
    expect(backEnd.requests.at(-1)?.body).toMatchObject({ location: { storeId: '31' } });
  });

  it('takes up a config.json that appears in the user-data folder after a start on defaults', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-core-'));
    const userData = path.join(dir, 'user-data');
    core = await startKioskCore({ userDataDir: userData, env: {}, logger: quiet });
    expect(core.configSource().kind).toBe('defaults');
    mkdirSync(userData, { recursive: true });
    writeFileSync(path.join(userData, 'config.json'), JSON.stringify({ storeId: '32' }));
    await vi.waitFor(() => expect(core?.configSource().kind).toBe('file'), { timeout: 8000 });
  });

  it('ignores camera text while the camera is disabled, and tells the capture page when that changes', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-core-'));
    const file = path.join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ scanners: { camera: { enabled: false } } }));
    core = await startKioskCore({ userDataDir: dir, env: { KIOSK_CONFIG: file }, logger: quiet });
    expect(core.cameraSettings()).toEqual({ enabled: false, deviceId: null, fps: 10, focusDistance: null });
    const seen: unknown[] = [];
    core.onCameraSettings((settings) => seen.push(settings));
    core.cameraScan('123456');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(core.session.view()).toEqual({ screen: 'ready' });

    writeFileSync(file, JSON.stringify({ scanners: { camera: { enabled: true, fps: 5 } } }));
    await vi.waitFor(() => expect(seen).toEqual([{ enabled: true, deviceId: null, fps: 5, focusDistance: null }]), { timeout: 8000 });
    core.cameraScan('123456');
    await vi.waitFor(() => expect(core?.session.view().screen).toBe('member'), { timeout: 8000 });
  });

  describe('Vipps check-in beside the screen', () => {
    const PHONE_CODE = 'https://qr.vipps.no/28/2/01/031/4712345678?v=1';

    async function startWithVipps(checkIn: () => FakeAnswer) {
      dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-core-'));
      const file = path.join(dir, 'config.json');
      // With a Vipps set-up even the phone form is exchanged (Vipps' QR API guide): the fake answers as Vipps would.
      backEnd = await startFakeIdentify(() => ({ status: 200, json: MEMBER_ANSWER }), { checkIn, exchange: () => ({ status: 200, json: { msisdn: '4712345678' } }) });
      const vipps = { baseUrl: backEnd.baseUrl, clientId: 'fb492b5e-7907-4d83-ba20-c7fb60ca35de', clientSecret: 'client-secret-1', subscriptionKey: 'sub-key-1', merchantSerialNumber: '1234', timeoutMs: 1000 };
      writeFileSync(file, JSON.stringify({ idleResetSeconds: 60, identify: { baseUrl: backEnd.baseUrl, token: 'tok' }, vipps }));
      const lines: string[] = [];
      core = await startKioskCore({ userDataDir: dir, env: { KIOSK_CONFIG: file }, logger: createLogger((line) => lines.push(line)) });
      return { lines, checkIns: () => backEnd?.requests.filter((request) => request.url === '/point-of-sale/v1/loyalty-check-in') ?? [] };
    }

    it('a check-in that never answers does not delay the member screen', async () => {
      const { checkIns } = await startWithVipps(() => ({ hang: true }));
      const view = await identifyAs(PHONE_CODE);
      expect(view).toMatchObject({ screen: 'member', member: { firstName: 'Farhan' } });
      await vi.waitFor(() => expect(checkIns()).toHaveLength(1));
    });

    it('a failing check-in is retried a bounded number of times, logged without the number, and leaves the screen alone', async () => {
      const { lines, checkIns } = await startWithVipps(() => ({ status: 503, json: {} }));
      const view = await identifyAs(PHONE_CODE);
      expect(view).toMatchObject({ screen: 'member' });
      const views: string[] = [];
      core?.session.subscribe((next) => views.push(next.screen));
      await vi.waitFor(() => expect(lines.some((line) => line.includes('vipps-check-in-failed'))).toBe(true), { timeout: 8000 });
      expect(checkIns()).toHaveLength(3);
      expect(core?.session.view().screen).toBe('member');
      expect(new Set(views)).toEqual(new Set(['member'])); // only countdown ticks of the same screen
      for (const secret of ['4712345678', 'client-secret-1', 'sub-key-1', 'fake-access-token']) {
        expect(lines.join('\n')).not.toContain(secret);
      }
    }, 12_000);
  });

  it('a keyboard-wedge burst thrown away is logged as scan-voided and counted in the staff health view', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-core-'));
    const file = path.join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ staff: { pinHash: await hashPin('246810', { N: 1024, r: 8, p: 1 }) } }));
    const lines: string[] = [];
    core = await startKioskCore({ userDataDir: dir, env: { KIOSK_CONFIG: file }, logger: createLogger((line) => lines.push(line)) });
    // A 6-digit burst stalled for 600 ms (longer than any stall it may survive), then Enter.
    const times = [0, 5, 10, 15, 615, 620, 625];
    [...'987654', 'Enter'].forEach((key, index) =>
      core?.keyInput({ key, code: key === 'Enter' ? 'Enter' : `Digit${key}`, shift: false, ctrl: false, alt: false, meta: false, time: 10_000 + (times[index] ?? 0) }),
    );
    expect(lines.filter((line) => line.includes('scan-voided')).map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ event: 'scan-voided', length: 6, reason: 'stalled too long', largestGapMs: 600 }),
    ]);
    expect(lines.join('\n')).not.toContain('987654');
    expect(await core.staff.unlock('246810')).toEqual({ ok: true });
    expect(core.health().counts).toMatchObject({ voided: 1, scans: 0 });
  });

  it('an invalid configuration at start still lets staff in with the provisioning file\'s PIN', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-core-'));
    const file = path.join(dir, 'config.json');
    const pinHash = await hashPin('246810', { N: 1024, r: 8, p: 1 });
    writeFileSync(file, JSON.stringify({ idleResetSeconds: 1, staff: { pinHash } }));
    core = await startKioskCore({ userDataDir: dir, env: { KIOSK_CONFIG: file }, logger: quiet });
    expect(core.session.view()).toMatchObject({ screen: 'needsStaff', reason: 'config' });
    expect(await core.staff.unlock('246810')).toEqual({ ok: true });
    expect(core.health().config.problem).toContain('idleResetSeconds');
  });

  it('writes its log to <user data>/logs/kiosk.log, with the configured secrets removed, and shows the last problems to staff', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-core-'));
    const file = path.join(dir, 'config.json');
    const pinHash = await hashPin('246810', { N: 1024, r: 8, p: 1 });
    backEnd = await startFakeIdentify(() => ({ status: 500, json: { error: 'boom' } }));
    writeFileSync(file, JSON.stringify({ identify: { baseUrl: backEnd.baseUrl, token: 'secret-token-Jk4' }, staff: { pinHash } }));
    const logDir = path.join(dir, 'logs');
    core = await startKioskCore({ userDataDir: dir, env: { KIOSK_CONFIG: file } });
    core.log.warn('probe', { message: 'a library quoted secret-token-Jk4 in its error' });
    writeFileSync(file, JSON.stringify({ idleResetSeconds: 1, staff: { pinHash } }));
    await vi.waitFor(() => expect(core?.session.view()).toMatchObject({ screen: 'needsStaff', reason: 'config' }), { timeout: 8000 });
    expect(await core.staff.unlock('246810')).toEqual({ ok: true });
    const health = core.health();
    expect(health.log.file).toBe(path.join(logDir, 'kiosk.log'));
    expect(health.log.recentProblems.map((problem) => problem.event)).toEqual(['probe', 'config-invalid']);
    expect(health.log.recentProblems[1]?.message).toContain('idleResetSeconds');
    const text = readFileSync(path.join(logDir, 'kiosk.log'), 'utf8');
    expect(text).toContain('"event":"config-loaded"');
    expect(text).toContain('"event":"config-invalid"');
    expect(text).not.toContain('secret-token-Jk4');
  });
});

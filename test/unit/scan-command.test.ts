/**
 * `npm run scan -- CODE` against a core as the shells start it: it finds the kiosk by its
 * user-data folder, the code takes a scanner's path, and only a kiosk on its sandbox (or with the
 * development flag) takes it.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startKioskCore, type KioskCore } from '../../electron/core/kiosk-core';
import { SCAN_COMMAND_FILE, type ScanCommandFile } from '../../electron/core/scan-command/scan-command-server';
import { userDataDir } from '../../electron/core/user-data';
import { MEMBER_ANSWER, startFakeIdentify, type FakeIdentifyServer } from '../helpers/fake-identify-server';

const root = path.resolve(import.meta.dirname, '../..');
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

async function startCore(config: unknown, env: NodeJS.ProcessEnv = {}): Promise<KioskCore> {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-scan-'));
  const file = path.join(dir, 'config.json');
  writeFileSync(file, JSON.stringify(config));
  core = await startKioskCore({ userDataDir: dir, env: { KIOSK_CONFIG: file, ...env }, logger: quiet });
  return core;
}

/** Runs the script as `npm run scan` does, with the kiosk's user data. */
async function runScan(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const tsx = path.join(root, 'node_modules/.bin/tsx');
  return new Promise((resolve) => {
    execFile(tsx, ['scripts/scan.ts', ...args], { cwd: root, env: { ...process.env, KIOSK_USER_DATA: dir } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** What the script sends, without the script's start-up time. */
async function post(code: string): Promise<unknown> {
  const { url, token } = endpoint();
  return (await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: code })).json();
}

function endpoint(): ScanCommandFile {
  return JSON.parse(readFileSync(path.join(dir, SCAN_COMMAND_FILE), 'utf8')) as ScanCommandFile;
}

describe('npm run scan', () => {
  it('scans into the kiosk on its sandbox as a scanner would, and prints the screen it led to', async () => {
    const kiosk = await startCore({ idleResetSeconds: 30 });
    const scanned = await runScan('123456');
    expect(scanned).toMatchObject({ code: 0, stdout: 'Scanned; the kiosk shows member\n' });
    expect(kiosk.session.view()).toMatchObject({ screen: 'member', member: { firstName: 'Farhan' } });

    // The same path as a scanner's: a Vipps URL is parsed and exchanged, anything else refused…
    expect(await post('https://qr.vipps.no/p/sandbox-ola')).toEqual({ screen: 'notMember' });
    expect(await post('not-a-code')).toEqual({ screen: 'codeProblem' });
    expect(kiosk.session.view()).toMatchObject({ screen: 'codeProblem', reason: 'notLoyaltyCode' });
    // …and the same code again within seconds is the same scan, as from a camera.
    expect(await post('not-a-code')).toEqual({ ignored: 'the same code was scanned a moment ago' });
    // While staff mode is open, scans are ignored (the scan gate's rule, as for every scanner).
    vi.spyOn(kiosk.staff, 'isOpen').mockReturnValue(true);
    expect(await post('234567')).toEqual({ ignored: 'staff mode is open' });
  }, 60_000);

  it('keeps its address in an owner-only file that only a token opens, and removes it on stop', async () => {
    await startCore({});
    const file = path.join(dir, SCAN_COMMAND_FILE);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o077).toBe(0);
    const { url, token } = endpoint();
    expect(new URL(url).hostname).toBe('127.0.0.1');
    expect((await fetch(url, { method: 'POST', body: '123456' })).status).toBe(401);
    expect((await fetch(url, { method: 'POST', headers: { authorization: 'Bearer wrong' }, body: '123456' })).status).toBe(401);
    expect((await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: 'x'.repeat(5000) })).status).toBe(413);
    expect(core?.session.view()).toEqual({ screen: 'ready' });
    await core?.stop();
    core = null;
    expect(existsSync(file)).toBe(false);
    expect(await runScan('123456')).toMatchObject({ code: 1, stderr: expect.stringContaining('No kiosk that takes scans from the command line') });
  }, 60_000);

  it('is refused by a kiosk on a real back end, unless a developer allows it', async () => {
    backEnd = await startFakeIdentify(() => ({ status: 200, json: MEMBER_ANSWER }));
    const config = { identify: { baseUrl: backEnd.baseUrl, token: 'tok' } };
    await startCore(config);
    expect(existsSync(path.join(dir, SCAN_COMMAND_FILE))).toBe(false);
    expect(await runScan('123456')).toMatchObject({ code: 1, stderr: expect.stringContaining('embedded sandbox') });
    expect(backEnd.requests).toHaveLength(0);
    await core?.stop();
    rmSync(dir, { recursive: true, force: true });

    await startCore(config, { KIOSK_ALLOW_SCAN_COMMAND: '1' });
    expect(await runScan('123456')).toMatchObject({ code: 0, stdout: 'Scanned; the kiosk shows member\n' });
    expect(backEnd.requests).toHaveLength(1);
  }, 60_000);

  it('closes when the configuration leaves the sandbox, and opens when it comes back', async () => {
    backEnd = await startFakeIdentify(() => ({ status: 200, json: MEMBER_ANSWER }));
    await startCore({});
    const file = path.join(dir, SCAN_COMMAND_FILE);
    expect(existsSync(file)).toBe(true);
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ identify: { baseUrl: backEnd.baseUrl, token: 'tok' } }));
    await vi.waitFor(() => expect(existsSync(file)).toBe(false), { timeout: 8000 });
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify({}));
    await vi.waitFor(() => expect(existsSync(file)).toBe(true), { timeout: 8000 });
  }, 60_000);
});

describe('the user-data folder', () => {
  it('is KIOSK_USER_DATA, else the folder Electron gives an app of this name on each OS', () => {
    expect(userDataDir({ KIOSK_USER_DATA: '/srv/kiosk' }, 'linux', '/home/k')).toBe('/srv/kiosk');
    expect(userDataDir({}, 'linux', '/home/k')).toBe('/home/k/.config/Counter Loyalty Kiosk');
    expect(userDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/k')).toBe('/xdg/Counter Loyalty Kiosk');
    expect(userDataDir({}, 'darwin', '/Users/k')).toBe('/Users/k/Library/Application Support/Counter Loyalty Kiosk');
    expect(userDataDir({ APPDATA: 'C:\\Users\\k\\AppData\\Roaming' }, 'win32', 'C:\\Users\\k')).toContain('Counter Loyalty Kiosk');
  });
});

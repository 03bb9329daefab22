/**
 * On Linux and macOS a provisioning file that someone besides root or the kiosk's user could
 * have written is refused: real files with real modes and owners, through loadConfig and the
 * whole core (needsStaff with the reason, in the log and staff health), and taken up once fixed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../electron/core/config/load-config';
import { readTrustedFile, untrustedReason, UntrustedFileError } from '../../electron/core/config/file-trust';
import { startKioskCore, type KioskCore } from '../../electron/core/kiosk-core';
import { createLogger } from '../../electron/core/log/logger';
import { hashPin } from '../../electron/core/staff/pin-hash';

const isRoot = process.getuid?.() === 0;
const OTHER_UID = 4242;
let dir = '';
let folder = '';
let file = '';
let core: KioskCore | null = null;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-file-trust-'));
  folder = path.join(dir, 'etc-counter-loyalty-kiosk');
  fs.mkdirSync(folder, { mode: 0o755 });
  fs.chmodSync(folder, 0o755);
  file = path.join(folder, 'config.json');
  fs.writeFileSync(file, JSON.stringify({ storeId: '212' }), { mode: 0o644 });
  fs.chmodSync(file, 0o644);
});

afterEach(async () => {
  await core?.stop();
  core = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

const load = () => loadConfig({ KIOSK_CONFIG: file }, path.join(dir, 'user-data'));

describe('untrustedReason (owner and mode bits)', () => {
  const me = 1000;
  const ok = { mode: 0o100644, uid: me };
  const dirOk = { mode: 0o040755, uid: 0 };
  it.each<[string, { mode: number; uid: number }, { mode: number; uid: number }, string | null]>([
    ['the kiosk user’s 0644 file in root’s folder', ok, dirOk, null],
    ['root’s 0600 file', { mode: 0o100600, uid: 0 }, dirOk, null],
    ['a 0664 file', { mode: 0o100664, uid: me }, dirOk, 'writable by its group (mode 0664)'],
    ['a 0646 file', { mode: 0o100646, uid: me }, dirOk, 'writable by everyone (mode 0646)'],
    ['a 0666 file', { mode: 0o100666, uid: 0 }, dirOk, 'writable by everyone'],
    ['another user’s file', { mode: 0o100644, uid: 1001 }, dirOk, 'owned by uid 1001, not by root or the kiosk\'s user (uid 1000)'],
    ['a file in a 0777 folder', ok, { mode: 0o040777, uid: 0 }, 'is writable by everyone (mode 0777), so the file could be replaced'],
    ['a file in a 0775 folder', ok, { mode: 0o040775, uid: me }, 'is writable by its group (mode 0775)'],
    ['a file in a sticky 1777 folder (/tmp)', ok, { mode: 0o041777, uid: 0 }, null],
    ['a file in another user’s folder', ok, { mode: 0o040755, uid: 1001 }, 'its folder /f is owned by uid 1001'],
  ])('%s', (_label, fileStat, folderStat, expected) => {
    const reason = untrustedReason(fileStat, folderStat, '/f', me);
    if (expected === null) expect(reason).toBeNull();
    else expect(reason).toContain(expected);
  });
});

describe('loadConfig refuses a provisioning file others could have written', () => {
  it('reads a 0644 file in a 0755 folder', async () => {
    expect(await load()).toMatchObject({ ok: true, config: { storeId: '212' } });
  });

  it.each<[string, () => void, string]>([
    ['group-writable', () => fs.chmodSync(file, 0o664), 'is writable by its group (mode 0664)'],
    ['world-writable', () => fs.chmodSync(file, 0o666), 'is writable by everyone (mode 0666)'],
    ['in a world-writable folder', () => fs.chmodSync(folder, 0o777), 'its folder'],
  ])('%s: refused, naming the file and why; its PIN hash is not used either', async (_label, spoil, why) => {
    const pinHash = await hashPin('135790', { N: 1024, r: 8, p: 1 });
    fs.writeFileSync(file, JSON.stringify({ storeId: '212', staff: { pinHash } }));
    spoil();
    const result = await load();
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining(`Configuration file ${file} is refused: `) });
    if (result.ok) return;
    expect(result.error).toContain(why);
    expect(result.pinHash).toBeUndefined(); // a planted file must not bring its own way into staff mode
  });

  it('a symlink to a world-writable file is judged by the file it points to', async () => {
    const target = path.join(dir, 'elsewhere.json');
    fs.writeFileSync(target, JSON.stringify({ storeId: '9' }));
    fs.chmodSync(target, 0o666);
    fs.rmSync(file);
    fs.symlinkSync(target, file);
    expect(await load()).toMatchObject({ ok: false, error: expect.stringContaining('writable by everyone') });
  });

  it.skipIf(!isRoot)(`a file owned by another user (uid ${OTHER_UID}) is refused`, async () => {
    fs.chownSync(file, OTHER_UID, OTHER_UID);
    expect(await load()).toMatchObject({ ok: false, error: expect.stringContaining(`owned by uid ${OTHER_UID}, not by root or the kiosk's user`) });
  });

  it.skipIf(!isRoot)(`a file in a folder owned by another user (uid ${OTHER_UID}) is refused`, async () => {
    fs.chownSync(folder, OTHER_UID, OTHER_UID);
    expect(await load()).toMatchObject({ ok: false, error: expect.stringContaining(`its folder ${folder} is owned by uid ${OTHER_UID}`) });
  });

  it('on Windows (no such mode bits) the file is read as it is', async () => {
    fs.chmodSync(file, 0o666);
    await expect(readTrustedFile(file, { platform: 'linux' })).rejects.toBeInstanceOf(UntrustedFileError);
    await expect(readTrustedFile(file, { platform: 'win32' })).resolves.toContain('212');
  });

  it('a missing file is still "no file" (the sandbox), not a refusal', async () => {
    await expect(readTrustedFile(path.join(folder, 'absent.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

if (!isRoot) console.log(`SKIP: the two ownership tests of provisioning-file-trust.test.ts need root (to chown a file to uid ${OTHER_UID}); the mode tests ran.`);

describe('the kiosk on a refused provisioning file', () => {
  it('shows needsStaff, logs the reason and shows it in staff health; fixed, it is taken up without a restart', async () => {
    const pinHash = await hashPin('135790', { N: 1024, r: 8, p: 1 });
    fs.writeFileSync(file, JSON.stringify({ storeId: '212', staff: { pinHash } }));
    const lines: string[] = [];
    core = await startKioskCore({ userDataDir: path.join(dir, 'user-data'), env: { KIOSK_CONFIG: file }, logger: createLogger((line) => lines.push(line)) });
    expect(core.config().storeId).toBe('212');
    expect(await core.staff.unlock('135790')).toEqual({ ok: true });
    core.staff.close();

    fs.chmodSync(file, 0o666);
    await vi.waitFor(() => expect(core?.session.view()).toMatchObject({ screen: 'needsStaff', reason: 'config' }), { timeout: 8000 });
    const logged = lines.map((line) => JSON.parse(line) as { event: string; message?: string }).find((line) => line.event === 'config-invalid');
    expect(logged?.message).toContain('is refused: it is writable by everyone (mode 0666)');
    // The PIN in force before still opens staff mode, where health says what is wrong.
    expect(await core.staff.unlock('135790')).toEqual({ ok: true });
    expect(core.health().config.problem).toContain('is refused: it is writable by everyone');

    fs.chmodSync(file, 0o644);
    await vi.waitFor(() => expect(core?.health().config.problem).toBeNull(), { timeout: 8000 });
    core.staff.close();
    core.session.done();
    expect(core.session.view()).toEqual({ screen: 'ready' });
  }, 60_000);
});

/**
 * Self-updates: the schedule (start, then daily at the quiet hour), installs only when the
 * kiosk is idle, failures that never reach the running kiosk, and electron-updater's own staged
 * rollout honoured, against a loopback update host (the real DebUpdater, with a test app
 * adapter in place of Electron's `app`).
 */
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http, { type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { configureRequestOptions, configureRequestUrl, HttpExecutor, type DownloadOptions } from 'builder-util-runtime';
import { DebUpdater, type AppUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleInstaller } from '../../electron/core/updates/idle-installer';
import { msUntilNextCheck } from '../../electron/core/updates/update-schedule';
import { selfUpdateSupport } from '../../electron/core/updates/update-support';
import { setupUpdater, type KioskUpdater } from '../../electron/main/updater';

const log = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });

describe('the update schedule', () => {
  it('is the next quiet hour today, else tomorrow, plus the fleet spread', () => {
    const at = (h: number, m = 0) => new Date(2026, 10, 30, h, m);
    expect(msUntilNextCheck(at(1), 3)).toBe(2 * 3_600_000);
    expect(msUntilNextCheck(at(4), 3)).toBe(23 * 3_600_000);
    expect(msUntilNextCheck(at(1), 3, 20 * 60_000)).toBe(2 * 3_600_000 + 20 * 60_000);
  });

  it('never checks twice in the quiet hour: a check just made there waits for tomorrow', () => {
    const justChecked = new Date(2026, 10, 30, 3, 40);
    expect(msUntilNextCheck(justChecked, 3, 50 * 60_000, 3_600_000)).toBe(24 * 3_600_000 + 10 * 60_000);
  });
});

describe('which installations update themselves', () => {
  it('Windows, macOS and Linux AppImages do; a Linux package (deb) does not: it would need root', () => {
    expect(selfUpdateSupport('win32', {})).toEqual({ ok: true });
    expect(selfUpdateSupport('darwin', {})).toEqual({ ok: true });
    expect(selfUpdateSupport('linux', { APPIMAGE: '/home/kiosk/Counter Loyalty Kiosk.AppImage' })).toEqual({ ok: true });
    expect(selfUpdateSupport('linux', {})).toEqual({ ok: false, reason: expect.stringContaining('package manager') });
  });
});

describe('IdleInstaller', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('installs only after the kiosk has been idle for the quiet period', () => {
    let idle = false;
    const install = vi.fn();
    const installer = new IdleInstaller({ isIdle: () => idle, install, quietMs: 60_000 });
    installer.updateDownloaded();
    vi.advanceTimersByTime(10 * 60_000);
    expect(install).not.toHaveBeenCalled(); // a customer (or staff) is there
    idle = true;
    installer.activity(); // back to ready
    vi.advanceTimersByTime(59_999);
    expect(install).not.toHaveBeenCalled();
    installer.activity(); // a scan: the quiet starts again
    vi.advanceTimersByTime(59_999);
    expect(install).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(install).toHaveBeenCalledTimes(1);
  });

  it('does nothing without a downloaded update', () => {
    const install = vi.fn();
    const installer = new IdleInstaller({ isIdle: () => true, install, quietMs: 1000 });
    installer.activity();
    vi.advanceTimersByTime(10_000);
    expect(install).not.toHaveBeenCalled();
  });

  it('a failing install is reported and the kiosk goes on', () => {
    const onInstallFailed = vi.fn();
    const installer = new IdleInstaller({
      isIdle: () => true,
      install: () => {
        throw new Error('installer missing');
      },
      onInstallFailed,
      quietMs: 1000,
    });
    installer.updateDownloaded();
    expect(() => vi.advanceTimersByTime(1000)).not.toThrow();
    expect(onInstallFailed).toHaveBeenCalledWith(expect.objectContaining({ message: 'installer missing' }));
  });
});

/** A stand-in for electron-updater's AppUpdater that records what the kiosk sets on it. */
function fakeUpdater(checkForUpdates: () => Promise<unknown>) {
  const emitter = new EventEmitter();
  const assigned: string[] = [];
  const target = Object.assign(emitter, { setFeedURL: vi.fn(), checkForUpdates: vi.fn(checkForUpdates), quitAndInstall: vi.fn() });
  const updater = new Proxy(target, {
    set(object, property, value) {
      if (!String(property).startsWith('_')) assigned.push(String(property)); // not EventEmitter's own
      return Reflect.set(object, property, value);
    },
  });
  return { updater, target, assigned };
}

describe('setupUpdater', () => {
  let kiosk: KioskUpdater | null = null;
  afterEach(() => kiosk?.stop());

  it('sets only download and logging options: signature checks and staging are left as electron-updater has them', async () => {
    const { updater, assigned } = fakeUpdater(async () => null);
    kiosk = setupUpdater({ updater: updater as unknown as AppUpdater, settings: () => ({ url: 'https://updates.example.com/kiosk', checkHour: 3 }), isIdle: () => true, log: log(), firstCheckMs: 60_000 });
    await kiosk.check();
    expect(assigned.sort()).toEqual(['autoDownload', 'autoInstallOnAppQuit', 'logger']);
    expect(updater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: 'https://updates.example.com/kiosk' });
  });

  it('tells the metrics where it stands: a newer version stays pending, whatever fails after, until the restart', async () => {
    const { updater } = fakeUpdater(async () => null);
    const states: string[] = [];
    const releases: Date[] = [];
    kiosk = setupUpdater({
      updater: updater as unknown as AppUpdater,
      settings: () => ({ url: 'https://updates.example.com/kiosk', checkHour: 3 }),
      isIdle: () => false,
      log: log(),
      firstCheckMs: 60_000,
      onState: (state) => void states.push(state),
      onRelease: (publishedAt) => void releases.push(publishedAt),
    });
    await kiosk.check();
    updater.emit('update-not-available', { version: '1.0.0', releaseDate: '2026-11-01T10:00:00.000Z' });
    updater.emit('error', new Error('ECONNRESET'));
    expect(releases).toEqual([]);
    updater.emit('update-available', { version: '1.1.0', releaseDate: '2026-11-24T09:30:00.000Z' });
    expect(releases).toEqual([new Date('2026-11-24T09:30:00.000Z')]);
    updater.emit('error', new Error('download failed'));
    await kiosk.check();
    updater.emit('update-downloaded', { version: '1.1.0' });
    expect(states).toEqual(['checking', 'checking', 'current', 'error', 'pending']);
  });

  it('checks nothing while the config has no updates section', async () => {
    const { updater } = fakeUpdater(async () => null);
    kiosk = setupUpdater({ updater: updater as unknown as AppUpdater, settings: () => null, isIdle: () => true, log: log(), firstCheckMs: 60_000 });
    await kiosk.check();
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
  });

  it('a failing check is logged and never throws into the kiosk', async () => {
    const { updater } = fakeUpdater(async () => {
      throw new Error('getaddrinfo ENOTFOUND updates.example.com');
    });
    const logger = log();
    kiosk = setupUpdater({ updater: updater as unknown as AppUpdater, settings: () => ({ url: 'https://updates.example.com/kiosk', checkHour: 3 }), isIdle: () => true, log: logger, firstCheckMs: 60_000 });
    await expect(kiosk.check()).resolves.toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith('update-check-failed', { message: 'getaddrinfo ENOTFOUND updates.example.com' });
  });

  it('checks once at start, then daily', async () => {
    vi.useFakeTimers();
    try {
      const { updater } = fakeUpdater(async () => null);
      kiosk = setupUpdater({
        updater: updater as unknown as AppUpdater,
        settings: () => ({ url: 'https://updates.example.com/kiosk', checkHour: 3 }),
        isIdle: () => true,
       
        log: log(),
        firstCheckMs: 30_000,
        random: () => 0,
        now: () => new Date(2026, 10, 30, 12, 0),
      });
      await vi.advanceTimersByTimeAsync(30_000);
      expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(15 * 3_600_000 - 1); // 12:00 → 03:00
      expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

/**
 * electron-updater's HTTP in plain Node: in the app it goes through Electron's net module
 * (ElectronHttpExecutor); this is the same download, on node:http.
 */
class NodeExecutor extends HttpExecutor<ClientRequest> {
  createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void): ClientRequest {
    return http.request(options, callback);
  }

  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise((resolve, reject, onCancel) => {
      const requestOptions: RequestOptions = { headers: options.headers ?? undefined };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(requestOptions, { destination, options, onCancel, callback: (error) => (error ? reject(error) : resolve(destination)), responseHandler: null }, 0);
    });
  }
}

/** A staging ID whose rollout position is 0.5 (its last four bytes, 0x80000000, over 0xffffffff). */
const STAGING_ID = '0b3f5a3c-6e0e-4c7a-9c1d-aaaa80000000';

describe('electron-updater against a loopback update host', () => {
  let dir = '';
  let server: http.Server | null = null;
  let stagingPercentage: number | null = null;
  let metadataStatus = 200;
  const requests: string[] = [];
  const debBody = Buffer.from('not really a deb package');
  const sha512 = createHash('sha512').update(debBody).digest('base64');

  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-updater-'));
    requests.length = 0;
    metadataStatus = 200;
    server = http.createServer((request, response) => {
      requests.push((request.url ?? '').split('?')[0] ?? '');
      if (request.url?.startsWith('/kiosk/latest-linux.yml')) {
        response.writeHead(metadataStatus, { 'content-type': 'text/yaml' });
        const staging = stagingPercentage === null ? '' : `stagingPercentage: ${stagingPercentage}\n`;
        response.end(`version: 0.2.0\nfiles:\n  - url: kiosk-0.2.0.deb\n    sha512: ${sha512}\n    size: ${debBody.length}\npath: kiosk-0.2.0.deb\nsha512: ${sha512}\nreleaseDate: '2026-11-30T03:00:00.000Z'\n${staging}`);
      } else if (request.url?.startsWith('/kiosk/kiosk-0.2.0.deb')) {
        response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': debBody.length });
        response.end(debBody);
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  });

  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  function kioskUpdater(idle: () => boolean) {
    const userData = path.join(dir, 'user-data');
    mkdirSync(userData, { recursive: true });
    writeFileSync(path.join(userData, '.updaterId'), STAGING_ID);
    const appUpdateConfigPath = path.join(dir, 'app-update.yml');
    writeFileSync(appUpdateConfigPath, 'provider: generic\nurl: https://updates.invalid/counter-loyalty-kiosk\nupdaterCacheDirName: counter-loyalty-kiosk-updater\n');
    const app: AppAdapter = {
      version: '0.1.0',
      name: 'Counter Loyalty Kiosk',
      isPackaged: true,
      appUpdateConfigPath,
      userDataPath: userData,
      baseCachePath: path.join(dir, 'cache'),
      whenReady: () => Promise.resolve(),
      relaunch: () => undefined,
      quit: () => undefined,
      onQuit: () => undefined,
    };
    const updater = new DebUpdater(null, app);
    (updater as unknown as { httpExecutor: HttpExecutor<ClientRequest> }).httpExecutor = new NodeExecutor();
    const quitAndInstall = vi.spyOn(updater, 'quitAndInstall').mockImplementation(() => undefined);
    const logger = log();
    const { port } = server?.address() as AddressInfo;
    const kiosk = setupUpdater({
      updater,
      settings: () => ({ url: `http://127.0.0.1:${port}/kiosk`, checkHour: 3 }),
      isIdle: idle,
      log: logger,
      quietMs: 50,
      firstCheckMs: 3_600_000,
    });
    return { kiosk, quitAndInstall, logger };
  }

  it('a kiosk outside the staged rollout (position 0.5, stage 40 %) does not download', async () => {
    stagingPercentage = 40;
    const { kiosk, logger } = kioskUpdater(() => true);
    await kiosk.check();
    kiosk.stop();
    expect(requests).toEqual(['/kiosk/latest-linux.yml']);
    expect(logger.info).toHaveBeenCalledWith('update-not-available', { latest: '0.2.0' });
  });

  it('inside the stage (60 %) it downloads, then installs only once the kiosk is idle', async () => {
    stagingPercentage = 60;
    let idle = false;
    const { kiosk, quitAndInstall, logger } = kioskUpdater(() => idle);
    await kiosk.check();
    expect(requests).toEqual(['/kiosk/latest-linux.yml', '/kiosk/kiosk-0.2.0.deb']);
    await vi.waitFor(() => expect(logger.info).toHaveBeenCalledWith('update-downloaded', { version: '0.2.0' }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(quitAndInstall).not.toHaveBeenCalled(); // a customer is on a result screen
    idle = true;
    await vi.waitFor(() => expect(quitAndInstall).toHaveBeenCalledWith(true, true));
    kiosk.stop();
  });

  it('an update host that fails is logged; nothing is installed and nothing throws', async () => {
    metadataStatus = 500;
    const { kiosk, quitAndInstall, logger } = kioskUpdater(() => true);
    await expect(kiosk.check()).resolves.toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith('update-check-failed', expect.objectContaining({ message: expect.stringContaining('500') }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(quitAndInstall).not.toHaveBeenCalled();
    kiosk.stop();
  });
});

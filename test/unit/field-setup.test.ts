/**
 * The Linux field set-up against the real things: the systemd user unit passes Debian's
 * `systemd-analyze verify`, and electron-updater's own AppImageUpdater, run on files in a
 * temporary folder, shows why the unit names a version-free path: it updates such a file in
 * place, while a versioned name is deleted and replaced by another one. The process it starts
 * carries APPIMAGE_SILENT_INSTALL=true, which is how a kiosk started by the updater knows to wait
 * for the old one's lock (electron/main/single-instance.ts). And the .deb, the route for
 * Ubuntu 24.04, keeps electron-builder's AppArmor profile, which lets Chromium's sandbox run.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppImageUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { STOP_BOUND_MS } from '../../electron/main/quit';
import { startedByUpdater } from '../../electron/main/single-instance';

const require = createRequire(import.meta.url);
const UNIT = path.resolve(import.meta.dirname, '../../docs/field/counter-loyalty-kiosk.service');
const VERSION_FREE = 'Applications/counter-loyalty-kiosk.AppImage';

let dir = '';
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  delete process.env.APPIMAGE;
});

/** A stand-in AppImage: a script that writes down how it was started. */
function fakeAppImage(file: string, version: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `#!/bin/sh\nprintf '%s %s' '${version}' "$APPIMAGE_SILENT_INSTALL" > "$(dirname "$0")/started-${version}"\n`);
  chmodSync(file, 0o755);
}

describe('the systemd user unit', () => {
  const unit = readFileSync(UNIT, 'utf8');
  const directive = (name: string) => new RegExp(`^${name}=(.*)$`, 'm').exec(unit)?.[1];

  it("passes systemd-analyze verify (Debian's systemd), without a warning", () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-unit-'));
    const home = path.join(dir, 'home');
    fakeAppImage(path.join(home, VERSION_FREE), '1.0.0');
    const runtime = path.join(dir, 'run');
    mkdirSync(runtime, { mode: 0o700 });
    const result = spawnSync('systemd-analyze', ['verify', '--user', UNIT], { env: { ...process.env, HOME: home, XDG_RUNTIME_DIR: runtime }, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('restarts always, from a version-free path, under X11, and gives the kiosk time to stop', () => {
    expect(directive('Restart')).toBe('always');
    const execStart = directive('ExecStart') ?? '';
    expect(execStart.startsWith(`%h/${VERSION_FREE} `)).toBe(true);
    expect(execStart).not.toMatch(/\d+\.\d+\.\d+/);
    expect(execStart).toContain('--ozone-platform=x11');
    expect(Number(directive('TimeoutStopSec')) * 1000).toBeGreaterThan(STOP_BOUND_MS);
  });
});

describe("electron-updater's AppImage update, on disk", () => {
  function updater(): AppImageUpdater {
    const app: AppAdapter = {
      version: '1.0.0',
      name: 'Counter Loyalty Kiosk',
      isPackaged: true,
      appUpdateConfigPath: path.join(dir, 'app-update.yml'),
      userDataPath: path.join(dir, 'user-data'),
      baseCachePath: path.join(dir, 'cache'),
      whenReady: () => Promise.resolve(),
      relaunch: () => undefined,
      quit: () => undefined,
      onQuit: () => undefined,
    };
    const appImage = new AppImageUpdater(null, app);
    appImage.logger = null;
    return appImage;
  }

  /** What quitAndInstall(true, true) runs: AppImageUpdater.doInstall with the downloaded file. */
  function install(appImage: AppImageUpdater, downloaded: string): boolean {
    (appImage as unknown as { downloadedUpdateHelper: { file: string } }).downloadedUpdateHelper = { file: downloaded };
    return (appImage as unknown as { doInstall(options: { isSilent: boolean; isForceRunAfter: boolean; isAdminRightsRequired: boolean }): boolean }).doInstall({ isSilent: true, isForceRunAfter: true, isAdminRightsRequired: false });
  }

  it('writes the new version over a version-free file and starts it, marked as started by the updater', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-appimage-'));
    const installed = path.join(dir, VERSION_FREE);
    fakeAppImage(installed, '1.0.0');
    const downloaded = path.join(dir, 'cache', 'Counter Loyalty Kiosk-1.1.0-linux-x86_64.AppImage');
    fakeAppImage(downloaded, '1.1.0');
    process.env.APPIMAGE = installed;
    expect(install(updater(), downloaded)).toBe(true);
    expect(readFileSync(installed, 'utf8')).toContain("'1.1.0'"); // the same path now holds 1.1.0
    const started = path.join(dir, 'Applications', 'started-1.1.0');
    await vi.waitFor(() => expect(existsSync(started) && readFileSync(started, 'utf8')).toBe('1.1.0 true'));
    expect(startedByUpdater([installed], { APPIMAGE_SILENT_INSTALL: 'true' })).toBe(true);
  });

  it('deletes a versioned file and puts the new version under a new name: a unit naming the old file would fail', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-appimage-'));
    const installed = path.join(dir, 'Applications', 'Counter Loyalty Kiosk-1.0.0-linux-x86_64.AppImage');
    fakeAppImage(installed, '1.0.0');
    const downloaded = path.join(dir, 'cache', 'Counter Loyalty Kiosk-1.1.0-linux-x86_64.AppImage');
    fakeAppImage(downloaded, '1.1.0');
    process.env.APPIMAGE = installed;
    install(updater(), downloaded);
    expect(existsSync(installed)).toBe(false);
    expect(existsSync(path.join(dir, 'Applications', 'Counter Loyalty Kiosk-1.1.0-linux-x86_64.AppImage'))).toBe(true);
    await vi.waitFor(() => expect(existsSync(path.join(dir, 'Applications', 'started-1.1.0'))).toBe(true)); // it started from the new name
  });
});

describe("the .deb for Ubuntu 24.04 (AppArmor and Chromium's sandbox)", () => {
  const builderLib = path.dirname(require.resolve('app-builder-lib/package.json'));
  const config = parseYaml(readFileSync(path.resolve(import.meta.dirname, '../../electron-builder.yml'), 'utf8')) as { linux: { target: Array<{ target: string }> }; deb?: Record<string, unknown> };

  it('is built, with electron-builder\'s own after-install script and AppArmor profile (no override of either)', () => {
    expect(config.linux.target.map((each) => each.target)).toContain('deb');
    expect(config.deb ?? {}).not.toHaveProperty('appArmorProfile');
    expect(config.deb ?? {}).not.toHaveProperty('afterInstall');
  });

  it("whose profile grants the installed binary user namespaces, and whose after-install script loads it (electron-builder issue #8635)", () => {
    const profile = readFileSync(path.join(builderLib, 'templates/linux/apparmor-profile.tpl'), 'utf8');
    expect(profile).toMatch(/profile "\$\{executable\}" "\/opt\/\$\{sanitizedProductName\}\/\$\{executable\}"/);
    expect(profile).toMatch(/^\s*userns,$/m);
    const afterInstall = readFileSync(path.join(builderLib, 'templates/linux/after-install.tpl'), 'utf8');
    expect(afterInstall).toContain("APPARMOR_PROFILE_TARGET='/etc/apparmor.d/${executable}'");
    expect(afterInstall).toContain('apparmor_parser --replace');
  });
});

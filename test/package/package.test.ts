/**
 * The package a store gets, built for real: electron-builder's `dir` target from
 * electron-builder.yml, as `npm run dist` builds it, for Linux x64 and arm64, with a stand-in
 * Electron distribution (test/helpers/electron-stand-in.ts: only its fuse wire is real) so that
 * nothing is downloaded and the fuses step runs. Then: what the asar holds and must not, the
 * native prebuilds each architecture carries, the fuses as @electron/fuses reads them back.
 * Windows' and macOS' prebuild filters are checked with electron-builder's own file matcher
 * (their packages cannot be built on Linux).
 */
import { extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { Arch, build, Platform } from 'electron-builder';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildIfStale } from '../../scripts/build';
import { ELECTRON_45_FUSE_DEFAULTS, writeElectronStandIn } from '../helpers/electron-stand-in';

const root = path.resolve(import.meta.dirname, '../..');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a YAML document; electron-builder's schema test checks its shape
const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, any>;
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; main: string };

const work = mkdtempSync(path.join(os.tmpdir(), 'kiosk-package-'));
const output = path.join(work, 'release');
const appDirs = { x64: path.join(output, 'linux-unpacked'), arm64: path.join(output, 'linux-arm64-unpacked') };

/** Every path inside the asar ("/dist/…"), and every file electron-builder left unpacked beside it. */
function contents(appDir: string): { asar: string[]; unpacked: string[] } {
  const resources = path.join(appDir, 'resources');
  const unpackedRoot = path.join(resources, 'app.asar.unpacked');
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
  return {
    asar: listPackage(path.join(resources, 'app.asar'), { isPack: false }).map((entry) => entry.split(path.sep).join('/')),
    unpacked: existsSync(unpackedRoot) ? walk(unpackedRoot).map((file) => `/${path.relative(unpackedRoot, file).split(path.sep).join('/')}`) : [],
  };
}

const prebuildsIn = (paths: string[]) => paths.filter((entry) => entry.includes('/prebuilds/') && entry.endsWith('.node'));

beforeAll(async () => {
  await buildIfStale(); // the package must hold the current build
  const saved = { ELECTRON_MIRROR: process.env.ELECTRON_MIRROR, ELECTRON_BUILDER_BINARIES_MIRROR: process.env.ELECTRON_BUILDER_BINARIES_MIRROR };
  // Any download electron-builder tried would fail at once here rather than wait on a closed network.
  process.env.ELECTRON_MIRROR = 'http://127.0.0.1:9/';
  process.env.ELECTRON_BUILDER_BINARIES_MIRROR = 'http://127.0.0.1:9/';
  try {
    await build({
      projectDir: root,
      targets: Platform.LINUX.createTarget('dir', Arch.x64, Arch.arm64),
      publish: 'never',
      // Laid over electron-builder.yml, which electron-builder reads itself, as for `npm run dist`.
      config: { electronDist: writeElectronStandIn(path.join(work, 'electron-dist')), directories: { output } },
    });
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packaged app (electron-builder dir target, Linux)', () => {
  it('holds what the kiosk runs: main, preload, the UI, the capture page and its worker, package.json', () => {
    const { asar } = contents(appDirs.x64);
    expect(asar).toEqual(
      expect.arrayContaining([
        '/package.json',
        `/${packageJson.main}`,
        '/dist/electron/preload.cjs',
        '/dist/renderer/index.html',
        '/dist/renderer/out-of-order.html',
        '/dist/renderer/capture/capture.html',
        '/dist/renderer/capture/capture-page.js',
        '/dist/renderer/capture/capture-worker.js',
      ]),
    );
    // The UI's HTML names its hashed scripts and styles: each one is in the package.
    const html = extractFile(path.join(appDirs.x64, 'resources', 'app.asar'), 'dist/renderer/index.html').toString('utf8');
    const referenced = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((match) => `/dist/renderer/${match[1]}`);
    expect(referenced.length).toBeGreaterThanOrEqual(3);
    expect(asar).toEqual(expect.arrayContaining(referenced));
    // The runtime packages kept out of the bundles.
    expect(asar).toEqual(expect.arrayContaining(['/node_modules/serialport/package.json', '/node_modules/electron-updater/package.json']));
  });

  it('holds no maps, TypeScript, sources, configuration or settings files, keys, tests, web shell or compressed copies', () => {
    const { asar, unpacked } = contents(appDirs.x64);
    const forbidden = [
      /\.map$/,
      /\.tsx?$/,
      /\.(br|gz)$/,
      /(^|\/)config[^/]*\.json$/,
      /(^|\/)staff-settings\.json$/,
      /(^|\/)sandbox-config\.json$/,
      /\.(pem|key|p12|pfx|crt|cer|der)$/i,
      /(^|\/)(id_rsa|id_ed25519)[^/]*$/,
      /(^|\/)\.env/,
      /\.(test|spec)\.[cm]?[jt]sx?$/,
      /^\/(test|scripts|electron|renderer|assets|docs|release)\//,
      /^\/dist\/web\//,
      /(^|\/)electron-builder\.ya?ml$/,
    ];
    const offenders = [...asar, ...unpacked].filter((entry) => forbidden.some((pattern) => pattern.test(entry)));
    expect(offenders).toEqual([]);
    // Our own files are exactly what the build made: nothing else from the project rides along.
    expect(asar.filter((entry) => !entry.startsWith('/node_modules') && !entry.startsWith('/dist/')).sort()).toEqual(['/dist', '/package.json']);
  });

  it("ships every script minified, React's production build, and a preload with channel plumbing only (at most 20 KB, no zod)", () => {
    const archive = path.join(appDirs.x64, 'resources', 'app.asar');
    const scripts = contents(appDirs.x64).asar.filter((entry) => entry.startsWith('/dist/') && /\.c?js$/.test(entry));
    expect(scripts.length).toBeGreaterThanOrEqual(5);
    for (const script of scripts) {
      const text = extractFile(archive, script.slice(1)).toString('utf8');
      const lines = text.split('\n').length;
      expect({ script, minified: text.length / lines > 500 }).toEqual({ script, minified: true });
      // React's development build says where to get its DevTools; this suite runs with NODE_ENV=test.
      expect({ script, reactDevelopment: text.includes('react.dev/link/react-devtools') }).toEqual({ script, reactDevelopment: false });
      // JSX compiled for React's development runtime calls jsxDEV, which production React lacks: a blank page.
      expect({ script, jsxDevelopment: text.includes('jsxDEV') }).toEqual({ script, jsxDevelopment: false });
    }
    const preload = extractFile(archive, 'dist/electron/preload.cjs');
    expect(preload.length).toBeLessThanOrEqual(20 * 1024);
    expect(preload.toString('utf8')).not.toMatch(/zod|ZodError|safeParse/);
  });

  it("carries only its own platform's serialport prebuild: linux-x64 or linux-arm64, glibc", () => {
    for (const [arch, appDir] of Object.entries(appDirs)) {
      const { asar, unpacked } = contents(appDir);
      const only = [`/node_modules/@serialport/bindings-cpp/prebuilds/linux-${arch}/@serialport+bindings-cpp.${arch === 'arm64' ? 'armv8.glibc' : 'glibc'}.node`];
      expect({ arch, asar: prebuildsIn(asar) }).toEqual({ arch, asar: only });
      // Native code cannot load from inside the asar: the one binding is unpacked too.
      expect({ arch, unpacked: prebuildsIn(unpacked) }).toEqual({ arch, unpacked: only });
    }
  });

  it('has its fuses flipped as electron-builder.yml says, read back with @electron/fuses', async () => {
    const expected: Array<[FuseV1Options, boolean]> = [
      [FuseV1Options.RunAsNode, config.electronFuses.runAsNode],
      [FuseV1Options.EnableCookieEncryption, config.electronFuses.enableCookieEncryption],
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable, config.electronFuses.enableNodeOptionsEnvironmentVariable],
      [FuseV1Options.EnableNodeCliInspectArguments, config.electronFuses.enableNodeCliInspectArguments],
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation, config.electronFuses.enableEmbeddedAsarIntegrityValidation],
      [FuseV1Options.OnlyLoadAppFromAsar, config.electronFuses.onlyLoadAppFromAsar],
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot, config.electronFuses.loadBrowserProcessSpecificV8Snapshot],
      [FuseV1Options.GrantFileProtocolExtraPrivileges, config.electronFuses.grantFileProtocolExtraPrivileges],
    ];
    // On the wire a fuse is "1" (0x31) on and "0" (0x30) off (electron/electron docs/tutorial/fuses.md).
    const state = (on: boolean) => (on ? '1' : '0').charCodeAt(0);
    for (const appDir of Object.values(appDirs)) {
      const wire = await getCurrentFuseWire(path.join(appDir, packageJson.name));
      for (const [fuse, on] of expected) expect({ fuse: FuseV1Options[fuse], state: wire[fuse] }).toEqual({ fuse: FuseV1Options[fuse], state: state(on) });
      // A fuse @electron/fuses does not know (Electron 45's ninth, WebAssembly trap handlers) keeps Electron's default.
      expect((wire as Record<number, number>)[8]).toBe(ELECTRON_45_FUSE_DEFAULTS.charCodeAt(8));
    }
    // Not vacuous: the security-relevant fuses really changed from Electron's defaults.
    expect(ELECTRON_45_FUSE_DEFAULTS[FuseV1Options.RunAsNode]).toBe('1');
    expect(ELECTRON_45_FUSE_DEFAULTS[FuseV1Options.OnlyLoadAppFromAsar]).toBe('0');
  });
});

describe("the other installers' prebuild filters, through electron-builder's own file matcher", () => {
  const require = createRequire(import.meta.url);
  // app-builder-lib's own matching, as it filters node_modules while packing (fileMatcher.js, util/macroExpander.js).
  const { getNodeModuleFileMatcher } = require('app-builder-lib/out/fileMatcher') as {
    getNodeModuleFileMatcher(appDir: string, destination: string, expand: (pattern: string) => string, options: unknown, packager: unknown): { createFilter(): (file: string, stat: unknown) => boolean };
  };
  const { expandMacro } = require('app-builder-lib/out/util/macroExpander') as { expandMacro(pattern: string, arch: string | null, appInfo: unknown): string };
  const prebuilds = path.join(root, 'node_modules/@serialport/bindings-cpp/prebuilds');
  const all = readdirSync(prebuilds, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.node'));
  const fileStat = { isDirectory: () => false };

  function kept(platform: 'win' | 'mac' | 'linux', arch: string): string[] {
    const matcher = getNodeModuleFileMatcher(root, '/app', (pattern) => expandMacro(pattern, arch, {}), config[platform], { config, debugLogger: { isEnabled: false } });
    const filter = matcher.createFilter();
    return all.filter((file) => filter(path.join(prebuilds, file), fileStat)).map((file) => file.split(path.sep).join('/'));
  }

  it('has prebuilds of many platforms to choose from (the filter has work to do)', () => {
    expect(all.length).toBeGreaterThan(8);
    expect(all.some((file) => file.startsWith('android-'))).toBe(true);
  });

  it('Windows x64 keeps win32-x64 alone', () => expect(kept('win', 'x64')).toEqual(['win32-x64/@serialport+bindings-cpp.node']));
  it('macOS x64 and arm64 keep the one universal binding', () => {
    expect(kept('mac', 'x64')).toEqual(['darwin-x64+arm64/@serialport+bindings-cpp.node']);
    expect(kept('mac', 'arm64')).toEqual(['darwin-x64+arm64/@serialport+bindings-cpp.node']);
  });
  it('Linux (the same matcher the package above was built with) keeps linux-x64 glibc alone', () => expect(kept('linux', 'x64')).toEqual(['linux-x64/@serialport+bindings-cpp.glibc.node']));
});

/**
 * `npm run dist` builds release installers only with code-signing settings for each platform it
 * targets (as electron-builder reads them); `npm run dist:unsigned` makes a test build whose
 * files say "unsigned". The settings' names come from app-builder-lib's own code (cited in
 * scripts/release/signing.ts); the merged configuration is checked with electron-builder's own
 * config loader and JSON schema.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { signingProblems, SIGNING_ENV, targetPlatforms, unsignedBuild, UNSIGNED_ARTIFACT_NAME, type SigningConfig } from '../../scripts/release/signing';

const root = path.resolve(import.meta.dirname, '../..');
const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as SigningConfig & Record<string, unknown>;
const WINDOWS_CERT = { CSC_LINK: '/secure/kiosk.pfx', CSC_KEY_PASSWORD: 'pw' };
const MAC_NOTARY = { APPLE_ID: 'ci@example.com', APPLE_APP_SPECIFIC_PASSWORD: 'abcd-efgh', APPLE_TEAM_ID: 'TEAM123456' };

describe('which platforms a build is for', () => {
  it.each<[string[], NodeJS.Platform, string[]]>([
    [[], 'linux', ['linux']],
    [[], 'win32', ['win']],
    [[], 'darwin', ['mac']],
    [['--win'], 'linux', ['win']],
    [['--windows', '--x64'], 'linux', ['win']],
    [['-w', 'nsis'], 'linux', ['win']],
    [['--mac', '--linux'], 'darwin', ['mac', 'linux']],
    [['-mwl'], 'darwin', ['mac', 'win', 'linux']],
    [['--macos'], 'darwin', ['mac']],
    [['--x64', '--dir'], 'win32', ['win']],
  ])('%j on %s: %j', (args, host, expected) => {
    expect([...targetPlatforms(args, host)].sort()).toEqual([...expected].sort());
  });
});

describe('a release needs signing settings', () => {
  it('Windows: refused without a certificate; CSC_LINK, WIN_CSC_LINK or a signing config in electron-builder.yml will do', () => {
    const win = new Set(['win'] as const);
    expect(signingProblems(win, { env: {}, config })).toEqual([expect.stringContaining('Windows: no code-signing certificate. Set CSC_LINK')]);
    expect(signingProblems(win, { env: { CSC_LINK: '   ' }, config })).toHaveLength(1);
    expect(signingProblems(win, { env: WINDOWS_CERT, config })).toEqual([]);
    expect(signingProblems(win, { env: { WIN_CSC_LINK: 'MIIK...' }, config })).toEqual([]);
    expect(signingProblems(win, { env: {}, config: { win: { azureSignOptions: { endpoint: 'https://weu.codesigning.azure.net' } } } })).toEqual([]);
    expect(signingProblems(win, { env: {}, config: { win: { signtoolOptions: { certificateSha1: 'ab12' } } } })).toEqual([]);
  });

  it('macOS: a signing identity and notarization credentials, each said when missing', () => {
    const mac = new Set(['mac'] as const);
    expect(signingProblems(mac, { env: {}, config })).toEqual([expect.stringContaining('macOS: no signing identity'), expect.stringContaining('macOS: no notarization')]);
    expect(signingProblems(mac, { env: { CSC_LINK: 'id.p12', ...MAC_NOTARY }, config })).toEqual([]);
    expect(signingProblems(mac, { env: { CSC_NAME: 'Developer ID Application: Chain AS', APPLE_KEYCHAIN_PROFILE: 'kiosk' }, config })).toEqual([]);
    expect(signingProblems(mac, { env: { APPLE_API_KEY: 'k.p8', APPLE_API_KEY_ID: 'id', APPLE_API_ISSUER: 'iss' }, config, keychainHasDeveloperId: () => true })).toEqual([]);
    // Half a set of notarization credentials is none (electron-builder would throw on it).
    expect(signingProblems(mac, { env: { CSC_LINK: 'id.p12', APPLE_ID: 'ci@example.com' }, config })).toEqual([expect.stringContaining('no notarization')]);
    // The keychain does not count when auto-discovery is off.
    expect(signingProblems(mac, { env: { CSC_IDENTITY_AUTO_DISCOVERY: 'false', ...MAC_NOTARY }, config, keychainHasDeveloperId: () => true })).toEqual([expect.stringContaining('no signing identity')]);
  });

  it('Linux: nothing to sign (electron-builder signs neither AppImage nor deb)', () => {
    expect(signingProblems(new Set(['linux'] as const), { env: {}, config })).toEqual([]);
  });

  it('electron-builder.yml forces signing too, so electron-builder itself fails an unsigned Windows or macOS release', () => {
    expect(config.forceCodeSigning).toBe(true);
  });
});

describe('npm run dist', () => {
  const dist = (args: string[], env: NodeJS.ProcessEnv) => {
    const clean = { ...process.env, ...env };
    for (const name of SIGNING_ENV) if (!(name in env)) delete clean[name];
    return spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts/dist.ts'), ...args], { cwd: root, env: clean, encoding: 'utf8', timeout: 60_000 });
  };

  it('without signing settings stops before building anything, says what is missing and how to make a test build', () => {
    const run = dist(['--win'], {});
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('npm run dist builds release installers, and those are code-signed');
    expect(run.stderr).toContain('Windows: no code-signing certificate');
    expect(run.stderr).toContain('For a test build that is not for stores: npm run dist:unsigned -- --win');
    expect(run.stdout).not.toContain('Built in'); // nothing was built
  }, 60_000);

  it('is what package.json runs, with dist:unsigned beside it', () => {
    const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.dist).toBe('tsx scripts/dist.ts');
    expect(scripts['dist:unsigned']).toBe('tsx scripts/dist.ts --unsigned');
  });
});

describe('npm run dist:unsigned', () => {
  it('clears every signing variable and turns keychain discovery off, so the build is what its name says', () => {
    const { env } = unsignedBuild({ ...WINDOWS_CERT, ...MAC_NOTARY, CSC_NAME: 'x', PATH: '/usr/bin' });
    for (const name of SIGNING_ENV) expect(env[name]).toBeUndefined();
    expect(env).toMatchObject({ CSC_IDENTITY_AUTO_DISCOVERY: 'false', PATH: '/usr/bin' });
  });

  it('names its files "…-unsigned", and electron-builder’s own loader and schema take the merged configuration', async () => {
    const { args } = unsignedBuild({});
    expect(args).toEqual(['-c.forceCodeSigning=false', '-c.mac.identity=null', `-c.artifactName=${UNSIGNED_ARTIFACT_NAME}`]);
    // electron-builder's own CLI reading of the arguments, its config loader (which finds
    // electron-builder.yml and lays the -c.* values over it) and its validation (which coerces
    // "false" to false, as it does before every build).
    const require = createRequire(import.meta.url);
    type Cli = { createYargs(): unknown; configureBuildCommand(yargs: unknown): { parse(args: string[]): unknown }; normalizeOptions(args: unknown): { config: unknown } };
    const cli = require('electron-builder/out/builder.js') as Cli;
    const { config: fromOptions } = cli.normalizeOptions(cli.configureBuildCommand(cli.createYargs()).parse([...args, '--win']));
    type Loader = { getConfig(projectDir: string, configPath: string | null, fromOptions: unknown): Promise<Record<string, unknown>>; validateConfiguration(config: unknown, debug: { isEnabled: boolean }): Promise<void> };
    const loader = require('app-builder-lib/out/util/config/config') as Loader;
    const merged = await loader.getConfig(root, null, fromOptions);
    await loader.validateConfiguration(merged, { isEnabled: false });
    expect(merged).toMatchObject({ forceCodeSigning: false, artifactName: UNSIGNED_ARTIFACT_NAME, mac: { identity: null, hardenedRuntime: true }, nsis: { include: 'assets/provisioning-folder.nsh' } });
    const name = String(merged.artifactName).replace('${productName}', 'Counter Loyalty Kiosk').replace('${version}', '0.1.0').replace('${os}', 'win').replace('${arch}', 'x64').replace('${ext}', 'exe');
    expect(name).toBe('Counter Loyalty Kiosk-0.1.0-win-x64-unsigned.exe');
  }, 60_000);
});

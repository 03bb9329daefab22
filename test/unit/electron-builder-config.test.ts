/**
 * electron-builder.yml: valid against electron-builder's own JSON schema (shipped in
 * app-builder-lib), with the fuses, installer targets and contents the issue asks for.
 */
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '../..');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a YAML document: its shape is what the schema test checks
const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, any>;
const schema = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('app-builder-lib/scheme.json'), 'utf8')) as object;

function validate(candidate: unknown) {
  // The schema's own keywords (e.g. "tsType") are annotations, not rules.
  const ajv = new Ajv({ strict: false, allErrors: true });
  const valid = ajv.validate(schema, candidate);
  return { valid, errors: ajv.errorsText(ajv.errors) };
}

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's JSON schema", () => {
    const { valid, errors } = validate(config);
    expect(errors).toBe('No errors');
    expect(valid).toBe(true);
  });

  it('is checked for real: a misspelt option or a wrong type fails the schema', () => {
    expect(validate({ ...config, nsis: { ...config.nsis, perMachin: false } }).valid).toBe(false);
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNode: 'no' } }).valid).toBe(false);
  });

  it('flips the fuses: no Node mode, no NODE_OPTIONS, no inspector, the app only from its checked asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
    expect(config.asar).toBe(true);
  });

  it('builds a per-user NSIS installer (no UAC), AppImage and deb, and a dmg, named with version and arch', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ oneClick: true, perMachine: false, allowElevation: false });
    expect(config.linux.target.map((target: { target: string }) => target.target)).toEqual(['AppImage', 'deb']);
    expect(config.mac.target.map((target: { target: string }) => target.target)).toEqual(['dmg', 'zip']); // the zip is what updates a Mac
    expect(config.artifactName).toContain('${version}');
    expect(config.artifactName).toContain('${arch}');
    expect(config.appId).toMatch(/^[a-z0-9.-]+$/);
    expect(config.productName).toBe('Counter Loyalty Kiosk');
    for (const platform of ['win', 'linux', 'mac']) expect(readFileSync(path.join(root, config[platform].icon)).subarray(1, 4).toString()).toBe('PNG');
  });

  it('packs only the built app: no sources, maps, configs or staff settings (no secret can ride along)', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**', 'dist/renderer/**', 'package.json', '!**/*.map', '!**/config*.json', '!**/staff-settings.json']));
    expect(config.files.filter((pattern: string) => !pattern.startsWith('!')).every((pattern: string) => pattern.startsWith('dist/') || pattern === 'package.json')).toBe(true);
  });

  it('never rebuilds native modules (that would download Electron headers): serialport ships N-API prebuilds', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
  });

  it('publishes update metadata for the generic provider (the kiosk reads the real URL from its config)', () => {
    expect(config.publish).toMatchObject({ provider: 'generic' });
  });
});

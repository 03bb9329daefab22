/**
 * The appearance main sends the page: language, brand (with the logo read by main), sounds and
 * the attract delay, from the configuration and pushed again when it changes. A logo that
 * cannot be used costs only the logo.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_LOGO_BYTES, readBrandLogo } from '../../electron/core/appearance/brand-logo';
import type { Appearance } from '../../electron/shared/appearance';
import { startKioskCore, type KioskCore } from '../../electron/core/kiosk-core';

let dir = '';
let core: KioskCore | null = null;
afterEach(async () => {
  await core?.stop();
  core = null;
  rmSync(dir, { recursive: true, force: true });
});

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>';

describe('readBrandLogo', () => {
  it('reads a PNG, JPEG, WebP or SVG next to the provisioning file as a data URL', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-logo-'));
    writeFileSync(path.join(dir, 'logo.svg'), SVG);
    expect(await readBrandLogo('logo.svg', dir)).toEqual({ ok: true, dataUrl: `data:image/svg+xml;base64,${Buffer.from(SVG).toString('base64')}` });
  });

  it.each([
    ['another kind of file', 'logo.gif', 'must be a .png, .jpg, .webp or .svg'],
    ['a missing file', 'missing.png', 'no such file'],
    ['a folder', 'folder.png', 'not a file'],
    ['a file over 256 KiB', 'huge.png', 'larger than 256 KiB'],
  ])('refuses %s, saying why', async (_what, name, reason) => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-logo-'));
    writeFileSync(path.join(dir, 'logo.gif'), 'GIF89a');
    writeFileSync(path.join(dir, 'huge.png'), Buffer.alloc(MAX_LOGO_BYTES + 1));
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.join(dir, 'folder.png'));
    const result = await readBrandLogo(name, dir);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(reason);
  });
});

describe('the core\'s appearance', () => {
  const quiet = { info() {}, warn: vi.fn(), error() {} };

  it('follows the configuration, and is pushed when it changes', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-appearance-'));
    const file = path.join(dir, 'config.json');
    writeFileSync(path.join(dir, 'logo.svg'), SVG);
    writeFileSync(file, JSON.stringify({ locale: 'nb', brand: { programName: 'Burger Club', color: '#c2410c', logo: 'logo.svg' }, sounds: { volume: 0.3 }, attractAfterSeconds: 90, joinUrl: 'https://join.example/club' }));
    core = await startKioskCore({ userDataDir: dir, env: { KIOSK_CONFIG: file }, logger: quiet });
    expect(core.appearance()).toEqual({
      locale: 'nb',
      brand: { programName: 'Burger Club', color: '#c2410c', logo: expect.stringMatching(/^data:image\/svg\+xml;base64,/) },
      sounds: { enabled: true, volume: 0.3 },
      attractAfterSeconds: 90,
      attractLine: [],
      join: { url: 'https://join.example/club', size: expect.any(Number), path: expect.stringMatching(/^(M\d+ \d+h1v1h-1z)+$/) },
    } satisfies Appearance);
    const pushed: Appearance[] = [];
    core.onAppearance((appearance) => pushed.push(appearance));
    writeFileSync(file, JSON.stringify({ locale: 'en' }));
    await vi.waitFor(() => expect(pushed.at(-1)).toEqual({ locale: 'en', brand: { programName: null, color: '#14b8a6', logo: null }, sounds: { enabled: true, volume: 0.5 }, attractAfterSeconds: 60, attractLine: [], join: null }), { timeout: 8000 });
  });

  it('a change of the language alone, or of the colour alone, is pushed (what staff change in the form)', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-appearance-'));
    const file = path.join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ locale: 'en' }));
    core = await startKioskCore({ userDataDir: dir, env: { KIOSK_CONFIG: file }, logger: quiet });
    const pushed: Appearance[] = [];
    core.onAppearance((appearance) => pushed.push(appearance));
    writeFileSync(file, JSON.stringify({ locale: 'nb' }));
    await vi.waitFor(() => expect(pushed.map((appearance) => appearance.locale)).toEqual(['nb']), { timeout: 8000 });
    writeFileSync(file, JSON.stringify({ locale: 'nb', brand: { color: '#1d4ed8' } }));
    await vi.waitFor(() => expect(pushed.at(-1)?.brand.color).toBe('#1d4ed8'), { timeout: 8000 });
    writeFileSync(file, JSON.stringify({ locale: 'nb', brand: { color: '#1d4ed8' }, storeId: '12' }));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(pushed).toHaveLength(2); // a change elsewhere pushes nothing
  });

  it('a logo that cannot be read is logged and left out; the kiosk runs', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-appearance-'));
    const file = path.join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ brand: { logo: 'nowhere.png' } }));
    core = await startKioskCore({ userDataDir: dir, env: { KIOSK_CONFIG: file }, logger: quiet });
    expect(core.appearance().brand.logo).toBeNull();
    expect(core.session.view()).toEqual({ screen: 'ready' });
    expect(quiet.warn).toHaveBeenCalledWith('brand-logo-unusable', { message: expect.stringContaining('no such file') });
  });

  it('refuses a brand colour that is not #rrggbb, naming the field', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-appearance-'));
    const file = path.join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ brand: { color: 'orange' }, sounds: { volume: 2 } }));
    core = await startKioskCore({ userDataDir: dir, env: { KIOSK_CONFIG: file }, logger: { info() {}, warn() {}, error() {} } });
    const view = core.session.view();
    expect(view).toMatchObject({ screen: 'needsStaff', reason: 'config' });
    if (view.screen === 'needsStaff') {
      expect(view.detail).toContain('brand.color: must be a colour like "#0f766e"');
      expect(view.detail).toContain('sounds.volume');
    }
  });
});

describe('scans while the screen is out of order', () => {
  it('are ignored until the screen is back', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-out-of-order-'));
    core = await startKioskCore({ userDataDir: dir, env: {}, logger: { info() {}, warn() {}, error() {} } });
    core.setOutOfOrder(true);
    core.scan('123456');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(core.session.view()).toEqual({ screen: 'ready' });
    core.setOutOfOrder(false);
    core.scan('123456');
    await vi.waitFor(() => expect(core?.session.view()).toMatchObject({ screen: 'member' }));
  });
});

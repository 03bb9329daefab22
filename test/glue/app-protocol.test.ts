import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../mocks/electron'));
const { app, protocol } = await import('../mocks/electron');
const { serveRenderer, registerAppScheme } = await import('../../electron/main/app-protocol');

const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-protocol-'));
const rendererDir = path.join(dir, 'renderer');
mkdirSync(rendererDir);
writeFileSync(path.join(rendererDir, 'index.html'), '<html>kiosk</html>');
mkdirSync(path.join(rendererDir, 'capture'));
writeFileSync(path.join(rendererDir, 'capture', 'capture-worker.js'), '');
writeFileSync(path.join(dir, 'secret.json'), '{"token":"s3cret"}');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function get(url: string) {
  const handler = protocol.handlers.get('kiosk');
  if (!handler) throw new Error('kiosk scheme not handled');
  return handler(new Request(url));
}

describe('the app protocol', () => {
  it('registers kiosk:// as a standard, secure scheme, readable by no other origin (before the app is ready, as Electron requires)', () => {
    app.ready = false;
    registerAppScheme();
    app.ready = true;
    expect(() => registerAppScheme()).toThrow(/before app is ready/);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([{ scheme: 'kiosk', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves the renderer with a strict CSP that allows no network', async () => {
    serveRenderer(rendererDir);
    const response = await get('kiosk://app/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<html>kiosk</html>');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("frame-src 'none'"); // Electron frames nothing (the capture page is its own window)
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('wasm-unsafe-eval');
  });

  it('lets the capture page and its worker compile WebAssembly (ZXing-C++), with no network either', async () => {
    serveRenderer(rendererDir);
    const csp = (await get('kiosk://app/capture/capture-worker.js')).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(csp).not.toMatch(/'unsafe-eval'/);
    expect(csp).toContain("connect-src 'none'");
  });

  it('never serves a file outside the renderer folder, or for another host', async () => {
    serveRenderer(rendererDir);
    expect((await get('kiosk://app/%2e%2e/secret.json')).status).toBe(404);
    expect((await get('kiosk://app/..%2fsecret.json')).status).toBe(404);
    expect((await get('kiosk://other/index.html')).status).toBe(404);
  });
});

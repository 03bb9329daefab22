/** The web shell's server: hostile upgrade requests and unresponsive pages cannot hurt it. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startWebServer, type WebServer } from '../../electron/web/web-server';
import { createWsBridge } from '../../electron/web/ws-bridge';
import type { Handlers } from '../../electron/shared/contract';

const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-web-server-'));
writeFileSync(path.join(dir, 'index.html'), '<html><head></head><body>kiosk</body></html>');
writeFileSync(path.join(dir, 'page-bridge.js'), '');
mkdirSync(path.join(dir, 'capture'));
writeFileSync(path.join(dir, 'capture', 'capture-worker.js'), '');

let server: WebServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

function fakeHandlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    getState: () => ({ screen: 'ready' as const }),
    getAppearance: () => ({ locale: 'en', brand: { programName: null, color: '#14b8a6', logo: null }, sounds: { enabled: true, volume: 0.5 }, attractAfterSeconds: 60, attractLine: [], join: null }),
    done: () => undefined,
    stillHere: () => undefined,
    uiError: () => undefined,
    keyInput: () => undefined,
    cameraSettings: () => ({ enabled: true, deviceId: null, fps: 10, focusDistance: null }),
    decoded: () => undefined,
    cameraState: () => undefined,
    preview: () => undefined,
    cameraDevices: () => undefined,
    decodeTimes: () => undefined,
    frames: () => undefined,
    cameraTuning: () => undefined,
    codeUnread: () => undefined,
    getKeypad: () => ({ enabled: true, open: false, restSeconds: null, idleSeconds: 15 }),
    keypadOpen: () => ({ enabled: true, open: true, restSeconds: null, idleSeconds: 15 }),
    keypadClose: () => undefined,
    keypadSubmit: () => ({ ok: true as const }),
    staffUnlock: async () => ({ ok: false as const, reason: 'noPin' as const }),
    staffSettings: () => {
      throw new Error('Staff mode is closed');
    },
    staffSave: async () => ({ ok: true as const }),
    staffTestConnection: () => {
      throw new Error('Staff mode is closed');
    },
    staffHealth: () => {
      throw new Error('Staff mode is closed');
    },
    staffClose: () => undefined,
    staffQuit: () => ({ ok: true as const }),
    staffFactoryReset: async () => ({ ok: true as const, removed: [] }),
    ...overrides,
  };
}

async function start(): Promise<WebServer> {
  server = await startWebServer({ port: 0, token: 'launch-token-0123456789', rendererDir: dir, bridgeScriptsDir: dir, bridge: createWsBridge(fakeHandlers()) });
  return server;
}

function rawRequest(port: number, requestLine: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () =>
      socket.write(`${requestLine}\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`),
    );
    let answer = '';
    socket.on('data', (data) => (answer += data.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', () => resolve(answer));
  });
}

describe('the web shell server', () => {
  it('answers odd upgrade requests with 403 and keeps serving', async () => {
    const { url } = await start();
    const port = Number(new URL(url).port);
    for (const line of ['GET // HTTP/1.1', 'GET http://[::1 HTTP/1.1', 'GET /launch-token-0123456789/bridge/../bridge HTTP/1.1']) {
      expect(await rawRequest(port, line)).toMatch(/^HTTP\/1\.1 403/);
    }
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script src="/launch-token-0123456789/page-bridge.js"></script>');
  });

  it('lets the capture page (its worker too) compile WebAssembly, and the customer UI never', async () => {
    const { url } = await start();
    const ui = (await fetch(url)).headers.get('content-security-policy') ?? '';
    const worker = (await fetch(`${url}capture/capture-worker.js`)).headers.get('content-security-policy') ?? '';
    expect(ui).toContain("script-src 'self';");
    expect(ui).not.toContain('wasm-unsafe-eval');
    expect(worker).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(worker).not.toMatch(/'unsafe-eval'/);
    expect(worker).toMatch(/connect-src ws:\/\/127\.0\.0\.1:\d+;/); // still nothing but its bridge
  });

  it('stops within a second even when a page never answers the close', async () => {
    const { url } = await start();
    const client = new WebSocket(`${url.replace('http', 'ws')}bridge`, { origin: new URL(url).origin });
    await new Promise((resolve) => client.once('open', resolve));
    (client as unknown as { _socket: net.Socket })._socket.pause(); // never reads the close frame
    const started = performance.now();
    await server?.close();
    server = null;
    expect(performance.now() - started).toBeLessThan(1000);
    client.terminate();
  });
});

describe('the capture page socket', () => {
  it('carries a full-size preview, and greets the page with what it must know', async () => {
    const received: string[] = [];
    const handlers = fakeHandlers({ preview: (jpeg) => void received.push(jpeg) });
    const bridge = createWsBridge(handlers);
    bridge.onConnect((page, send) => page === 'capture' && send({ name: 'cameraSettings', payload: { enabled: true, deviceId: null, fps: 10, focusDistance: null } }));
    server = await startWebServer({ port: 0, token: 'launch-token-0123456789', rendererDir: dir, bridgeScriptsDir: dir, bridge });
    const client = new WebSocket(`${server.url.replace('http', 'ws')}capture-bridge`, { origin: new URL(server.url).origin });
    const messages: string[] = [];
    client.on('message', (data) => messages.push(data.toString()));
    await new Promise((resolve) => client.once('open', resolve));
    const jpeg = 'A'.repeat(59_996) + '==';
    client.send(JSON.stringify({ id: 1, channel: 'capture:preview', arg: jpeg }));
    client.send(JSON.stringify({ id: 2, channel: 'kiosk:done' })); // a UI request on the capture socket
    await vi.waitFor(() => expect(messages).toHaveLength(3));
    expect(JSON.parse(messages[0] ?? '')).toEqual({ event: 'capture:settings-changed', payload: { enabled: true, deviceId: null, fps: 10, focusDistance: null } });
    expect(JSON.parse(messages[1] ?? '')).toMatchObject({ id: 1, ok: true });
    expect(JSON.parse(messages[2] ?? '')).toMatchObject({ id: 2, ok: false, error: expect.stringContaining('Unknown channel') });
    expect(received).toEqual([jpeg]);
    client.close();
  });
});

/**
 * Prototype names where outside text is looked up (issue 20, "One odd answer blanks the
 * kiosk"): each lookup finds nothing for `__proto__`, `constructor`, `hasOwnProperty` or
 * `toString` but what the table itself holds, wherever the text comes from: an identify error
 * body, the sandbox's members and tokens, a request path of the web shell, a file name.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBrandLogo } from '../../electron/core/appearance/brand-logo';
import { identify } from '../../electron/core/identify/identify-client';
import { readErrorReason, readMemberAnswer } from '../../electron/core/identify/identify-answer';
import { startSandboxServer, type SandboxServer } from '../../electron/core/sandbox/sandbox-server';
import { toMemberView } from '../../electron/core/session/member-view';
import { readStaticFile } from '../../electron/core/static/static-files';
import { VippsClient } from '../../electron/core/vipps/vipps-client';
import type { Handlers } from '../../electron/shared/contract';
import { startWebServer, type WebServer } from '../../electron/web/web-server';
import { createWsBridge } from '../../electron/web/ws-bridge';
import { PROTOTYPE_NAMES } from '../helpers/hostile-json';

describe('identify answers', () => {
  it.each(PROTOTYPE_NAMES)('an error code "%s" is no known code: "that code did not work"', (code) => {
    expect(readErrorReason({ error: { code } })).toBe('invalidCode');
    expect(readErrorReason({ code, [code]: 'IdentificationFailed' })).toBe('identificationFailed');
    expect(readErrorReason(JSON.parse(`{"${code}": "${code}"}`))).toBe('invalidCode');
  });

  it('items named like prototype properties are named by the catalogue only when it holds them, else by their PLU', () => {
    const member = readMemberAnswer({
      loyaltyUser: { id: 'u', name: 'Farhan Ahmed' },
      order: PROTOTYPE_NAMES.map((productId) => ({ productId, quantity: 1 })),
    });
    if (!member) throw new Error('the answer must read');
    const view = toMemberView(member, new Map([['constructor', 'The Builder Burger']]));
    expect(view.items.map((item) => item.name)).toEqual(PROTOTYPE_NAMES.map((name) => (name === 'constructor' ? 'The Builder Burger' : name)));
    expect(structuredClone(view)).toEqual(view);
  });
});

describe('the sandbox', () => {
  let sandbox: SandboxServer;
  beforeAll(async () => {
    sandbox = await startSandboxServer();
  });
  afterAll(() => sandbox.close());

  it.each(PROTOTYPE_NAMES)('knows no member "%s" (404) and no token code ending in it (400, refresh the code)', async (name) => {
    const target = { baseUrl: sandbox.baseUrl, token: sandbox.token, timeoutMs: 2000, content: false };
    expect(await identify(target, { identifier: name, storeId: '1', terminalId: '1', hasLoyalty: true })).toEqual({ kind: 'notFound' });
    const client = new VippsClient({ baseUrl: sandbox.baseUrl, ...sandbox.vipps, loyaltyProgramName: null, timeoutMs: 2000, product: { name: 'Counter Loyalty Kiosk', version: '0' } });
    expect(await client.exchange(name, new AbortController().signal)).toEqual({ ok: false, outcome: { kind: 'codeProblem', reason: 'notFound' } });
  });
});

describe('file names and request paths', () => {
  let dir = '';
  let server: WebServer;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-hostile-keys-'));
    writeFileSync(path.join(dir, 'index.html'), '<html><head></head><body>kiosk</body></html>');
    for (const name of PROTOTYPE_NAMES) writeFileSync(path.join(dir, `file.${name}`), 'x');
    const handlers = new Proxy({} as Handlers, { get: () => () => undefined });
    server = await startWebServer({ port: 0, token: 'launch-token-0123456789', rendererDir: dir, bridgeScriptsDir: dir, bridge: createWsBridge(handlers) });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(PROTOTYPE_NAMES)('a file named *.%s has no content type: not served, not a logo', async (name) => {
    expect(await readStaticFile(dir, `/file.${name}`)).toBeNull();
    expect(await readBrandLogo(`file.${name}`, dir)).toMatchObject({ ok: false, error: expect.stringContaining('must be a .png') });
  });

  it('paths named like prototype properties are 404, and the kiosk page is still served with its bridge', async () => {
    for (const name of PROTOTYPE_NAMES) expect((await fetch(`${server.url}${name}`)).status).toBe(404);
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('page-bridge.js');
  });
});

/**
 * The support desk's doors as the core wires them (parts/support.ts): the screenshot only while
 * no customer is on screen (and not when one arrives while it is taken), the shell's restart
 * only once the member screen has ended, status and logs with no customer data, and stop()
 * closing the API; a second stop() waits for the same one (a relaunch, then the quit).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startKioskCore, type KioskCore } from '../../electron/core/kiosk-core';
import { closedPort } from '../helpers/fake-identify-server';

const TOKEN = 'support-token-0123456789abcdef0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };
let core: KioskCore | null = null;
let dir = '';

afterEach(async () => {
  await core?.stop();
  core = null;
  rmSync(dir, { recursive: true, force: true });
});

async function start(): Promise<string> {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-support-'));
  const file = path.join(dir, 'config.json');
  writeFileSync(file, JSON.stringify({ idleResetSeconds: 60, fleet: { api: { port: await closedPort(), token: TOKEN } } }));
  core = await startKioskCore({ userDataDir: dir, env: { KIOSK_CONFIG: file } });
  await vi.waitFor(() => expect(core?.supportApiAddress()).not.toBeNull());
  return `http://${core!.supportApiAddress()}`;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the support desk\'s doors in the core', () => {
  it('screenshot: 409 with the screen\'s name while a member is on it; 501 where the shell cannot take one; a customer arriving while it is taken voids it', async () => {
    const base = await start();
    const shots: Array<() => void> = [];
    core!.attachShell({ restart: () => undefined, screenshot: () => new Promise<Buffer>((resolve) => shots.push(() => resolve(Buffer.from('png')))) });
    core!.scan('123456');
    await vi.waitFor(() => expect(core!.session.view().screen).toBe('member'));
    const refused = await fetch(`${base}/v1/screenshot`, { headers: auth });
    expect([refused.status, await refused.json()]).toEqual([409, expect.objectContaining({ error: 'customer-on-screen', screen: 'member' })]);
    core!.session.done();
    const during = fetch(`${base}/v1/screenshot`, { headers: auth });
    await vi.waitFor(() => expect(shots).toHaveLength(1));
    core!.scan('234567'); // the next customer scans while the picture is taken
    await vi.waitFor(() => expect(core!.session.view().screen).not.toBe('ready'));
    shots[0]!();
    const voided = await during;
    expect([voided.status, await voided.json()]).toEqual([409, expect.objectContaining({ message: 'the screen changed while it was taken' })]);
    core!.session.done();
    await pause(400);
    const taken = fetch(`${base}/v1/screenshot`, { headers: auth });
    await vi.waitFor(() => expect(shots).toHaveLength(2));
    shots[1]!();
    expect([(await taken).status, await (await taken).text()]).toEqual([200, 'png']);
    core!.attachShell({ restart: () => undefined, noScreenshot: 'a browser page' });
    await pause(400);
    const none = await fetch(`${base}/v1/screenshot`, { headers: auth });
    expect([none.status, await none.json()]).toEqual([501, { error: 'not-available', message: 'a browser page', screen: 'ready' }]);
  });

  it('screenshot: the camera preview is taken off the screen first, and comes back after (a preview frame goes to the screen only)', async () => {
    const base = await start();
    const previews: Array<string | null> = [];
    core!.camera.onPreview((preview) => previews.push(preview?.image ?? null));
    core!.camera.setState({ state: 'running', detail: null });
    core!.camera.setPreview('AAAA');
    let onScreenWhenTaken: string | null | undefined;
    core!.attachShell({
      restart: () => undefined,
      screenshot: async () => {
        onScreenWhenTaken = previews.at(-1);
        core!.camera.setPreview('BBBB'); // a frame arriving meanwhile is not shown
        return Buffer.from('png');
      },
    });
    const taken = await fetch(`${base}/v1/screenshot`, { headers: auth });
    expect(taken.status).toBe(200);
    expect(onScreenWhenTaken).toBeNull();
    expect(previews).toEqual(['data:image/jpeg;base64,AAAA', null]);
    core!.camera.setPreview('CCCC');
    expect(previews.at(-1)).toBe('data:image/jpeg;base64,CCCC');
  });

  it('restart: 202 while a member is on screen; the shell restarts only after the member screen ended and a quiet moment', async () => {
    const base = await start();
    const restarted: string[] = [];
    core!.attachShell({ restart: (reason) => void restarted.push(reason) });
    core!.scan('123456');
    await vi.waitFor(() => expect(core!.session.view().screen).toBe('member'));
    const answer = await fetch(`${base}/v1/restart`, { method: 'POST', headers: auth });
    expect([answer.status, ((await answer.json()) as { restart: { waitingFor: string } }).restart.waitingFor]).toEqual([202, 'customer']);
    await pause(2000);
    expect(restarted).toEqual([]);
    core!.session.customerDone();
    await vi.waitFor(() => expect(restarted).toEqual(['fleet-api']), { timeout: 10_000 });
  });

  it('status and logs while a member is on screen: the screen\'s name, never the member', async () => {
    const base = await start();
    core!.scan('https://qr.vipps.no/28/2/01/031/4712345678?v=1');
    await vi.waitFor(() => expect(core!.session.view()).toMatchObject({ screen: 'member', member: { firstName: 'Kari' } }));
    const status = await (await fetch(`${base}/v1/status`, { headers: auth })).text();
    expect(JSON.parse(status)).toMatchObject({ screen: 'member', counts: { member: 1 } });
    await pause(400);
    const logs = await (await fetch(`${base}/v1/logs?limit=1000`, { headers: auth })).text();
    expect(logs.split('\n').filter(Boolean).length).toBeGreaterThan(3);
    for (const text of [status, logs]) {
      for (const secret of ['Kari', 'Nordmann', '4712345678', 'Whopper', TOKEN]) expect(text).not.toContain(secret);
    }
  });

  it('stop() closes the API; a second stop() is the same stop', async () => {
    const base = await start();
    const first = core!.stop();
    expect(core!.stop()).toBe(first);
    await first;
    await expect(fetch(`${base}/v1/status`, { headers: auth })).rejects.toThrow();
  });
});

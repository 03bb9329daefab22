/**
 * The one binding both shells use between the core and their transport: a page that (re)connects
 * is told what it may have missed, and every change is pushed to the pages of its kind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bindCoreToTransport, type CoreTransport, type Push } from '../../electron/core/bridge/bind-core';
import { startKioskCore, type KioskCore } from '../../electron/core/kiosk-core';
import type { Page } from '../../electron/shared/contract';

const quiet = { info() {}, warn() {}, error() {} };
let core: KioskCore | null = null;
let dir = '';
afterEach(async () => {
  await core?.stop();
  core = null;
  rmSync(dir, { recursive: true, force: true });
});

/** A transport in memory: what was published, and a page that connects. */
function fakeTransport() {
  const published: string[] = [];
  let greet: ((page: Page, send: (push: Push) => void) => void) | null = null;
  const transport: CoreTransport = {
    publish: (name) => void published.push(name),
    onConnect: (listener) => void (greet = listener),
  };
  const connect = (page: Page) => {
    const received: Push[] = [];
    greet?.(page, (push) => received.push(push));
    return received;
  };
  return { transport, published, connect };
}

describe('bindCoreToTransport', () => {
  it('greets each (re)connecting page with its state, and pushes each change', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-bind-'));
    core = await startKioskCore({ userDataDir: dir, env: {}, logger: quiet });
    const { transport, published, connect } = fakeTransport();
    const unbind = bindCoreToTransport(core, transport);
    expect(connect('ui').map((push) => push.name)).toEqual(['state', 'appearance', 'keypad', 'cameraHint']);
    expect(connect('capture')).toEqual([{ name: 'cameraSettings', payload: { enabled: true, deviceId: null, fps: 10, focusDistance: null } }]);

    core.scan('123456');
    await vi.waitFor(() => expect(core?.session.view().screen).toBe('member'));
    expect(published.filter((name) => name === 'state').length).toBeGreaterThanOrEqual(2); // identifying, then member
    expect(connect('ui')[0]).toMatchObject({ name: 'state', payload: { screen: 'member' } }); // a reload catches up

    unbind();
    const before = published.length;
    core.session.done();
    expect(published).toHaveLength(before);
  });
});

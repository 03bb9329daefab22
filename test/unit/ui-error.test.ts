/**
 * A render error in the customer UI (issue 20): what the page tells main (renderer/src/ui-error-report.ts)
 * holds no customer data and no URL, and fits the contract's capped schema; main logs it as
 * `ui-error`, counts it in kiosk_ui_crashes_total, closes staff mode and goes back to `ready`,
 * where the next scan identifies.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../electron/core/bridge/handlers';
import { dispatch } from '../../electron/core/bridge/dispatch';
import { startKioskCore, type KioskCore } from '../../electron/core/kiosk-core';
import { hashPin } from '../../electron/core/staff/pin-hash';
import { UiErrorSchema } from '../../electron/shared/contract';
import type { SessionView } from '../../electron/shared/session-view';
import { uiErrorReport } from '../../renderer/src/ui-error-report';

const FARHAN: SessionView = {
  screen: 'member',
  member: { firstName: 'Farhan', points: { amount: 14464, currency: 'Burger Bucks' }, items: [{ name: 'Whopper Jr.', named: true, quantity: 1, kind: 'reward' }] },
  resetInSeconds: 15,
};
const STACK = '\n    at MemberScreen (http://127.0.0.1:4321/launch-token-0123456789/assets/index-abc.js:1:2)\n    at Screen (http://127.0.0.1:4321/launch-token-0123456789/assets/index-abc.js:1:3)\n    at Screen (x)\n    at App (y)';

describe("the page's report", () => {
  it('names the screen, the error class and the components; leaves out what the page showed of the customer, and URLs', () => {
    const error = new TypeError('cannot show Farhan Whopper Jr. in Burger Bucks, see http://127.0.0.1:4321/launch-token-0123456789/x');
    const report = uiErrorReport(error, STACK, 'member', FARHAN);
    expect(report).toEqual({ screen: 'member', errorName: 'TypeError', message: 'cannot show <customer> <customer> in <customer>, see <url>', components: ['MemberScreen', 'Screen', 'App'] });
    expect(UiErrorSchema.safeParse(report).success).toBe(true);
  });

  it("keeps React's error number (minified builds), and fits the contract whatever was thrown", () => {
    const react = new Error('Minified React error #31; visit https://react.dev/errors/31?args[]=object%20with%20keys%20%7B%7D for the full message');
    expect(uiErrorReport(react, '', 'member', null).message).toBe('Minified React error #31; visit <url> for the full message');
    for (const thrown of [undefined, null, 42, { toString: () => 'x'.repeat(10_000) }, Object.assign(new Error('y'.repeat(5000)), { name: 'Weird Name <script>' })]) {
      const report = uiErrorReport(thrown, `${'\n    at A'.repeat(100)}`, 'starting', null);
      expect(UiErrorSchema.safeParse(report).success, JSON.stringify(report)).toBe(true);
    }
  });

  it('the contract refuses a report that is too long or names something else', () => {
    const good = uiErrorReport(new Error('x'), STACK, 'ready', null);
    expect(UiErrorSchema.safeParse({ ...good, message: 'm'.repeat(301) }).success).toBe(false);
    expect(UiErrorSchema.safeParse({ ...good, components: Array(13).fill('A') }).success).toBe(false);
    expect(UiErrorSchema.safeParse({ ...good, screen: 'constructor' }).success).toBe(false);
    expect(UiErrorSchema.safeParse({ ...good, errorName: 'a b' }).success).toBe(false);
    expect(UiErrorSchema.safeParse({ ...good, extra: 1 }).success).toBe(false);
  });
});

describe('main, told of a render error', () => {
  let core: KioskCore | null = null;
  let dir = '';
  afterEach(async () => {
    await core?.stop();
    core = null;
    rmSync(dir, { recursive: true, force: true });
  });

  async function start() {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-ui-error-'));
    const file = path.join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ idleResetSeconds: 30, staff: { pinHash: await hashPin('24681357') } }));
    const logged: Array<[string, Record<string, unknown> | undefined]> = [];
    const log = (event: string, fields?: Record<string, unknown>) => void logged.push([event, fields]);
    core = await startKioskCore({ userDataDir: dir, env: { KIOSK_CONFIG: file }, logger: { info: log, warn: log, error: log } });
    return { core, logged, handlers: createHandlers(core) };
  }

  it('logs it, counts it, and takes the member screen back to ready; the next scan identifies', async () => {
    const { core, logged, handlers } = await start();
    core.scan('123456');
    await vi.waitFor(() => expect(core.session.view().screen).toBe('member'), { timeout: 8000 });
    await dispatch(handlers, 'web', 'ui', 'kiosk:ui-error', uiErrorReport(new Error('cannot show Farhan'), STACK, 'member', core.session.view()));
    expect(core.session.view()).toEqual({ screen: 'ready' });
    expect(logged.filter(([event]) => event === 'ui-error')).toEqual([['ui-error', { screen: 'member', errorName: 'Error', message: 'cannot show <customer>', components: ['MemberScreen', 'Screen', 'App'] }]]);
    core.scan('234567');
    await vi.waitFor(() => expect(core.session.view()).toMatchObject({ screen: 'member', member: { firstName: 'Ingrid' } }), { timeout: 8000 });
  });

  it('closes staff mode when the staff screens failed', async () => {
    const { core, handlers } = await start();
    expect(await core.staff.unlock('24681357')).toMatchObject({ ok: true });
    await dispatch(handlers, 'web', 'ui', 'kiosk:ui-error', uiErrorReport(new Error('x'), '', 'staff', null));
    expect(core.staff.isOpen()).toBe(false);
  });

  it('counts each in kiosk_ui_crashes_total, as the crash-loop alert reads it', async () => {
    const { core, handlers } = await start();
    const before = await metricValue(core);
    await dispatch(handlers, 'web', 'ui', 'kiosk:ui-error', uiErrorReport(new Error('x'), '', 'ready', null));
    await dispatch(handlers, 'web', 'ui', 'kiosk:ui-error', uiErrorReport(new Error('y'), '', 'ready', null));
    expect((await metricValue(core)) - before).toBe(2);
    expect(core.session.view()).toEqual({ screen: 'ready' }); // on ready nothing is reset (and nothing is pushed to fail again)
  });
});

async function metricValue(core: KioskCore): Promise<number> {
  const metrics = core.metrics as unknown as { scrape(): Promise<string> };
  const line = (await metrics.scrape()).split('\n').find((text) => text.startsWith('kiosk_ui_crashes_total'));
  return Number(line?.split(' ').at(-1) ?? NaN);
}

/**
 * The Electron kiosk's restart (electron/main/relaunch.ts), against the mocked electron module
 * (test/mocks/electron.ts, whose app.relaunch follows docs/api/app.md): the core stops first,
 * then app.relaunch() and app.quit(), in that order; an AppImage relaunches its own file;
 * a core that does not stop in time does not keep the kiosk from coming back; a quit that is
 * held up ends in app.exit(0).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../mocks/electron'));
const { app } = await import('../mocks/electron');
const { relaunchKiosk, relaunchOptions } = await import('../../electron/main/relaunch');

const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
let order: string[];

beforeEach(() => {
  order = [];
  app.relaunch.mockReset().mockImplementation(() => void order.push('relaunch'));
  app.quit.mockReset().mockImplementation(() => void order.push('quit'));
  app.exit.mockReset().mockImplementation(() => void order.push('exit'));
  app.isPackaged = false;
  log.warn.mockClear();
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('relaunching the Electron kiosk', () => {
  it('stops the core, then relaunches with the same program and arguments, then quits', async () => {
    const restart = relaunchKiosk({ stop: async () => void order.push('stop'), log, env: {}, argv: ['/opt/kiosk/kiosk', '--flag'] });
    await restart('fleet-api');
    expect(order).toEqual(['stop', 'relaunch', 'quit']);
    expect(app.relaunch).toHaveBeenCalledWith(); // no options: "the same working directory and command line arguments"
    expect(log.info).toHaveBeenCalledWith('restart-relaunching', { reason: 'fleet-api' });
  });

  it('a core that does not stop within its bound does not keep the kiosk from coming back; a held-up quit ends in exit(0)', async () => {
    const restart = relaunchKiosk({ stop: () => new Promise(() => undefined), log, env: {}, argv: [], stopTimeoutMs: 5000, exitAfterMs: 10_000 });
    const done = restart('schedule');
    await vi.advanceTimersByTimeAsync(4999);
    expect(order).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await done;
    expect(order).toEqual(['relaunch', 'quit']);
    expect(log.warn).toHaveBeenCalledWith('restart-stop-slow', expect.anything());
    await vi.advanceTimersByTimeAsync(10_000);
    expect(order).toEqual(['relaunch', 'quit', 'exit']);
    expect(app.exit).toHaveBeenCalledWith(0);
  });

  it('an installed AppImage relaunches its own file, extracted (its mount is gone once it exits)', async () => {
    app.isPackaged = true;
    const argv = ['/tmp/.mount_kioskX/kiosk', '--enable-features=X'];
    const env = { APPIMAGE: '/home/kiosk/Counter-Loyalty-Kiosk.AppImage' };
    expect(relaunchOptions(true, env, argv)).toEqual({ execPath: env.APPIMAGE, args: ['--appimage-extract-and-run', '--enable-features=X'] });
    expect(relaunchOptions(false, env, argv)).toBeUndefined(); // a development run started from some AppImage
    expect(relaunchOptions(true, {}, argv)).toBeUndefined();
    await relaunchKiosk({ stop: async () => undefined, log, env, argv })('fleet-api');
    expect(app.relaunch).toHaveBeenCalledWith({ execPath: env.APPIMAGE, args: ['--appimage-extract-and-run', '--enable-features=X'] });
  });
});

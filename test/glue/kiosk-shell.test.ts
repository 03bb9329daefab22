/**
 * The Electron shell put together around the real core (on its embedded sandbox, in a fresh
 * folder), on the faithful electron fake: the customer window on its configured screen, hidden
 * while that screen is gone, which the core tells staff and the metrics; a capture page whose
 * frames stop is reloaded by main; a quit waits for the core's stop; the uncaught-exception
 * guard gets the kiosk's log and its relaunch. electron-updater is replaced by a stand-in with
 * its event names (no `updates` section: it never checks).
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { KioskCore } from '../../electron/core/kiosk-core';
import type { DisplayHealth } from '../../electron/shared/staff-view';

vi.mock('electron', () => import('../mocks/electron'));
vi.mock('electron-updater', () => ({
  autoUpdater: Object.assign(new EventEmitter(), { setFeedURL: vi.fn(), checkForUpdates: vi.fn(async () => null), quitAndInstall: vi.fn() }),
}));
const started: { core: KioskCore | null } = { core: null };
vi.mock('../../electron/core/kiosk-core', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../electron/core/kiosk-core')>();
  return { startKioskCore: async (options: Parameters<typeof real.startKioskCore>[0]) => (started.core = await real.startKioskCore(options)) };
});

const { DEMO_PIN, DEMO_PIN_HASH } = await import('../helpers/demo-pin');
const { app, BrowserWindow, CUSTOMER_SCREEN, ipcMain, screen } = await import('../mocks/electron');
const { startElectronKiosk } = await import('../../electron/main/kiosk-shell');
const { CAPTURE_RESTART_MS } = await import('../../electron/main/watchdog');

const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-shell-'));
const configPath = path.join(dir, 'config.json');
writeFileSync(configPath, JSON.stringify({ idleResetSeconds: 30, display: { index: 1 }, staff: { pinHash: DEMO_PIN_HASH } }));
const env = { ...process.env };
afterAll(() => {
  process.env = env;
  rmSync(dir, { recursive: true, force: true });
});

describe('the Electron kiosk around the real core', () => {
  it('places its window, restarts a silent camera page, and quits only once the core has stopped', async () => {
    process.env = { ...env, KIOSK_CONFIG: configPath };
    delete process.env.KIOSK_IDENTIFY_TOKEN;
    app.getPath.mockReturnValue(dir);
    screen.reset();
    BrowserWindow.instances.length = 0;
    // The frame heartbeat's 10 s, and the watchdog's wait before a reload, on a clock the test runs.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date', 'performance'], shouldAdvanceTime: true });
    const guard = { attach: vi.fn() };
    const kiosk = await startElectronKiosk(guard);
    const core = started.core!;
    expect(guard.attach).toHaveBeenCalledWith(core.log, expect.any(Function));
    expect(typeof kiosk.relaunch).toBe('function');

    const [ui, capture] = BrowserWindow.instances;
    if (!ui || !capture) throw new Error('the kiosk opened no windows');
    await vi.waitFor(() => expect(ui.isVisible()).toBe(true));
    expect(ui.getBounds()).toEqual(CUSTOMER_SCREEN.bounds);
    expect(ui.isKiosk()).toBe(true);
    expect(capture.isVisible()).toBe(false);

    // The customer screen goes: hidden, and the core knows (staff health, kiosk_display_up).
    const displays: DisplayHealth[] = [];
    const setDisplay = core.setDisplay.bind(core);
    core.setDisplay = (health) => (displays.push(health), setDisplay(health));
    screen.unplug(CUSTOMER_SCREEN.id);
    await vi.waitFor(() => expect(displays.at(-1)).toMatchObject({ index: 1, state: 'waiting', screens: 1 }));
    expect(ui.isVisible()).toBe(false);
    screen.plug(CUSTOMER_SCREEN);
    await vi.waitFor(() => expect(ui.isVisible()).toBe(true));

    // The capture page opened the camera and then its frames stopped: main reloads the page.
    await vi.waitFor(() => expect(capture.loadURL).toHaveBeenCalledTimes(1));
    const sendState = ipcMain.handlers.get('capture:state');
    await sendState?.({ sender: capture.webContents, senderFrame: capture.webContents.mainFrame }, { state: 'running', detail: null });
    expect(core.camera.state().state).toBe('running');
    await vi.advanceTimersByTimeAsync(11_000);
    expect(core.camera.state()).toEqual({ state: 'unavailable', detail: 'FramesStalled' });
    await vi.advanceTimersByTimeAsync(CAPTURE_RESTART_MS);
    expect(capture.loadURL).toHaveBeenCalledTimes(2);
    expect(capture.loadURL).toHaveBeenLastCalledWith('kiosk://app/capture/capture.html');
    expect(ui.loadURL).toHaveBeenCalledTimes(1); // the customer's screen is left alone

    // Staff's "Quit for maintenance" is app.quit(), and quitting waits for the core.
    const order: string[] = [];
    const uiSender = { sender: ui.webContents, senderFrame: ui.webContents.mainFrame };
    expect(await ipcMain.handlers.get('staff:unlock')?.(uiSender, DEMO_PIN)).toEqual({ ok: true });
    const stop = core.stop.bind(core);
    core.stop = async () => {
      await stop();
      order.push('core stopped');
    };
    app.on('quit', () => order.push('quit'));
    expect(await ipcMain.handlers.get('staff:quit')?.(uiSender, undefined)).toEqual({ ok: true });
    await vi.advanceTimersByTimeAsync(250);
    expect(app.quit).toHaveBeenCalled();
    await vi.waitFor(() => expect(order).toEqual(['core stopped', 'quit']), { timeout: 5000 });
    vi.useRealTimers();
  }, 20_000);
});

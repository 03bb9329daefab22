/** The capture window loads its page after the customer UI has loaded, never ahead of it. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../mocks/electron'));
const { BrowserWindow } = await import('../mocks/electron');
const { CAPTURE_LOAD_FALLBACK_MS, createCaptureWindow } = await import('../../electron/main/capture-window');
const { createKioskWindow } = await import('../../electron/main/kiosk-window');

type MockWindow = InstanceType<typeof BrowserWindow>;

describe('the capture window', () => {
  beforeEach(() => {
    BrowserWindow.instances.length = 0;
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it("loads the capture page once the UI's page has loaded", () => {
    const ui = createKioskWindow('/app/preload.cjs') as unknown as MockWindow;
    const capture = createCaptureWindow('/app/preload.cjs', { loadAfter: ui.webContents as never }) as unknown as MockWindow;
    expect(ui.loadURL).toHaveBeenCalledWith('kiosk://app/index.html');
    expect(capture.loadURL).not.toHaveBeenCalled();
    ui.webContents.emit('did-finish-load');
    expect(capture.loadURL).toHaveBeenCalledWith('kiosk://app/capture/capture.html');
    // A reload of the UI later (the watchdog's) does not load the capture page again.
    ui.webContents.emit('did-finish-load');
    vi.advanceTimersByTime(CAPTURE_LOAD_FALLBACK_MS);
    expect(capture.loadURL).toHaveBeenCalledTimes(1);
  });

  it('loads it anyway when the UI never finishes loading', () => {
    const ui = createKioskWindow('/app/preload.cjs') as unknown as MockWindow;
    const capture = createCaptureWindow('/app/preload.cjs', { loadAfter: ui.webContents as never }) as unknown as MockWindow;
    vi.advanceTimersByTime(CAPTURE_LOAD_FALLBACK_MS - 1);
    expect(capture.loadURL).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(capture.loadURL).toHaveBeenCalledTimes(1);
  });

  it('loads at once when there is no UI to wait for', () => {
    const capture = createCaptureWindow('/app/preload.cjs') as unknown as MockWindow;
    expect(capture.loadURL).toHaveBeenCalledWith('kiosk://app/capture/capture.html');
  });
});

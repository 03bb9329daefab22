/**
 * The kiosk window and the screens (the fake screen emits Electron's display events, and moves a
 * window off an unplugged screen onto the primary one as the OS does): the window follows its
 * configured screen, hides and waits while that screen is gone, and is never seen on the till's.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DisplayHealth } from '../../electron/shared/staff-view';

vi.mock('electron', () => import('../mocks/electron'));
const { BrowserWindow, CUSTOMER_SCREEN, TILL_SCREEN, display, screen } = await import('../mocks/electron');
const { createKioskWindow } = await import('../../electron/main/kiosk-window');
const { isNativeWayland, pickDisplay, setupDisplayPlacement } = await import('../../electron/main/display');

type MockWindow = InstanceType<typeof BrowserWindow>;
type Rect = { x: number; y: number; width: number; height: number };
const inside = (rect: Rect, screenBounds: Rect) => rect.x >= screenBounds.x && rect.y >= screenBounds.y && rect.x + rect.width <= screenBounds.x + screenBounds.width && rect.y + rect.height <= screenBounds.y + screenBounds.height;

/** The till's screen must never show the kiosk: checked at every `show` and after every step. */
function neverOnTill(window: MockWindow) {
  const violations: Rect[] = [];
  const check = () => {
    if (window.isVisible() && inside(window.getBounds(), TILL_SCREEN.bounds)) violations.push(window.getBounds());
  };
  window.on('show', check);
  window.on('enter-full-screen', check);
  return { check, violations };
}

function kiosk(index: number | null, options: { wayland?: boolean } = {}) {
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const states: DisplayHealth[] = [];
  const start = index === null ? screen.getPrimaryDisplay() : (screen.getAllDisplays()[index] ?? screen.getPrimaryDisplay());
  let ready = () => undefined as void;
  const window = createKioskWindow('/p', { bounds: start.bounds, onReadyToShow: () => ready() }) as unknown as MockWindow;
  const guard = neverOnTill(window);
  const placement = setupDisplayPlacement({ window: window as never, screen: screen as never, index, wayland: options.wayland ?? false, log, onChange: (state) => states.push(state) });
  ready = () => placement.readyToShow();
  return { window, placement, log, states, guard, last: () => states.at(-1) };
}

beforeEach(() => {
  screen.reset();
  BrowserWindow.platform = 'linux';
});
afterEach(() => vi.useRealTimers());

describe('the screen the kiosk fills', () => {
  it('is the configured one, the primary one by default, and none (not the primary) when it is missing', () => {
    const displays = [TILL_SCREEN, CUSTOMER_SCREEN];
    expect(pickDisplay(displays, TILL_SCREEN, null)).toBe(TILL_SCREEN);
    expect(pickDisplay(displays, TILL_SCREEN, 1)).toBe(CUSTOMER_SCREEN);
    expect(pickDisplay(displays, TILL_SCREEN, 2)).toBeNull();
  });

  it('shows the window once its page is ready, in kiosk mode on the customer screen', async () => {
    const { window, placement, last, guard } = kiosk(1);
    const seen: string[] = [];
    window.prependListener('ready-to-show', () => seen.push('ready-to-show'));
    window.on('show', () => seen.push('show'));
    await placement.place('start');
    await vi.waitFor(() => expect(window.isVisible()).toBe(true)); // the page loaded (did-finish-load, ready-to-show)
    expect(seen).toEqual(['ready-to-show', 'show']); // never before it is ready: no flash
    expect(window.isKiosk()).toBe(true);
    expect(window.getBounds()).toEqual(CUSTOMER_SCREEN.bounds);
    expect(last()).toMatchObject({ index: 1, state: 'shown', screens: 2, wayland: false });
    expect(guard.violations).toEqual([]);
  });
});

describe('screens that come and go', () => {
  it('customer screen unplugged: hidden at once (the OS had moved it onto the till), waits, logged; plugged back: placed and shown again', async () => {
    const { window, placement, log, last, guard } = kiosk(1);
    await placement.place('start');
    await vi.waitFor(() => expect(window.isVisible()).toBe(true));

    screen.unplug(CUSTOMER_SCREEN.id);
    await vi.waitFor(() => expect(last()?.state).toBe('waiting'));
    expect(window.isVisible()).toBe(false);
    expect(log.warn).toHaveBeenCalledWith('display-missing', expect.objectContaining({ index: 1, screens: 1, reason: 'display-removed' }));
    expect(last()).toMatchObject({ index: 1, state: 'waiting', screens: 1 });

    // Another change while it waits (the till's resolution): still hidden, logged once.
    screen.change(TILL_SCREEN.id, { x: 0, y: 0, width: 1280, height: 1024 });
    await placement.place('check');
    expect(window.isVisible()).toBe(false);
    expect(log.warn.mock.calls.filter(([event]) => event === 'display-missing')).toHaveLength(1);

    window.setKiosk.mockClear();
    window.setBounds.mockClear();
    screen.plug(display(3, { x: 1280, y: 0, width: 1080, height: 1920 }, 'Customer (replugged)'));
    await vi.waitFor(() => expect(window.isVisible()).toBe(true));
    // Out of kiosk mode, moved, back into kiosk mode on the new screen: in that order.
    expect(window.setKiosk.mock.invocationCallOrder[0]).toBeLessThan(window.setBounds.mock.invocationCallOrder[0]!);
    expect(window.setBounds.mock.invocationCallOrder[0]).toBeLessThan(window.setKiosk.mock.invocationCallOrder[1]!);
    expect(window.setKiosk.mock.calls).toEqual([[false], [true]]);
    expect(window.getBounds()).toEqual({ x: 1280, y: 0, width: 1080, height: 1920 });
    expect(window.isKiosk()).toBe(true);
    expect(log.info).toHaveBeenCalledWith('display-back', expect.objectContaining({ index: 1, screens: 2 }));
    expect(last()).toMatchObject({ state: 'shown', screens: 2 });
    guard.check();
    expect(guard.violations).toEqual([]);
  });

  it('customer screen off at boot: the window is never shown, whatever the page does, until the screen comes', async () => {
    screen.displays = [TILL_SCREEN];
    const { window, placement, log, last, guard } = kiosk(1);
    await placement.place('start');
    expect(log.warn).toHaveBeenCalledWith('display-missing', expect.objectContaining({ index: 1, screens: 1, reason: 'start' }));
    await vi.waitFor(() => expect(window.loadURL).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 20)); // the page loaded and was ready to show
    expect(window.isVisible()).toBe(false);
    expect(last()).toMatchObject({ state: 'waiting' });
    screen.plug(CUSTOMER_SCREEN);
    await vi.waitFor(() => expect(window.isVisible()).toBe(true));
    expect(window.getBounds()).toEqual(CUSTOMER_SCREEN.bounds);
    expect(guard.violations).toEqual([]);
  });

  it('follows its screen when that screen changes resolution or rotates (display-metrics-changed)', async () => {
    const { window, placement } = kiosk(1);
    await placement.place('start');
    screen.change(CUSTOMER_SCREEN.id, { x: 1920, y: 0, width: 1920, height: 1080 });
    await vi.waitFor(() => expect(window.getBounds()).toEqual({ x: 1920, y: 0, width: 1920, height: 1080 }));
    expect(window.isKiosk()).toBe(true);
  });

  it('with no display.index, fills the primary screen and follows it', async () => {
    const { window, placement, last } = kiosk(null);
    await placement.place('start');
    expect(window.getBounds()).toEqual(TILL_SCREEN.bounds);
    screen.change(TILL_SCREEN.id, { x: 0, y: 0, width: 1280, height: 1024 });
    await vi.waitFor(() => expect(window.getBounds()).toEqual({ x: 0, y: 0, width: 1280, height: 1024 }));
    expect(last()).toMatchObject({ index: null, state: 'shown' });
  });

  it('on macOS waits for each fullscreen transition before the next step', async () => {
    vi.useFakeTimers();
    BrowserWindow.platform = 'darwin';
    const { window, placement } = kiosk(1);
    await vi.advanceTimersByTimeAsync(600); // entering kiosk mode at creation
    await placement.place('start');
    screen.change(CUSTOMER_SCREEN.id, { x: 1920, y: 0, width: 1200, height: 1920 });
    await vi.advanceTimersByTimeAsync(100);
    expect(window.setKiosk).toHaveBeenLastCalledWith(false);
    expect(window.setBounds).not.toHaveBeenCalled(); // still leaving fullscreen
    await vi.advanceTimersByTimeAsync(500);
    expect(window.setBounds).toHaveBeenCalledWith({ x: 1920, y: 0, width: 1200, height: 1920 });
    await vi.advanceTimersByTimeAsync(600);
    expect(window.isFullScreen()).toBe(true);
    expect(window.getBounds()).toEqual({ x: 1920, y: 0, width: 1200, height: 1920 });
  });

  it('stops listening to the screens when the app quits', async () => {
    const { window, placement } = kiosk(1);
    await placement.place('start');
    placement.stop();
    expect(screen.listenerCount('display-removed')).toBe(0);
    window.setBounds.mockClear();
    screen.change(CUSTOMER_SCREEN.id, { x: 1920, y: 0, width: 800, height: 600 });
    expect(window.setBounds).not.toHaveBeenCalled();
  });
});

describe('Wayland', () => {
  it('is recognised from the session, unless the kiosk was started with --ozone-platform=x11', () => {
    expect(isNativeWayland('linux', { XDG_SESSION_TYPE: 'wayland' }, '')).toBe(true);
    expect(isNativeWayland('linux', { WAYLAND_DISPLAY: 'wayland-0' }, '')).toBe(true);
    expect(isNativeWayland('linux', { XDG_SESSION_TYPE: 'wayland' }, 'x11')).toBe(false);
    expect(isNativeWayland('linux', { XDG_SESSION_TYPE: 'x11' }, '')).toBe(false);
    expect(isNativeWayland('win32', { WAYLAND_DISPLAY: 'wayland-0' }, '')).toBe(false);
  });

  it('with a configured screen, says it cannot place the window there and what to do, and tells staff', async () => {
    const { log, placement, last } = kiosk(1, { wayland: true });
    await placement.place('start');
    expect(log.warn).toHaveBeenCalledWith('display-wayland', expect.objectContaining({ message: expect.stringContaining('--ozone-platform=x11') }));
    expect(last()).toMatchObject({ wayland: true });
  });
});

/**
 * The kiosk window's lock-down (electron mock): each shortcut that reloads, closes, zooms,
 * prints or opens devtools is swallowed before the page; the keys customers and staff need are
 * not; the window closes only when the app quits; zoom stays at 100 %; devtools close in
 * packaged builds; the pointer hides on request; the display never sleeps.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ShortcutInput } from '../../electron/core/lockdown/blocked-shortcuts';

vi.mock('electron', () => import('../mocks/electron'));
const { app, autoUpdater, BrowserWindow, electronEvent, inputEvent, powerSaveBlocker } = await import('../mocks/electron');
const { setupLockdown, preventDisplaySleep } = await import('../../electron/main/lockdown');
const { createKioskWindow } = await import('../../electron/main/kiosk-window');

type MockWindow = InstanceType<typeof BrowserWindow>;
const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

/** A key as Electron reports it to `before-input-event` (test/mocks/electron.ts, `inputEvent`); true if it was swallowed. */
function press(window: MockWindow, key: string, code: string, mods: Partial<ShortcutInput> = {}) {
  const event = electronEvent();
  window.webContents.emit('before-input-event', event, inputEvent({ key, code, control: mods.control, alt: mods.alt, meta: mods.meta, shift: mods.shift }));
  return event.defaultPrevented;
}

function lockedWindow(options: { packaged?: boolean; hideCursor?: boolean } = {}) {
  const window = new BrowserWindow({}) as MockWindow;
  setupLockdown(window as never, { packaged: options.packaged ?? true, hideCursor: () => options.hideCursor ?? false, log });
  return { window };
}

beforeEach(() => {
  log.info.mockClear();
  app.removeAllListeners('before-quit');
  autoUpdater.removeAllListeners('before-quit-for-update');
});

describe('shortcuts', () => {
  it.each([
    ['reload: F5', 'F5', 'F5', {}, 'reload'],
    ['reload: Ctrl+R', 'r', 'KeyR', { control: true }, 'reload'],
    ['reload: Ctrl+Shift+R', 'R', 'KeyR', { control: true, shift: true }, 'reload'],
    ['reload: Cmd+R', 'r', 'KeyR', { meta: true }, 'reload'],
    ['reload: Ctrl+F5', 'F5', 'F5', { control: true }, 'reload'],
    ['close: Alt+F4', 'F4', 'F4', { alt: true }, 'close'],
    ['close: Ctrl+W', 'w', 'KeyW', { control: true }, 'close'],
    ['close: Ctrl+F4', 'F4', 'F4', { control: true }, 'close'],
    ['close: Cmd+W', 'w', 'KeyW', { meta: true }, 'close'],
    ['quit: Ctrl+Q', 'q', 'KeyQ', { control: true }, 'quit'],
    ['quit: Cmd+Q', 'q', 'KeyQ', { meta: true }, 'quit'],
    ['zoom in: Ctrl+=', '=', 'Equal', { control: true }, 'zoom'],
    ['zoom in: Ctrl+Shift+=', '+', 'Equal', { control: true, shift: true }, 'zoom'],
    ['zoom in: Ctrl+numpad +', '+', 'NumpadAdd', { control: true }, 'zoom'],
    ['zoom out: Ctrl+-', '-', 'Minus', { control: true }, 'zoom'],
    ['zoom reset: Ctrl+0', '0', 'Digit0', { control: true }, 'zoom'],
    ['zoom on a Norwegian layout: Ctrl++ (the key right of 0)', '+', 'Minus', { control: true }, 'zoom'],
    ['print: Ctrl+P', 'p', 'KeyP', { control: true }, 'print'],
    ['print: Cmd+P', 'p', 'KeyP', { meta: true }, 'print'],
    ['devtools: F12', 'F12', 'F12', {}, 'devtools'],
    ['devtools: Ctrl+Shift+I', 'I', 'KeyI', { control: true, shift: true }, 'devtools'],
    ['devtools: Ctrl+Shift+J', 'J', 'KeyJ', { control: true, shift: true }, 'devtools'],
    ['devtools: Ctrl+Shift+C', 'C', 'KeyC', { control: true, shift: true }, 'devtools'],
    ['devtools: Cmd+Option+I', 'ˆ', 'KeyI', { meta: true, alt: true }, 'devtools'],
    ['view source: Ctrl+U', 'u', 'KeyU', { control: true }, 'viewSource'],
    ['fullscreen: F11', 'F11', 'F11', {}, 'fullscreen'],
    ['new window: Ctrl+N', 'n', 'KeyN', { control: true }, 'newWindow'],
    ['new tab: Ctrl+T', 't', 'KeyT', { control: true }, 'newWindow'],
    ['back: Alt+Left', 'ArrowLeft', 'ArrowLeft', { alt: true }, 'navigate'],
    ['find: Ctrl+F', 'f', 'KeyF', { control: true }, 'find'],
    ['save: Ctrl+S', 's', 'KeyS', { control: true }, 'save'],
    ['a Ctrl+R typed on an AZERTY layout (by physical key)', 'r', 'KeyR', { control: true }, 'reload'],
    ['a Ctrl+W on a layout where the key says "z"', 'z', 'KeyW', { control: true }, 'close'],
  ])('swallows %s', (_name, key, code, mods, action) => {
    const { window } = lockedWindow();
    expect(press(window, key, code, mods)).toBe(true);
    expect(log.info).toHaveBeenCalledWith('shortcut-blocked', { action });
  });

  it.each([
    ['the staff shortcut Ctrl+Alt+S', 's', 'KeyS', { control: true, alt: true }],
    ['Enter (Done)', 'Enter', 'Enter', {}],
    ['Tab', 'Tab', 'Tab', {}],
    ['a digit', '1', 'Digit1', {}],
    ['Backspace (staff fields)', 'Backspace', 'Backspace', {}],
    ['Ctrl+A (staff fields)', 'a', 'KeyA', { control: true }],
    ['Ctrl+C', 'c', 'KeyC', { control: true }],
    ['Ctrl+V', 'v', 'KeyV', { control: true }],
    ['Ctrl+Z', 'z', 'KeyZ', { control: true }],
    ['AltGr+Q on a German layout ("@", reported as Ctrl+Alt)', '@', 'KeyQ', { control: true, alt: true }],
    ['AltGr+0 on a German or Nordic layout ("}")', '}', 'Digit0', { control: true, alt: true }],
    ['AltGr+ß on a German layout ("\\")', '\\', 'Minus', { control: true, alt: true }],
    ['AltGr+E ("€")', '€', 'KeyE', { control: true, alt: true }],
  ])('lets %s through', (_name, key, code, mods) => {
    const { window } = lockedWindow();
    expect(press(window, key, code, mods)).toBe(false);
  });

  it('ignores key-up events (the key-down was already decided)', () => {
    const { window } = lockedWindow();
    const event = electronEvent();
    window.webContents.emit('before-input-event', event, inputEvent({ type: 'keyUp', key: 'F5', code: 'F5' }));
    expect(event.defaultPrevented).toBe(false);
  });
});

describe('the window', () => {
  it('refuses to close (Alt+F4 at the OS, the close button) until the app quits', () => {
    const { window } = lockedWindow();
    const attempt = { preventDefault: vi.fn() };
    window.emit('close', attempt);
    expect(attempt.preventDefault).toHaveBeenCalled();
    app.emit('before-quit');
    const onQuit = { preventDefault: vi.fn() };
    window.emit('close', onQuit);
    expect(onQuit.preventDefault).not.toHaveBeenCalled();
  });

  it('closes for an update install: the installer announces it before it closes the windows', () => {
    const { window } = lockedWindow();
    autoUpdater.emit('before-quit-for-update');
    const event = { preventDefault: vi.fn() };
    window.emit('close', event);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('pins zoom at 100 %: no pinch zoom, and any zoom change is undone', () => {
    const { window } = lockedWindow();
    expect(window.webContents.setVisualZoomLevelLimits).toHaveBeenCalledWith(1, 1);
    window.webContents.emit('zoom-changed', electronEvent(), 'in'); // web-contents.md: `event`, `zoomDirection`
    expect(window.webContents.setZoomLevel).toHaveBeenCalledWith(0);
  });

  it('closes devtools at once in packaged builds, and leaves them to developers otherwise', () => {
    const packaged = lockedWindow({ packaged: true }).window;
    packaged.webContents.emit('devtools-opened');
    expect(packaged.webContents.closeDevTools).toHaveBeenCalled();
    const development = lockedWindow({ packaged: false }).window;
    development.webContents.emit('devtools-opened');
    expect(development.webContents.closeDevTools).not.toHaveBeenCalled();
  });

  it('hides the pointer on every page load when configured, and not otherwise', () => {
    const hidden = lockedWindow({ hideCursor: true }).window;
    hidden.webContents.emit('did-finish-load');
    expect(hidden.webContents.insertCSS).toHaveBeenCalledWith(expect.stringContaining('cursor: none'), { cssOrigin: 'user' });
    const shown = lockedWindow({ hideCursor: false }).window;
    shown.webContents.emit('did-finish-load');
    expect(shown.webContents.insertCSS).not.toHaveBeenCalled();
  });

  it('keeps the display awake', () => {
    preventDisplaySleep();
    expect(powerSaveBlocker.start).toHaveBeenCalledWith('prevent-display-sleep');
  });

  it('is a kiosk-mode, fullscreen, frameless window on the given screen, with devtools only when asked', () => {
    BrowserWindow.instances.length = 0;
    createKioskWindow('/p', { bounds: { x: 1080, y: 0, width: 1080, height: 1920 }, devTools: false });
    const options = BrowserWindow.instances[0]?.options as { webPreferences: Record<string, unknown> } & Record<string, unknown>;
    expect(options).toMatchObject({ kiosk: true, fullscreen: true, frame: false, x: 1080, y: 0, width: 1080, height: 1920 });
    expect(options.webPreferences).toMatchObject({ devTools: false, disableBlinkFeatures: 'Auxclick' });
  });
});

import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../mocks/electron'));
const { BrowserWindow, electronEvent, inputEvent } = await import('../mocks/electron');
const { setupWedgeInput } = await import('../../electron/main/wedge-input');

/** A key as Electron reports it to `before-input-event` (test/mocks/electron.ts, `inputEvent`). */
function press(window: InstanceType<typeof BrowserWindow>, key: string, type: 'keyDown' | 'keyUp' = 'keyDown', modifiers: { control?: boolean } = {}) {
  const event = electronEvent();
  const preventDefault = vi.spyOn(event, 'preventDefault');
  window.webContents.emit('before-input-event', event, inputEvent({ type, key, ...modifiers }));
  return preventDefault;
}

describe('keyboard-wedge input in main', () => {
  it('feeds every key down to the detector and keeps scanner keys from the page', () => {
    const window = new BrowserWindow({});
    const keyInput = vi.fn();
    setupWedgeInput(window as never, { keyInput, staff: { isOpen: () => false } });
    for (const digit of '123456') expect(press(window, digit)).toHaveBeenCalled();
    expect(press(window, 'Enter')).toHaveBeenCalled(); // the burst's Enter must not press Done
    expect(keyInput).toHaveBeenCalledTimes(7);
    expect(keyInput.mock.calls.map(([key]) => (key as { key: string }).key).join('')).toBe('123456Enter');
  });

  it('lets a lone Enter through (a keyboard user pressing Done), and ignores key-ups', async () => {
    const window = new BrowserWindow({});
    const keyInput = vi.fn();
    setupWedgeInput(window as never, { keyInput, staff: { isOpen: () => false } });
    expect(press(window, 'Enter')).not.toHaveBeenCalled();
    expect(press(window, '1', 'keyUp')).not.toHaveBeenCalled();
    expect(keyInput).toHaveBeenCalledTimes(1);
  });
});

describe('staff mode open in Electron', () => {
  it('leaves every key to the staff form and feeds none to the detector', () => {
    const window = new BrowserWindow({});
    const keyInput = vi.fn();
    let open = true;
    setupWedgeInput(window as never, { keyInput, staff: { isOpen: () => open } });
    for (const char of 'https://loyalty.example.com') expect(press(window, char)).not.toHaveBeenCalled();
    expect(keyInput).not.toHaveBeenCalled();
    open = false; // staff left: scanner keys are withheld again
    expect(press(window, '1')).toHaveBeenCalled();
    expect(keyInput).toHaveBeenCalledTimes(1);
  });
});

describe('a held key in Electron', () => {
  it('is kept from the page but never fed to the detector (repeats are faster than any scanner)', () => {
    const window = new BrowserWindow({});
    const keyInput = vi.fn();
    setupWedgeInput(window as never, { keyInput, staff: { isOpen: () => false } });
    const event = electronEvent();
    window.webContents.emit('before-input-event', event, inputEvent({ key: '1', code: 'Digit1', isAutoRepeat: true }));
    expect(event.defaultPrevented).toBe(true);
    expect(keyInput).not.toHaveBeenCalled();
  });
});

describe('Caps Lock in Electron', () => {
  it('is read from the input\'s modifiers (input-event.md: `capslock`) and handed to the detector', () => {
    const window = new BrowserWindow({});
    const keyInput = vi.fn();
    setupWedgeInput(window as never, { keyInput, staff: { isOpen: () => false } });
    window.webContents.emit('before-input-event', electronEvent(), inputEvent({ key: 'A', code: 'KeyA', capsLock: true }));
    window.webContents.emit('before-input-event', electronEvent(), inputEvent({ key: 'a', code: 'KeyA' }));
    expect(keyInput.mock.calls.map(([key]) => (key as { capsLock: boolean }).capsLock)).toEqual([true, false]);
  });
});

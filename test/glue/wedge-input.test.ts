import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../mocks/electron'));
const { BrowserWindow } = await import('../mocks/electron');
const { setupWedgeInput } = await import('../../electron/main/wedge-input');

function press(window: InstanceType<typeof BrowserWindow>, key: string, type = 'keyDown', modifiers: { control?: boolean } = {}) {
  const event = { preventDefault: vi.fn() };
  window.webContents.emit('before-input-event', event, { type, key, code: '', control: false, alt: false, meta: false, shift: false, ...modifiers });
  return event.preventDefault;
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
    const event = { preventDefault: vi.fn() };
    window.webContents.emit('before-input-event', event, { type: 'keyDown', key: '1', code: 'Digit1', control: false, alt: false, meta: false, shift: false, isAutoRepeat: true });
    expect(event.preventDefault).toHaveBeenCalled();
    expect(keyInput).not.toHaveBeenCalled();
  });
});

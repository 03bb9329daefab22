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
    setupWedgeInput(window as never, { keyInput });
    for (const digit of '123456') expect(press(window, digit)).toHaveBeenCalled();
    expect(press(window, 'Enter')).toHaveBeenCalled(); // the burst's Enter must not press Done
    expect(keyInput).toHaveBeenCalledTimes(7);
    expect(keyInput.mock.calls.map(([key]) => (key as { key: string }).key).join('')).toBe('123456Enter');
  });

  it('lets a lone Enter through (a keyboard user pressing Done), and ignores key-ups', async () => {
    const window = new BrowserWindow({});
    const keyInput = vi.fn();
    setupWedgeInput(window as never, { keyInput });
    expect(press(window, 'Enter')).not.toHaveBeenCalled();
    expect(press(window, '1', 'keyUp')).not.toHaveBeenCalled();
    expect(keyInput).toHaveBeenCalledTimes(1);
  });
});

describe('a held key in Electron', () => {
  it('is kept from the page but never fed to the detector (repeats are faster than any scanner)', () => {
    const window = new BrowserWindow({});
    const keyInput = vi.fn();
    setupWedgeInput(window as never, { keyInput });
    const event = { preventDefault: vi.fn() };
    window.webContents.emit('before-input-event', event, { type: 'keyDown', key: '1', code: 'Digit1', control: false, alt: false, meta: false, shift: false, isAutoRepeat: true });
    expect(event.preventDefault).toHaveBeenCalled();
    expect(keyInput).not.toHaveBeenCalled();
  });
});

/**
 * The support desk's screenshot in Electron (electron/main/screen-capture.ts): the customer
 * window's webContents.capturePage() as a PNG; an empty image (a window not shown: Electron's
 * own spec test) is an error, not a blank picture; a destroyed window too. The fake's
 * behaviour and its sources: test/mocks/electron.ts.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../mocks/electron'));
const { BrowserWindow } = await import('../mocks/electron');
const { captureCustomerScreen } = await import('../../electron/main/screen-capture');

type Window = Parameters<typeof captureCustomerScreen>[0];

describe('capturing the customer screen', () => {
  it('gives the shown window\'s page as a PNG', async () => {
    const window = new BrowserWindow({ show: false });
    window.show();
    const png = await captureCustomerScreen(window as unknown as Window)();
    expect(png.subarray(0, 4).toString('latin1')).toBe('\x89PNG');
    expect(window.webContents.capturePage).toHaveBeenCalledWith();
  });

  it('refuses an empty capture (a window not shown) and a window that is gone', async () => {
    const hidden = new BrowserWindow({ show: false }); // browser-window.md: `show` defaults to true
    await expect(captureCustomerScreen(hidden as unknown as Window)()).rejects.toThrow('the customer window shows nothing to capture (hidden or not yet shown)');
    const gone = new BrowserWindow({});
    gone.isDestroyed.mockReturnValue(true);
    await expect(captureCustomerScreen(gone as unknown as Window)()).rejects.toThrow('the customer window is gone');
    expect(gone.webContents.capturePage).not.toHaveBeenCalled();
  });
});

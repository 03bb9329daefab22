import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../mocks/electron'));
const { BrowserWindow, electronEvent } = await import('../mocks/electron');
const { createKioskWindow } = await import('../../electron/main/kiosk-window');

function navigationEvent() {
  return { preventDefault: vi.fn() };
}

describe('the kiosk window', () => {
  beforeEach(() => {
    BrowserWindow.instances.length = 0;
  });

  it('is sandboxed and isolated, without Node, webviews or insecure content', () => {
    createKioskWindow('/app/preload.cjs');
    const prefs = BrowserWindow.instances[0]?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      preload: '/app/preload.cjs',
    });
  });

  it('loads the UI from the app protocol, not file://', () => {
    const window = createKioskWindow('/app/preload.cjs') as unknown as InstanceType<typeof BrowserWindow>;
    expect(window.loadURL).toHaveBeenCalledWith('kiosk://app/index.html');
  });

  it('denies window.open', () => {
    const window = createKioskWindow('/p') as unknown as InstanceType<typeof BrowserWindow>;
    expect(window.webContents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('denies navigation and redirects away from the app, and webviews', () => {
    const window = createKioskWindow('/p') as unknown as InstanceType<typeof BrowserWindow>;
    // Both events pass an Event with `url` first, then the URL again (deprecated): web-contents.md.
    expect(window.webContents.navigate('https://evil.example/')).toBe(true);
    expect(window.webContents.navigate('file:///etc/passwd')).toBe(true);
    const lookalike = electronEvent({ url: 'kiosk://app.evil/' });
    window.webContents.emit('will-redirect', lookalike, 'kiosk://app.evil/');
    expect(lookalike.defaultPrevented).toBe(true);
    expect(window.webContents.navigate('kiosk://app/index.html')).toBe(false);
    const webview = navigationEvent();
    window.webContents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });
});

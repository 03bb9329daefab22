import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../mocks/electron'));
const { BrowserWindow } = await import('../mocks/electron');
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
    const away = navigationEvent();
    window.webContents.emit('will-navigate', away, 'https://evil.example/');
    expect(away.preventDefault).toHaveBeenCalled();
    const fileUrl = navigationEvent();
    window.webContents.emit('will-navigate', fileUrl, 'file:///etc/passwd');
    expect(fileUrl.preventDefault).toHaveBeenCalled();
    const lookalike = navigationEvent();
    window.webContents.emit('will-redirect', lookalike, 'kiosk://app.evil/');
    expect(lookalike.preventDefault).toHaveBeenCalled();
    const inside = navigationEvent();
    window.webContents.emit('will-navigate', inside, 'kiosk://app/index.html');
    expect(inside.preventDefault).not.toHaveBeenCalled();
    const webview = navigationEvent();
    window.webContents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });
});

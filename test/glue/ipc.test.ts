import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../electron/shared/contract';

vi.mock('electron', () => import('../mocks/electron'));
const { ipcMain, MockWebContents } = await import('../mocks/electron');
const { setupIpc } = await import('../../electron/main/ipc');

function handlers() {
  return {
    getState: vi.fn(() => ({ screen: 'ready' as const })),
    getAppearance: vi.fn(),
    done: vi.fn(),
    stillHere: vi.fn(),
    uiError: vi.fn(),
    keyInput: vi.fn(),
    cameraSettings: vi.fn(() => ({ enabled: true, deviceId: null, fps: 10, focusDistance: null })),
    decoded: vi.fn(),
    cameraState: vi.fn(),
    preview: vi.fn(),
    cameraDevices: vi.fn(),
    decodeTimes: vi.fn(),
    frames: vi.fn(),
    cameraTuning: vi.fn(),
    codeUnread: vi.fn(),
    getKeypad: vi.fn(() => ({ enabled: true, open: false, restSeconds: null, idleSeconds: 15 })),
    keypadOpen: vi.fn(() => ({ enabled: true, open: true, restSeconds: null, idleSeconds: 15 })),
    keypadClose: vi.fn(),
    keypadSubmit: vi.fn(() => ({ ok: true as const })),
    staffUnlock: vi.fn(async () => ({ ok: true as const })),
    staffSettings: vi.fn(),
    staffSave: vi.fn(async () => ({ ok: true as const })),
    staffTestConnection: vi.fn(),
    staffHealth: vi.fn(),
    staffClose: vi.fn(),
    staffQuit: vi.fn(),
    staffFactoryReset: vi.fn(),
  } satisfies Handlers;
}

/** ipc-main.md `handle`: the listener gets an IpcMainInvokeEvent (`sender`, `senderFrame`: a WebFrameMain or null) and the arguments. */
function invoke(channel: string, sender: InstanceType<typeof MockWebContents>, arg?: unknown, frame: { url: string } | null = sender.mainFrame) {
  const handler = ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return Promise.resolve().then(() => handler({ type: 'frame', processId: 1, frameId: 1, sender, senderFrame: frame }, arg));
}

describe('the IPC bridge in main', () => {
  beforeEach(() => ipcMain.handlers.clear());

  it('registers the contract channels Electron serves, and not the web shell-only key channel', () => {
    setupIpc(handlers());
    expect([...ipcMain.handlers.keys()].sort()).toEqual([
      'capture:code-unread',
      'capture:decode-times',
      'capture:decoded',
      'capture:devices',
      'capture:frames',
      'capture:preview',
      'capture:settings',
      'capture:state',
      'capture:tuning',
      'keypad:close',
      'keypad:get',
      'keypad:open',
      'keypad:submit',
      'kiosk:done',
      'kiosk:get-appearance',
      'kiosk:get-state',
      'kiosk:still-here',
      'kiosk:ui-error',
      'staff:close',
      'staff:factory-reset',
      'staff:health',
      'staff:quit',
      'staff:save',
      'staff:settings',
      'staff:test-connection',
      'staff:unlock',
    ]);
  });

  it('takes camera requests only from the capture window, and UI requests only from the UI', async () => {
    const impl = handlers();
    const bridge = setupIpc(impl);
    const ui = new MockWebContents();
    const capture = new MockWebContents();
    capture.mainFrame.url = 'kiosk://app/capture/capture.html';
    bridge.trust(ui as never, 'ui');
    bridge.trust(capture as never, 'capture');
    await expect(invoke('capture:decoded', ui, '123456')).rejects.toThrow(/Unknown channel/);
    await expect(invoke('kiosk:done', capture)).rejects.toThrow(/Unknown channel/);
    await invoke('capture:decoded', capture, '123456');
    expect(impl.decoded).toHaveBeenCalledWith('123456');
    expect(impl.done).not.toHaveBeenCalled();
    // A window trusted as the capture page but showing another page is refused.
    capture.mainFrame.url = 'kiosk://app/index.html';
    await expect(invoke('capture:decoded', capture, '654321')).rejects.toThrow(/unknown sender/);
  });

  it('answers a request from the trusted window', async () => {
    const impl = handlers();
    const bridge = setupIpc(impl);
    const contents = new MockWebContents();
    bridge.trust(contents as never, 'ui');
    await expect(invoke('kiosk:get-state', contents)).resolves.toEqual({ screen: 'ready' });
    await invoke('kiosk:done', contents);
    expect(impl.done).toHaveBeenCalledTimes(1);
  });

  it('refuses a window main did not create, a sub-frame, and a foreign origin, without reaching the handler', async () => {
    const impl = handlers();
    const bridge = setupIpc(impl);
    const trusted = new MockWebContents();
    bridge.trust(trusted as never, 'ui');
    await expect(invoke('kiosk:done', new MockWebContents())).rejects.toThrow(/unknown sender/);
    await expect(invoke('kiosk:done', trusted, undefined, { url: 'kiosk://app/index.html' })).rejects.toThrow(/unknown sender/); // a different frame object: a sub-frame
    await expect(invoke('kiosk:done', trusted, undefined, null)).rejects.toThrow(/unknown sender/); // a frame that navigated away or was destroyed
    trusted.mainFrame.url = 'https://evil.example/';
    await expect(invoke('kiosk:done', trusted)).rejects.toThrow(/unknown sender/);
    expect(impl.done).not.toHaveBeenCalled();
  });

  it('rejects arguments that fail the schema before the handler runs', async () => {
    const impl = handlers();
    const bridge = setupIpc(impl);
    const contents = new MockWebContents();
    bridge.trust(contents as never, 'ui');
    await expect(invoke('kiosk:done', contents, { wipe: false })).rejects.toThrow(/Invalid argument for kiosk:done/);
    await expect(invoke('kiosk:get-state', contents, 'x'.repeat(10))).rejects.toThrow(/Invalid argument/);
    expect(impl.done).not.toHaveBeenCalled();
    expect(impl.getState).not.toHaveBeenCalled();
  });

  it('pushes events only to trusted, living windows', () => {
    const bridge = setupIpc(handlers());
    const trusted = new MockWebContents();
    const other = new MockWebContents();
    bridge.trust(trusted as never, 'ui');
    const capture = new MockWebContents();
    bridge.trust(capture as never, 'capture');
    bridge.publish('state', { screen: 'identifying' });
    expect(trusted.send).toHaveBeenCalledWith('kiosk:state', { screen: 'identifying' });
    expect(capture.send).not.toHaveBeenCalled(); // the capture page gets only its own events
    expect(other.send).not.toHaveBeenCalled();
    trusted.emit('destroyed');
    bridge.publish('state', { screen: 'ready' });
    expect(trusted.send).toHaveBeenCalledTimes(1);
  });

  it('greets a trusted page each time it (re)loads, as the web shell greets a (re)connecting socket', () => {
    const bridge = setupIpc(handlers());
    const ui = new MockWebContents();
    const capture = new MockWebContents();
    capture.mainFrame.url = 'kiosk://app/capture/capture.html';
    bridge.onConnect((page, send) => (page === 'capture' ? send({ name: 'cameraSettings', payload: { enabled: true, deviceId: null, fps: 10, focusDistance: null } }) : send({ name: 'state', payload: { screen: 'ready' } })));
    bridge.trust(ui as never, 'ui');
    bridge.trust(capture as never, 'capture');
    ui.emit('did-finish-load');
    capture.emit('did-finish-load');
    ui.emit('did-finish-load'); // reloaded by the watchdog after a crash
    expect(ui.send.mock.calls).toEqual([
      ['kiosk:state', { screen: 'ready' }],
      ['kiosk:state', { screen: 'ready' }],
    ]);
    expect(capture.send.mock.calls).toEqual([['capture:settings-changed', { enabled: true, deviceId: null, fps: 10, focusDistance: null }]]);
  });
});

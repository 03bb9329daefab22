import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../mocks/electron'));
vi.stubGlobal('location', new URL('kiosk://app/index.html'));
const { contextBridge, ipcRenderer } = await import('../mocks/electron');
await import('../../electron/preload/preload');

describe('the preload', () => {
  const [name, api] = contextBridge.exposeInMainWorld.mock.calls[0] as [string, Record<string, (...args: unknown[]) => unknown>];

  it('exposes window.kiosk built from the contract: requests and subscriptions only', () => {
    expect(name).toBe('kiosk');
    expect(Object.keys(api).sort()).toEqual([
      'done',
      'getAppearance',
      'getKeypad',
      'getState',
      'keypadClose',
      'keypadOpen',
      'keypadSubmit',
      'onAppearance',
      'onCameraHint',
      'onKeypad',
      'onKeypadKeys',
      'onPreview',
      'onReload',
      'onState',
      'staffClose',
      'staffFactoryReset',
      'staffHealth',
      'staffQuit',
      'staffSave',
      'staffSettings',
      'staffTestConnection',
      'staffUnlock',
      'stillHere',
      'uiError',
    ]);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends intents over their contract channels', async () => {
    await api.done?.();
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('kiosk:done', undefined);
  });

  it('subscribes to pushes and returns an unsubscribe function', () => {
    const listener = vi.fn();
    const unsubscribe = api.onState?.(listener) as () => void;
    const [channel, wrapped] = ipcRenderer.on.mock.calls[0] as [string, (event: unknown, payload: unknown) => void];
    expect(channel).toBe('kiosk:state');
    wrapped({ sender: 'ipc' }, { screen: 'ready' }); // ipc-renderer.md: `listener(event, args...)`
    expect(listener).toHaveBeenCalledWith({ screen: 'ready' }); // the IPC event object never reaches the page
    unsubscribe();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith('kiosk:state', wrapped);
  });
});

import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../mocks/electron'));
vi.stubGlobal('location', new URL('kiosk://app/capture/capture.html'));
const { contextBridge, ipcRenderer } = await import('../mocks/electron');
await import('../../electron/preload/preload');

describe('the preload on the capture page', () => {
  it('exposes only the capture API, as window.kioskCapture', async () => {
    const [name, api] = contextBridge.exposeInMainWorld.mock.calls[0] as [string, Record<string, (...args: unknown[]) => unknown>];
    expect(name).toBe('kioskCapture');
    expect(Object.keys(api).sort()).toEqual(['cameraDevices', 'cameraSettings', 'cameraState', 'cameraTuning', 'codeUnread', 'decodeTimes', 'decoded', 'frames', 'onCameraRestart', 'onCameraSettings', 'preview']);
    await api.decoded?.('123456');
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('capture:decoded', '123456');
  });
});

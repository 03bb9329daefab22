/**
 * The only renderer-side file that touches `ipcRenderer`. Exposes `window.kiosk`, built from
 * the contract: intent-named functions and subscriptions that return an unsubscribe function,
 * never ipcRenderer itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildKioskApi } from '../shared/kiosk-api';

contextBridge.exposeInMainWorld(
  'kiosk',
  buildKioskApi({
    invoke: (channel, arg) => ipcRenderer.invoke(channel, arg),
    listen(channel, listener) {
      const wrapped = (_event: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, wrapped);
      return () => void ipcRenderer.removeListener(channel, wrapped);
    },
  }),
);

/**
 * The only renderer-side file that touches `ipcRenderer`, preloaded into both of main's
 * windows. Exposes the page's API, built from the contract: `window.kiosk` on the customer UI,
 * `window.kioskCapture` on the camera capture page (main refuses a request from the wrong page
 * whatever this file exposes). Intent-named functions and subscriptions that return an
 * unsubscribe function; never ipcRenderer itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildPageApi, type BridgeTransport } from '../shared/kiosk-api';

const transport: BridgeTransport = {
  invoke: (channel, arg) => ipcRenderer.invoke(channel, arg),
  listen(channel, listener) {
    const wrapped = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => void ipcRenderer.removeListener(channel, wrapped);
  },
};

if (location.pathname.startsWith('/capture/')) contextBridge.exposeInMainWorld('kioskCapture', buildPageApi('capture', transport));
else contextBridge.exposeInMainWorld('kiosk', buildPageApi('ui', transport));

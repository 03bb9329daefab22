/** The web shell's stand-in for Electron's preload on the capture page: `window.kioskCapture`. */
import { buildPageApi } from '../shared/kiosk-api';
import { connectWsTransport } from './ws-transport';

Object.defineProperty(window, 'kioskCapture', { value: buildPageApi('capture', connectWsTransport('capture-bridge')), enumerable: true });

/**
 * The renderer's only way to main: `window.kiosk`, defined by Electron's preload or the web
 * shell's page bridge. Its type is derived from the contract; only types are imported.
 */
import type { KioskApi } from '../../electron/shared/contract';

declare global {
  interface Window {
    kiosk?: KioskApi;
  }
}

export function kioskBridge(): KioskApi | null {
  return window.kiosk ?? null;
}

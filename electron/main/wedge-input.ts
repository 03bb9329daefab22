/**
 * Keyboard-wedge scanners type into the focused window. Main reads every key before the page
 * does (`before-input-event`), feeds the wedge detector, and keeps scanner keys from ever
 * reaching the UI as typing or as a press of the focused button.
 */
import type { BrowserWindow } from 'electron';
import { isPrintableKey, KeyWithholder } from '../shared/key-policy';
import type { KioskCore } from '../core/kiosk-core';

export function setupWedgeInput(window: BrowserWindow, core: Pick<KioskCore, 'keyInput'> & { staff: { isOpen(): boolean } }): void {
  const withholder = new KeyWithholder();
  window.webContents.on('before-input-event', (event, input) => {
    if (input.type !== 'keyDown') return;
    // Staff mode is open (the PIN was right): the keyboard is staff's, for the settings form.
    if (core.staff.isOpen()) return;
    const key = {
      key: input.key,
      code: input.code,
      ctrl: input.control,
      alt: input.alt,
      meta: input.meta,
      shift: input.shift,
      capsLock: (input.modifiers ?? []).some((modifier) => modifier.toLowerCase() === 'capslock'),
      time: performance.now(),
    };
    if (input.isAutoRepeat) {
      // A held key repeats faster than a scanner types: keep it from the UI and from the detector.
      if (isPrintableKey(key)) event.preventDefault();
      return;
    }
    if (withholder.decide(key, key.time)) event.preventDefault();
    core.keyInput(key);
  });
}

/** What each contract request does, in terms of the core. Shared by both shells. */
import type { Handlers } from '../../shared/contract';
import type { KioskCore } from '../kiosk-core';

export function createHandlers(core: KioskCore): Handlers {
  return {
    getState: () => core.session.view(),
    getAppearance: () => core.appearance(),
    done: () => core.session.customerDone(),
    stillHere: () => core.session.stillHere(),
    uiError: (report) => core.uiError(report),
    keyInput: (key) => core.keyInput(key),
    cameraSettings: () => core.cameraSettings(),
    decoded: (text) => core.cameraScan(text),
    cameraState: (state) => core.camera.setState(state),
    preview: (jpeg) => core.camera.setPreview(jpeg),
    cameraDevices: (devices) => core.setCameraDevices(devices),
    decodeTimes: (seconds) => core.metrics.decodeTimes(seconds),
    frames: (count) => core.cameraFrames(count),
    cameraTuning: (tuning) => core.cameraTuning(tuning),
    codeUnread: (seen) => core.codeUnread(seen),
    getKeypad: () => core.keypad.view(),
    keypadOpen: () => core.keypad.open(),
    keypadClose: () => core.keypad.close(),
    keypadSubmit: (code) => core.keypad.submit(code),
    // Staff mode takes the screen (and the keyboard): a keypad left open closes.
    staffUnlock: async (pin) => {
      const result = await core.staff.unlock(pin);
      if (result.ok) core.keypad.close();
      return result;
    },
    staffSettings: () => core.staff.settings(),
    staffSave: (request) => core.staff.save(request),
    staffTestConnection: (draft) => core.testConnection(draft),
    staffHealth: () => core.health(),
    staffQuit: () => core.staff.quit(),
    staffFactoryReset: () => core.staff.factoryReset(),
    // Leaving staff mode returns to `ready`, whatever the customer screen was before.
    staffClose: () => {
      core.staff.close();
      core.session.done();
    },
  };
}

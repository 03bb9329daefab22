/** What each contract request does, in terms of the core. Shared by both shells. */
import type { Handlers } from '../../shared/contract';
import type { KioskCore } from '../kiosk-core';

export function createHandlers(core: KioskCore): Handlers {
  return {
    getState: () => core.session.view(),
    getAppearance: () => core.appearance(),
    done: () => core.session.customerDone(),
    uiError: (report) => core.uiError(report),
    keyInput: (key) => core.keyInput(key),
    cameraSettings: () => core.cameraSettings(),
    decoded: (text) => core.cameraScan(text),
    cameraState: (state) => core.camera.setState(state),
    preview: (jpeg) => core.camera.setPreview(jpeg),
    cameraDevices: (devices) => core.setCameraDevices(devices),
    decodeTimes: (seconds) => core.metrics.decodeTimes(seconds),
    frames: (count) => core.cameraFrames(count),
    staffUnlock: (pin) => core.staff.unlock(pin),
    staffSettings: () => core.staff.settings(),
    staffSave: (request) => core.staff.save(request),
    staffTestConnection: (draft) => core.testConnection(draft),
    staffHealth: () => core.health(),
    // Leaving staff mode returns to `ready`, whatever the customer screen was before.
    staffClose: () => {
      core.staff.close();
      core.session.done();
    },
  };
}

/**
 * The contract's channel table: every request and push event between main and the pages, with
 * its channel name, the page that may use it and what it answers or carries. This is the one
 * declaration of the IPC contract; `contract.ts` adds each request's argument schema under the
 * same name (zod, parsed in main before any handler runs) and derives the types from both.
 *
 * No zod here, and nothing but types from elsewhere: Electron's preload and the web shell's page
 * bridges bundle this file alone, so a page starts with channel plumbing only (a few KB) and no
 * validation it would not use (main validates everything). `test/unit/lean-bundles.test.ts`
 * and the lint rules keep it so.
 *
 * To add a request: an entry here (channel, result type, page, exposed, shells), its argument
 * schema in `requestArgs` in contract.ts, its handler in electron/core/bridge/handlers.ts. The
 * compiler refuses a request without a schema or a handler.
 */
import type { Appearance } from './appearance';
import type { KeypadKey, KeypadSubmitResult, KeypadView } from './keypad-view';
import type { SessionView } from './session-view';
import type { ConnectionTestResult, FactoryResetResult, HealthView, StaffQuitResult, StaffSaveResult, StaffSettingsView, StaffUnlockResult } from './staff-view';

/** Phantom marker: carries a result/payload type in a value position without any runtime cost. */
const typed = <T>(): T => undefined as T;

/** The camera settings main gives the capture page (from `scanners.camera`). */
export interface CameraSettings {
  enabled: boolean;
  deviceId: string | null;
  fps: number;
  /** A fixed focus distance for a known mount (`scanners.camera.focusDistance`); null: continuous focus. */
  focusDistance: number | null;
}

/** A hint for the customer about the camera's picture, from what the decoder found (never a guess). */
export type CameraHint = {
  /** A code has been in view for a few seconds that ZXing-C++ found but could not decode. */
  codeNotRead: boolean;
};

/** A small live picture for the ready screen, fed by main from the capture page. */
export type Preview = { image: string } | null;

export type Shell = 'electron' | 'web';
/** The two kinds of page: the customer UI, and the hidden camera capture page. */
export type Page = 'ui' | 'capture';

interface RequestDef {
  channel: string;
  result: unknown;
  /** The page that may send it; a request from the other page is refused. */
  page: Page;
  /** Shells whose transport accepts this request; all when absent. */
  shells?: readonly Shell[];
  /** Whether the page's API object offers it (false: only a shell's own bridge uses it). */
  exposed: boolean;
}

interface EventDef {
  channel: string;
  payload: unknown;
  page: Page;
}

export const requests = {
  /** The current session state; the renderer asks once on start, then follows `state` events. */
  getState: { channel: 'kiosk:get-state', result: typed<SessionView>(), page: 'ui', exposed: true },
  /** How the UI looks and sounds; asked once on start, then followed by `appearance` events. */
  getAppearance: { channel: 'kiosk:get-appearance', result: typed<Appearance>(), page: 'ui', exposed: true },
  /** The customer pressed Done: back to `ready`, wiping their data. */
  done: { channel: 'kiosk:done', result: typed<void>(), page: 'ui', exposed: true },
  /**
   * A touch or a key on a result screen: its countdown's full time again. Main rate-limits and
   * caps it (session/result-countdown.ts), so a stuck finger cannot keep a customer's data on screen.
   */
  stillHere: { channel: 'kiosk:still-here', result: typed<void>(), page: 'ui', exposed: true },
  /** The UI's error boundary caught a render error: main logs and counts it, and goes back to `ready`. */
  uiError: { channel: 'kiosk:ui-error', result: typed<void>(), page: 'ui', exposed: true },
  /** Web shell only: raw key events for the wedge detector (Electron reads them in main). */
  keyInput: { channel: 'kiosk:key-input', result: typed<void>(), page: 'ui', shells: ['web'], exposed: false },
  /** Staff mode: the PIN, checked in main (five wrong ones lock it for five minutes). */
  staffUnlock: { channel: 'staff:unlock', result: typed<StaffUnlockResult>(), page: 'ui', exposed: true },
  /** The settings form's values (never a secret's value). Refused while staff mode is closed. */
  staffSettings: { channel: 'staff:settings', result: typed<StaffSettingsView>(), page: 'ui', exposed: true },
  staffSave: { channel: 'staff:save', result: typed<StaffSaveResult>(), page: 'ui', exposed: true },
  staffTestConnection: { channel: 'staff:test-connection', result: typed<ConnectionTestResult>(), page: 'ui', exposed: true },
  staffHealth: { channel: 'staff:health', result: typed<HealthView>(), page: 'ui', exposed: true },
  staffClose: { channel: 'staff:close', result: typed<void>(), page: 'ui', exposed: true },
  /** "Quit for maintenance" (after the page's confirm step): logged, then the kiosk quits with exit code 0. */
  staffQuit: { channel: 'staff:quit', result: typed<StaffQuitResult>(), page: 'ui', exposed: true },
  /** "Factory reset" (after the page's confirm step): the kiosk's state files go, the configuration reloads. */
  staffFactoryReset: { channel: 'staff:factory-reset', result: typed<FactoryResetResult>(), page: 'ui', exposed: true },
  /** The keypad's state; asked once on start, then followed by `keypad` events. */
  getKeypad: { channel: 'keypad:get', result: typed<KeypadView>(), page: 'ui', exposed: true },
  /** "Type your code": the customer opens the keypad (refused while off, or not on `ready`). */
  keypadOpen: { channel: 'keypad:open', result: typed<KeypadView>(), page: 'ui', exposed: true },
  /** Cancel, Escape, or the keypad's idle time ran out. */
  keypadClose: { channel: 'keypad:close', result: typed<void>(), page: 'ui', exposed: true },
  /** A complete typed code: identified as a scanned OTP is (refused while resting, off or closed). */
  keypadSubmit: { channel: 'keypad:submit', result: typed<KeypadSubmitResult>(), page: 'ui', exposed: true },
  /** The capture page asks how to open the camera. */
  cameraSettings: { channel: 'capture:settings', result: typed<CameraSettings>(), page: 'capture', exposed: true },
  /** Text decoded from a camera frame: main parses and validates it like any scan. */
  decoded: { channel: 'capture:decoded', result: typed<void>(), page: 'capture', exposed: true },
  cameraState: { channel: 'capture:state', result: typed<void>(), page: 'capture', exposed: true },
  cameraDevices: { channel: 'capture:devices', result: typed<void>(), page: 'capture', exposed: true },
  /** The capture worker's heartbeat, every few seconds while frames arrive: how many came (never a frame). */
  frames: { channel: 'capture:frames', result: typed<void>(), page: 'capture', exposed: true },
  /** What the camera offers and what was applied (resolution, frame rate, focus, exposure), for staff. */
  cameraTuning: { channel: 'capture:tuning', result: typed<void>(), page: 'capture', exposed: true },
  /** The decoder finds a code in view that it cannot decode (true), or no longer (false). */
  codeUnread: { channel: 'capture:code-unread', result: typed<void>(), page: 'capture', exposed: true },
  /** Seconds the capture worker spent on each frame it decoded lately, for the metrics (never a frame). */
  decodeTimes: { channel: 'capture:decode-times', result: typed<void>(), page: 'capture', exposed: true },
  /** A small JPEG of the scene (base64), at most a few a second. */
  preview: { channel: 'capture:preview', result: typed<void>(), page: 'capture', exposed: true },
} as const satisfies Record<string, RequestDef>;

export const events = {
  /** The whole session state, pushed on every change (and every countdown second). */
  state: { channel: 'kiosk:state', payload: typed<SessionView>(), page: 'ui' },
  /** New language, brand, sounds or attract delay (the configuration changed). */
  appearance: { channel: 'kiosk:appearance', payload: typed<Appearance>(), page: 'ui' },
  /** The latest camera picture for the ready screen, or null when the camera is not running. */
  preview: { channel: 'kiosk:preview', payload: typed<Preview>(), page: 'ui' },
  /** The typed-code keypad: on, open, resting. */
  keypad: { channel: 'kiosk:keypad', payload: typed<KeypadView>(), page: 'ui' },
  /** Keys a person typed on a keyboard for the open keypad, which the page itself never saw. */
  keypadKeys: { channel: 'kiosk:keypad-keys', payload: typed<KeypadKey[]>(), page: 'ui' },
  /** A hint for the customer under the camera's picture (a code seen but not read). */
  cameraHint: { channel: 'kiosk:camera-hint', payload: typed<CameraHint>(), page: 'ui' },
  /** New camera settings (the configuration changed): the capture page reopens the camera. */
  cameraSettings: { channel: 'capture:settings-changed', payload: typed<CameraSettings>(), page: 'capture' },
  /**
   * The web shell's restart (the support desk's, or the daily one), sent only while no customer
   * is on screen: the page loads itself again, and its camera frame with it. Electron relaunches instead.
   */
  reload: { channel: 'kiosk:reload', payload: typed<{ reason: 'fleet-api' | 'schedule' }>(), page: 'ui' },
  /** No frame came for 10 s: the capture page reloads itself (the web shell; Electron's main reloads its window). */
  cameraRestart: { channel: 'capture:restart', payload: typed<{ reason: 'framesStalled' }>(), page: 'capture' },
} as const satisfies Record<string, EventDef>;

export type Requests = typeof requests;
export type RequestName = keyof Requests;
export type Events = typeof events;
export type EventName = keyof Events;

export type RequestResult<K extends RequestName> = Requests[K]['result'];
export type EventPayload<K extends EventName> = Events[K]['payload'];

/** The requests a given shell's transport accepts from a given page. */
export function requestNamesFor(shell: Shell, page: Page): RequestName[] {
  return (Object.keys(requests) as RequestName[]).filter((name) => {
    const def: RequestDef = requests[name];
    return def.page === page && (def.shells === undefined || def.shells.includes(shell));
  });
}

export function findRequestByChannel(channel: string): RequestName | undefined {
  return (Object.keys(requests) as RequestName[]).find((name) => requests[name].channel === channel);
}

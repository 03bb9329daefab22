/**
 * The one IPC contract between main and any renderer, in both shells (Electron IPC and the web
 * shell's WebSocket). Main's handlers, the preload, the web page bridge and the renderer's
 * `window.kiosk` type all derive from these two maps; nothing is typed twice.
 *
 * Requests carry one argument checked by its zod schema in main before any handler runs.
 * Events are pushed by main; their payloads are built by main and trusted by the renderer.
 */
import { z } from 'zod';
import type { Appearance } from './appearance';
import { CameraTuningSchema } from './camera-tuning';
import { TYPED_CODE_PATTERN, type KeypadKey, type KeypadSubmitResult, type KeypadView } from './keypad-view';
import { CameraStateSchema } from './scanner-state';
import { MAX_DECODE_TIMES } from './capture-limits';
import type { SessionView } from './session-view';
import { EDITABLE_PATHS, SECRET_PATHS, type ConnectionTestResult, type HealthView, type StaffSaveResult, type StaffSettingsView, type StaffUnlockResult } from './staff-view';

/** Phantom marker: carries a result/payload type in a value position without any runtime cost. */
const typed = <T>(): T => undefined as T;

/** One raw key press, as the web shell's page forwards it to main's wedge detector. */
export const KeyInputSchema = z.strictObject({
  key: z.string().min(1).max(32),
  code: z.string().max(32),
  ctrl: z.boolean(),
  alt: z.boolean(),
  meta: z.boolean(),
  shift: z.boolean(),
  /** Caps Lock was on: the OS flipped a letter's case, which Shift then tells back. */
  capsLock: z.boolean().optional(),
  /** Milliseconds on the page's monotonic clock (`event.timeStamp`). */
  time: z.number().finite().nonnegative(),
});
export type KeyInput = z.infer<typeof KeyInputSchema>;

// The camera's state lives with the scanners' (staff-view.ts reads it too, without this file).
export { CameraStateSchema, type CameraState } from './scanner-state';

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

/** The staff settings form's save: changed values only, and secrets typed anew (write-only). */
export const StaffSaveSchema = z.strictObject({
  values: z.partialRecord(z.enum(EDITABLE_PATHS), z.union([z.string().max(512), z.number().finite(), z.boolean(), z.null()])),
  secrets: z.partialRecord(z.enum(SECRET_PATHS), z.string().max(4096)),
});

/**
 * "Test connection" with the form's Identify URL and a token typed for it, before they are
 * saved; absent: the saved settings. Main applies the save's rules: the old token never goes to
 * another origin.
 */
export const StaffTestConnectionSchema = z.strictObject({ baseUrl: z.string().max(512).optional(), token: z.string().max(4096).optional() }).optional();

/** The cameras the capture page found (labels are for staff picking one). */
export const CameraDevicesSchema = z
  .array(z.strictObject({ deviceId: z.string().min(1).max(512), label: z.string().max(200) }))
  .max(16);

/** Where the customer UI was when a render error struck: a session screen, staff mode, or still starting. */
export const UI_ERROR_SCREENS = ['ready', 'identifying', 'member', 'notMember', 'codeProblem', 'serviceProblem', 'needsStaff', 'staff', 'starting'] as const;

/**
 * A render error the customer UI's error boundary caught, for main's log (`ui-error`) and the
 * crash count. Names and a short message only, never customer data: the page strips what it
 * showed of the customer and any URL (the web shell's holds its launch token) before sending.
 */
export const UiErrorSchema = z.strictObject({
  screen: z.enum(UI_ERROR_SCREENS),
  /** The error's class (`TypeError`). */
  errorName: z.string().max(64).regex(/^[\w$.]*$/),
  message: z.string().max(300),
  /** The components from the error to the root, innermost first (React's component stack, names only). */
  components: z.array(z.string().regex(/^[\w$.]{1,64}$/)).max(12),
});
export type UiErrorReport = z.infer<typeof UiErrorSchema>;

/** A small live picture for the ready screen, fed by main from the capture page. */
export type Preview = { image: string } | null;

type Shell = 'electron' | 'web';
/** The two kinds of page: the customer UI, and the hidden camera capture page. */
export type Page = 'ui' | 'capture';

interface RequestDef {
  channel: string;
  args: z.ZodType;
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
  getState: { channel: 'kiosk:get-state', args: z.undefined(), result: typed<SessionView>(), page: 'ui', exposed: true },
  /** How the UI looks and sounds; asked once on start, then followed by `appearance` events. */
  getAppearance: { channel: 'kiosk:get-appearance', args: z.undefined(), result: typed<Appearance>(), page: 'ui', exposed: true },
  /** The customer pressed Done: back to `ready`, wiping their data. */
  done: { channel: 'kiosk:done', args: z.undefined(), result: typed<void>(), page: 'ui', exposed: true },
  /** The UI's error boundary caught a render error: main logs and counts it, and goes back to `ready`. */
  uiError: { channel: 'kiosk:ui-error', args: UiErrorSchema, result: typed<void>(), page: 'ui', exposed: true },
  /** Web shell only: raw key events for the wedge detector (Electron reads them in main). */
  keyInput: {
    channel: 'kiosk:key-input',
    args: KeyInputSchema,
    result: typed<void>(),
    page: 'ui',
    shells: ['web'],
    exposed: false,
  },
  /** Staff mode: the PIN, checked in main (five wrong ones lock it for five minutes). */
  staffUnlock: { channel: 'staff:unlock', args: z.string().max(32), result: typed<StaffUnlockResult>(), page: 'ui', exposed: true },
  /** The settings form's values (never a secret's value). Refused while staff mode is closed. */
  staffSettings: { channel: 'staff:settings', args: z.undefined(), result: typed<StaffSettingsView>(), page: 'ui', exposed: true },
  staffSave: { channel: 'staff:save', args: StaffSaveSchema, result: typed<StaffSaveResult>(), page: 'ui', exposed: true },
  staffTestConnection: { channel: 'staff:test-connection', args: StaffTestConnectionSchema, result: typed<ConnectionTestResult>(), page: 'ui', exposed: true },
  staffHealth: { channel: 'staff:health', args: z.undefined(), result: typed<HealthView>(), page: 'ui', exposed: true },
  staffClose: { channel: 'staff:close', args: z.undefined(), result: typed<void>(), page: 'ui', exposed: true },
  /** The keypad's state; asked once on start, then followed by `keypad` events. */
  getKeypad: { channel: 'keypad:get', args: z.undefined(), result: typed<KeypadView>(), page: 'ui', exposed: true },
  /** "Type your code": the customer opens the keypad (refused while off, or not on `ready`). */
  keypadOpen: { channel: 'keypad:open', args: z.undefined(), result: typed<KeypadView>(), page: 'ui', exposed: true },
  /** Cancel, Escape, or the keypad's idle time ran out. */
  keypadClose: { channel: 'keypad:close', args: z.undefined(), result: typed<void>(), page: 'ui', exposed: true },
  /** A complete typed code: identified as a scanned OTP is (refused while resting, off or closed). */
  keypadSubmit: {
    channel: 'keypad:submit',
    args: z.string().regex(TYPED_CODE_PATTERN, 'must be 6 digits'),
    result: typed<KeypadSubmitResult>(),
    page: 'ui',
    exposed: true,
  },
  /** The capture page asks how to open the camera. */
  cameraSettings: { channel: 'capture:settings', args: z.undefined(), result: typed<CameraSettings>(), page: 'capture', exposed: true },
  /** Text decoded from a camera frame: main parses and validates it like any scan. */
  decoded: { channel: 'capture:decoded', args: z.string().min(1).max(4096), result: typed<void>(), page: 'capture', exposed: true },
  cameraState: { channel: 'capture:state', args: CameraStateSchema, result: typed<void>(), page: 'capture', exposed: true },
  cameraDevices: { channel: 'capture:devices', args: CameraDevicesSchema, result: typed<void>(), page: 'capture', exposed: true },
  /** The capture worker's heartbeat, every few seconds while frames arrive: how many came (never a frame). */
  frames: { channel: 'capture:frames', args: z.int().min(1).max(100_000), result: typed<void>(), page: 'capture', exposed: true },
  /** What the camera offers and what was applied (resolution, frame rate, focus, exposure), for staff. */
  cameraTuning: { channel: 'capture:tuning', args: CameraTuningSchema, result: typed<void>(), page: 'capture', exposed: true },
  /** The decoder finds a code in view that it cannot decode (true), or no longer (false). */
  codeUnread: { channel: 'capture:code-unread', args: z.boolean(), result: typed<void>(), page: 'capture', exposed: true },
  /** Seconds the capture worker spent on each frame it decoded lately, for the metrics (never a frame). */
  decodeTimes: { channel: 'capture:decode-times', args: z.array(z.number().finite().min(0).max(60)).min(1).max(MAX_DECODE_TIMES), result: typed<void>(), page: 'capture', exposed: true },
  /** A small JPEG of the scene (base64), at most a few a second. */
  preview: {
    channel: 'capture:preview',
    args: z.string().max(60_000).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64'),
    result: typed<void>(),
    page: 'capture',
    exposed: true,
  },
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

export type RequestArg<K extends RequestName> = z.output<Requests[K]['args']>;
export type RequestResult<K extends RequestName> = Requests[K]['result'];
export type EventPayload<K extends EventName> = Events[K]['payload'];

/** What main implements: one function per request, receiving the already-validated argument. */
export type Handlers = {
  [K in RequestName]: (arg: RequestArg<K>) => RequestResult<K> | Promise<RequestResult<K>>;
};

type ExposedName<P extends Page> = {
  [K in RequestName]: Requests[K]['exposed'] extends true ? (Requests[K]['page'] extends P ? K : never) : never;
}[RequestName];
type EventNameOf<P extends Page> = { [K in EventName]: Events[K]['page'] extends P ? K : never }[EventName];

type RequestFn<K extends RequestName> =
  z.input<Requests[K]['args']> extends undefined
    ? () => Promise<RequestResult<K>>
    : (arg: z.input<Requests[K]['args']>) => Promise<RequestResult<K>>;

/** A page's API object: intent-named requests and `onX` subscriptions. */
export type PageApi<P extends Page> = { [K in ExposedName<P>]: RequestFn<K> } & {
  [K in EventNameOf<P> as `on${Capitalize<K>}`]: (listener: (payload: EventPayload<K>) => void) => () => void;
};

/** `window.kiosk` as the customer UI sees it. */
export type KioskApi = PageApi<'ui'>;
/** `window.kioskCapture` as the capture page sees it. */
export type CaptureApi = PageApi<'capture'>;

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

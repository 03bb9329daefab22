/**
 * The one IPC contract between main and any renderer, in both shells (Electron IPC and the web
 * shell's WebSocket). The channel table (`channels.ts`: every request's channel, page and result,
 * every event) and the argument schemas below, one per request under the same name, are its only
 * declaration: main's handlers, the preload, the web page bridges and the renderer's
 * `window.kiosk` type all derive from them; nothing is typed twice.
 *
 * Requests carry one argument checked by its zod schema in main before any handler runs (the
 * pages never load this file's schemas: they bundle the zod-free channel table alone).
 * Events are pushed by main; their payloads are built by main and trusted by the renderer.
 */
import { z } from 'zod';
import { CameraTuningSchema } from './camera-tuning';
import { CameraStateSchema } from './scanner-state';
import { MAX_DECODE_TIMES } from './capture-limits';
import { TYPED_CODE_PATTERN } from './keypad-view';
import { EDITABLE_PATHS, SECRET_PATHS } from './staff-view';
import type { EventName, EventPayload, Events, Page, RequestName, RequestResult, Requests } from './channels';

export * from './channels';

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

/** The cameras the capture page found (labels are for staff picking one). */
export const CameraDevicesSchema = z
  .array(z.strictObject({ deviceId: z.string().min(1).max(512), label: z.string().max(200) }))
  .max(16);

/**
 * Each request's argument schema, by its name in the channel table. The `satisfies` makes the
 * two tables name the same requests: one without a schema, or a schema without a request, does
 * not compile.
 */
export const requestArgs = {
  getState: z.undefined(),
  getAppearance: z.undefined(),
  done: z.undefined(),
  stillHere: z.undefined(),
  uiError: UiErrorSchema,
  keyInput: KeyInputSchema,
  staffUnlock: z.string().max(32),
  staffSettings: z.undefined(),
  staffSave: StaffSaveSchema,
  staffTestConnection: StaffTestConnectionSchema,
  staffHealth: z.undefined(),
  staffClose: z.undefined(),
  staffQuit: z.undefined(),
  staffFactoryReset: z.undefined(),
  getKeypad: z.undefined(),
  keypadOpen: z.undefined(),
  keypadClose: z.undefined(),
  keypadSubmit: z.string().regex(TYPED_CODE_PATTERN, 'must be 6 digits'),
  cameraSettings: z.undefined(),
  decoded: z.string().min(1).max(4096),
  cameraState: CameraStateSchema,
  cameraDevices: CameraDevicesSchema,
  frames: z.int().min(1).max(100_000),
  cameraTuning: CameraTuningSchema,
  codeUnread: z.boolean(),
  decodeTimes: z.array(z.number().finite().min(0).max(60)).min(1).max(MAX_DECODE_TIMES),
  preview: z.string().max(60_000).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64'),
} as const satisfies Record<RequestName, z.ZodType>;

type RequestArgs = typeof requestArgs;
export type RequestArg<K extends RequestName> = z.output<RequestArgs[K]>;

/** What main implements: one function per request, receiving the already-validated argument. */
export type Handlers = {
  [K in RequestName]: (arg: RequestArg<K>) => RequestResult<K> | Promise<RequestResult<K>>;
};

type ExposedName<P extends Page> = {
  [K in RequestName]: Requests[K]['exposed'] extends true ? (Requests[K]['page'] extends P ? K : never) : never;
}[RequestName];
type EventNameOf<P extends Page> = { [K in EventName]: Events[K]['page'] extends P ? K : never }[EventName];

type RequestFn<K extends RequestName> =
  z.input<RequestArgs[K]> extends undefined
    ? () => Promise<RequestResult<K>>
    : (arg: z.input<RequestArgs[K]>) => Promise<RequestResult<K>>;

/** A page's API object: intent-named requests and `onX` subscriptions. */
export type PageApi<P extends Page> = { [K in ExposedName<P>]: RequestFn<K> } & {
  [K in EventNameOf<P> as `on${Capitalize<K>}`]: (listener: (payload: EventPayload<K>) => void) => () => void;
};

/** `window.kiosk` as the customer UI sees it. */
export type KioskApi = PageApi<'ui'>;
/** `window.kioskCapture` as the capture page sees it. */
export type CaptureApi = PageApi<'capture'>;

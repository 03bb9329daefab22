/**
 * The one IPC contract between main and any renderer, in both shells (Electron IPC and the web
 * shell's WebSocket). Main's handlers, the preload, the web page bridge and the renderer's
 * `window.kiosk` type all derive from these two maps; nothing is typed twice.
 *
 * Requests carry one argument checked by its zod schema in main before any handler runs.
 * Events are pushed by main; their payloads are built by main and trusted by the renderer.
 */
import { z } from 'zod';
import type { SessionView } from './session-view';

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
  /** Milliseconds on the page's monotonic clock (`event.timeStamp`). */
  time: z.number().finite().nonnegative(),
});
export type KeyInput = z.infer<typeof KeyInputSchema>;

type Shell = 'electron' | 'web';

interface RequestDef {
  channel: string;
  args: z.ZodType;
  result: unknown;
  /** Shells whose transport accepts this request; all when absent. */
  shells?: readonly Shell[];
  /** Whether the renderer's `window.kiosk` offers it (false: only a shell's own bridge uses it). */
  exposed: boolean;
}

interface EventDef {
  channel: string;
  payload: unknown;
}

export const requests = {
  /** The current session state; the renderer asks once on start, then follows `state` events. */
  getState: { channel: 'kiosk:get-state', args: z.undefined(), result: typed<SessionView>(), exposed: true },
  /** The customer pressed Done: back to `ready`, wiping their data. */
  done: { channel: 'kiosk:done', args: z.undefined(), result: typed<void>(), exposed: true },
  /** Web shell only: raw key events for the wedge detector (Electron reads them in main). */
  keyInput: {
    channel: 'kiosk:key-input',
    args: KeyInputSchema,
    result: typed<void>(),
    shells: ['web'],
    exposed: false,
  },
} as const satisfies Record<string, RequestDef>;

export const events = {
  /** The whole session state, pushed on every change (and every countdown second). */
  state: { channel: 'kiosk:state', payload: typed<SessionView>() },
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

type ExposedName = { [K in RequestName]: Requests[K]['exposed'] extends true ? K : never }[RequestName];

type RequestFn<K extends RequestName> =
  z.input<Requests[K]['args']> extends undefined
    ? () => Promise<RequestResult<K>>
    : (arg: z.input<Requests[K]['args']>) => Promise<RequestResult<K>>;

/** `window.kiosk` as the renderer sees it: intent-named requests and `onX` subscriptions. */
export type KioskApi = { [K in ExposedName]: RequestFn<K> } & {
  [K in EventName as `on${Capitalize<K>}`]: (listener: (payload: EventPayload<K>) => void) => () => void;
};

/** The requests a given shell's transport accepts. */
export function requestNamesFor(shell: Shell): RequestName[] {
  return (Object.keys(requests) as RequestName[]).filter((name) => {
    const shells: readonly Shell[] | undefined = (requests[name] as RequestDef).shells;
    return shells === undefined || shells.includes(shell);
  });
}

export function findRequestByChannel(channel: string): RequestName | undefined {
  return (Object.keys(requests) as RequestName[]).find((name) => requests[name].channel === channel);
}

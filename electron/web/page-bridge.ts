/**
 * The web shell's stand-in for Electron's preload: runs in the page before the renderer,
 * defines `window.kiosk` from the contract over a WebSocket to main, and forwards raw key
 * presses to main's wedge detector (as Electron's `before-input-event` does), withholding the
 * scanner's keys from the UI.
 */
import { requests } from '../shared/contract';
import { buildKioskApi } from '../shared/kiosk-api';
import { isPrintableKey, KeyWithholder } from '../shared/key-policy';

type Pending = { resolve(value: unknown): void; reject(error: Error): void };

const tokenPath = location.pathname.match(/^\/[^/]+\//)?.[0] ?? '/';
const listeners = new Map<string, Set<(payload: unknown) => void>>();
const pending = new Map<number, Pending>();
const queue: string[] = [];
let socket: WebSocket | null = null;
let nextId = 1;
let retryMs = 250;

function connect(): void {
  const ws = new WebSocket(`ws://${location.host}${tokenPath}bridge`);
  socket = ws;
  ws.onopen = () => {
    retryMs = 250;
    for (const message of queue.splice(0)) ws.send(message);
    // Re-sync after a reconnect: the session may have moved on meanwhile.
    for (const listener of listeners.get('kiosk:state') ?? []) void invoke(requests.getState.channel, undefined).then(listener);
  };
  ws.onmessage = (message) => receive(String(message.data));
  ws.onclose = () => {
    socket = null;
    for (const [id, call] of pending) {
      call.reject(new Error('bridge closed'));
      pending.delete(id);
    }
    setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, 5000);
  };
}

function receive(text: string): void {
  const message = JSON.parse(text) as { id?: number; ok?: boolean; result?: unknown; error?: string; event?: string; payload?: unknown };
  if (typeof message.event === 'string') {
    for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
    return;
  }
  const call = message.id === undefined ? undefined : pending.get(message.id);
  if (!call || message.id === undefined) return;
  pending.delete(message.id);
  if (message.ok) call.resolve(message.result);
  else call.reject(new Error(message.error ?? 'request failed'));
}

function invoke(channel: string, arg: unknown): Promise<unknown> {
  const id = nextId++;
  const message = JSON.stringify({ id, channel, arg });
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    if (socket?.readyState === WebSocket.OPEN) socket.send(message);
    else queue.push(message);
  });
}

function listen(channel: string, listener: (payload: unknown) => void): () => void {
  const set = listeners.get(channel) ?? new Set();
  set.add(listener);
  listeners.set(channel, set);
  return () => void set.delete(listener);
}

const withholder = new KeyWithholder();
window.addEventListener(
  'keydown',
  (event) => {
    if (!event.isTrusted) return;
    const key = { key: event.key, code: event.code, ctrl: event.ctrlKey, alt: event.altKey, meta: event.metaKey, shift: event.shiftKey, time: event.timeStamp };
    if (event.repeat) {
      // A held key repeats faster than a scanner types: keep it from the UI and from the detector.
      if (isPrintableKey(key)) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
      return;
    }
    if (withholder.decide(key, key.time)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
    void invoke(requests.keyInput.channel, key).catch(() => undefined);
  },
  { capture: true },
);

Object.defineProperty(window, 'kiosk', { value: buildKioskApi({ invoke, listen }), enumerable: true });
connect();

/**
 * The page side of the web shell's bridge: a WebSocket to main at `<token path><endpoint>`,
 * reconnecting with backoff (main may restart), queueing calls while it is down.
 *
 * Every event of the contract is a latest value (the session, the look, the preview, the camera
 * settings), and main greets each connection with them. The bridge connects before the page's
 * own scripts have loaded, so it keeps each event's latest payload and gives it to a listener
 * that subscribes later: the UI's first render already has the session, with no round trip.
 */
import { events } from '../shared/channels';
import type { BridgeTransport } from '../shared/kiosk-api';

/** The contract's push events: only these are kept (whatever else a socket sends cannot grow memory). */
const EVENT_CHANNELS = new Set<string>(Object.values(events).map((event) => event.channel));

type Pending = { resolve(value: unknown): void; reject(error: Error): void };

export function connectWsTransport(endpoint: 'bridge' | 'capture-bridge'): BridgeTransport {
  const tokenPath = location.pathname.match(/^\/[^/]+\//)?.[0] ?? '/';
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const latest = new Map<string, unknown>();
  const pending = new Map<number, Pending>();
  const queue: string[] = [];
  let socket: WebSocket | null = null;
  let nextId = 1;
  let retryMs = 250;

  function connect(): void {
    const ws = new WebSocket(`ws://${location.host}${tokenPath}${endpoint}`);
    socket = ws;
    ws.onopen = () => {
      retryMs = 250;
      for (const message of queue.splice(0)) ws.send(message);
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
      if (EVENT_CHANNELS.has(message.event)) latest.set(message.event, message.payload);
      for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
      return;
    }
    const call = message.id === undefined ? undefined : pending.get(message.id);
    if (!call || message.id === undefined) return;
    pending.delete(message.id);
    if (message.ok) call.resolve(message.result);
    else call.reject(new Error(message.error ?? 'request failed'));
  }

  connect();
  return {
    invoke(channel, arg) {
      const id = nextId++;
      const message = JSON.stringify({ id, channel, arg });
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        if (socket?.readyState === WebSocket.OPEN) socket.send(message);
        else queue.push(message);
      });
    },
    listen(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      if (latest.has(channel)) {
        // Not during the subscription itself; and only if it is still subscribed and nothing newer came meanwhile.
        const payload = latest.get(channel);
        queueMicrotask(() => {
          if (set.has(listener) && latest.get(channel) === payload) listener(payload);
        });
      }
      return () => void set.delete(listener);
    },
  };
}

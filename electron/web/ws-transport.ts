/**
 * The page side of the web shell's bridge: a WebSocket to main at `<token path><endpoint>`,
 * reconnecting with backoff (main may restart), queueing calls while it is down.
 *
 * Every event of the contract is a latest value (the session, the look, the preview, the camera
 * settings), and main greets each connection with them. The bridge connects before the page's
 * own scripts have loaded, so what arrives while nobody listens is kept (the latest payload of
 * each event) and handed to the first listener that subscribes: the UI's first render already
 * has the session, with no round trip. A listener that joins others hears pushes from then on.
 */
import { events } from '../shared/channels';
import type { BridgeTransport } from '../shared/kiosk-api';

/** The contract's push events: only these are kept unheard (whatever else a socket sends cannot grow memory). */
const EVENT_CHANNELS = new Set<string>(Object.values(events).map((event) => event.channel));

type Pending = { resolve(value: unknown): void; reject(error: Error): void };

export function connectWsTransport(endpoint: 'bridge' | 'capture-bridge'): BridgeTransport {
  const tokenPath = location.pathname.match(/^\/[^/]+\//)?.[0] ?? '/';
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  /** Each event's latest payload that arrived while it had no listener. */
  const unheard = new Map<string, unknown>();
  /** Pushes so far, by event: a kept payload is never handed over after a newer one. */
  const pushes = new Map<string, number>();
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
      const current = listeners.get(message.event);
      pushes.set(message.event, (pushes.get(message.event) ?? 0) + 1);
      if (current?.size) {
        unheard.delete(message.event);
        for (const listener of current) listener(message.payload);
      } else if (EVENT_CHANNELS.has(message.event)) unheard.set(message.event, message.payload);
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
      if (unheard.has(channel)) {
        const seen = pushes.get(channel);
        // Not during the subscription itself, not once it has left (the next listener gets it), and
        // not after a newer push reached it. Listeners subscribing in the same turn all get it.
        queueMicrotask(() => {
          if (!set.has(listener) || pushes.get(channel) !== seen || !unheard.has(channel)) return;
          const payload = unheard.get(channel);
          queueMicrotask(() => unheard.delete(channel));
          listener(payload);
        });
      }
      return () => void set.delete(listener);
    },
  };
}

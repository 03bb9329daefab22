/**
 * The contract over a WebSocket, for the web shell. The page sends `{id, channel, arg}` and
 * gets `{id, ok, result | error}`; main pushes `{event, payload}`. Envelopes are parsed with
 * zod and requests go through the same `dispatch` as Electron's IPC.
 */
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { events, type Handlers, type Page } from '../shared/contract';
import type { CoreTransport, Push } from '../core/bridge/bind-core';
import { wirePush } from '../core/bridge/bind-core';
import { dispatch } from '../core/bridge/dispatch';

const RequestEnvelope = z.strictObject({
  id: z.int().nonnegative(),
  channel: z.string().max(64),
  arg: z.unknown().optional(),
});

/** Room for the largest request: a camera preview (60,000 base64 characters) in its envelope. */
const MAX_MESSAGE_BYTES = 64 * 1024;

export interface WsBridge extends CoreTransport {
  /** `page` is known from the URL the socket connected to, never from its messages. */
  attach(socket: WebSocket, page: Page): void;
  closeAll(): void;
}

export function createWsBridge(handlers: Handlers): WsBridge {
  const sockets = new Map<WebSocket, Page>();
  // Told of each socket as it connects (a reconnecting page may have missed pushes meanwhile).
  const greeters: Array<(page: Page, send: (push: Push) => void) => void> = [];
  return {
    onConnect(greet) {
      greeters.push(greet);
    },
    attach(socket, page) {
      sockets.set(socket, page);
      const send = (push: Push) => {
        const { channel, payload } = wirePush(push);
        socket.send(JSON.stringify({ event: channel, payload }));
      };
      for (const greet of greeters) greet(page, send);
      socket.on('close', () => sockets.delete(socket));
      socket.on('message', (data, isBinary) => {
        const text = isBinary ? '' : data.toString();
        if (text.length > MAX_MESSAGE_BYTES) return socket.close(1009, 'message too big');
        let envelope: z.infer<typeof RequestEnvelope>;
        try {
          envelope = RequestEnvelope.parse(JSON.parse(text));
        } catch {
          return socket.close(1008, 'malformed message');
        }
        dispatch(handlers, 'web', page, envelope.channel, envelope.arg).then(
          (result) => socket.send(JSON.stringify({ id: envelope.id, ok: true, result })),
          (error: unknown) => socket.send(JSON.stringify({ id: envelope.id, ok: false, error: (error as Error).message })),
        );
      });
    },
    publish(name, payload) {
      const message = JSON.stringify({ event: events[name].channel, payload });
      for (const [socket, page] of sockets) if (page === events[name].page && socket.readyState === socket.OPEN) socket.send(message);
    },
    closeAll() {
      for (const socket of sockets.keys()) socket.close(1001, 'kiosk stopping');
    },
  };
}

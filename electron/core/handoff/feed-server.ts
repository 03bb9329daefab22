/**
 * The pull feed, for tills that cannot receive calls: a small HTTP server (`handoff.listen`, on
 * 127.0.0.1 unless configured otherwise) that answers only with the bearer token:
 *   GET /v1/identifications/latest  the newest identification still within its TTL (204: none)
 *   GET /v1/identifications/events  a Server-Sent Events stream of each new one
 *                                   (`Last-Event-ID` replays what the till missed, within TTL)
 * Nothing else is served; no CORS, so no web page can read it. Beyond loopback it speaks TLS
 * (http/listener.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hasBearerToken } from '../http/bearer-token';
import { startListener, type Listener, type ListenerTls } from '../http/listener';
import type { Logger } from '../log/logger';
import type { PendingDelivery } from './journal';

export interface FeedOptions {
  host: string;
  port: number;
  /** Certificate and key: the feed speaks TLS (required beyond loopback). */
  tls?: ListenerTls;
  token: string;
  log: Logger;
  now?: () => number;
}

const MAX_STREAMS = 16;
const KEEPALIVE_MS = 15_000;
/** Identifications kept for `latest` and for replay, newest last. */
const KEEP = 50;

export class FeedServer {
  private readonly recent: PendingDelivery[] = [];
  private readonly streams = new Set<ServerResponse>();
  private readonly keepalive: ReturnType<typeof setInterval>;

  private constructor(
    private readonly listener: Listener,
    private readonly options: FeedOptions,
  ) {
    this.keepalive = setInterval(() => {
      for (const stream of this.streams) {
        if (stream.writableLength > MAX_BUFFERED_BYTES) stream.destroy();
        else stream.write(': keepalive\n\n');
      }
    }, KEEPALIVE_MS);
    this.keepalive.unref();
  }

  /** Listens, or rejects with the reason (e.g. the port is taken). */
  static async start(options: FeedOptions): Promise<FeedServer> {
    let feed: FeedServer | null = null;
    const listener = await startListener('handoff.listen', options, (request, response) => feed?.handle(request, response));
    feed = new FeedServer(listener, options);
    return feed;
  }

  /** Where it listens, e.g. "127.0.0.1:7801". */
  address(): string {
    return this.listener.address();
  }

  /** "https" when it speaks TLS. */
  scheme(): 'https' | 'http' {
    return this.listener.scheme;
  }

  streamCount(): number {
    return this.streams.size;
  }

  publish(delivery: PendingDelivery): void {
    this.recent.push(delivery);
    if (this.recent.length > KEEP) this.recent.shift();
    for (const stream of this.streams) writeEvent(stream, delivery);
  }

  async close(): Promise<void> {
    clearInterval(this.keepalive);
    for (const stream of this.streams) stream.destroy();
    this.streams.clear();
    await this.listener.close(); // idle keep-alive sockets too: stopping must not wait for them
  }

  private live(): PendingDelivery[] {
    const now = (this.options.now ?? Date.now)();
    return this.recent.filter((delivery) => delivery.expiresAt > now);
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    response.setHeader('cache-control', 'no-store');
    if (!hasBearerToken(request.headers.authorization, this.options.token)) {
      response.writeHead(401, { 'www-authenticate': 'Bearer realm="kiosk hand-off"', 'content-type': 'application/json' });
      response.end('{"error":"a valid bearer token is required"}');
      return;
    }
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/v1/identifications/latest' && path !== '/v1/identifications/events') {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    if (request.method !== 'GET') {
      response.writeHead(405, { allow: 'GET', 'content-type': 'application/json' }).end('{"error":"GET only"}');
      return;
    }
    if (path === '/v1/identifications/latest') {
      const latest = this.live().at(-1);
      if (!latest) response.writeHead(204).end();
      else response.writeHead(200, { 'content-type': 'application/json' }).end(latest.body);
      return;
    }
    this.openStream(request, response);
  }

  private openStream(request: IncomingMessage, response: ServerResponse): void {
    if (this.streams.size >= MAX_STREAMS) {
      response.writeHead(503, { 'retry-after': '5', 'content-type': 'application/json' }).end('{"error":"too many streams"}');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/event-stream', connection: 'keep-alive' });
    response.write(': connected\n\n');
    // A till that reconnects says what it saw last: it gets what came after, if still live.
    const lastSeen = request.headers['last-event-id'];
    if (typeof lastSeen === 'string') {
      const live = this.live();
      const at = live.findIndex((delivery) => delivery.id === lastSeen);
      if (at >= 0) for (const delivery of live.slice(at + 1)) writeEvent(response, delivery);
    }
    this.streams.add(response);
    request.on('close', () => this.streams.delete(response));
  }
}

/** A till that stops reading while events pile up is let go (it reconnects with Last-Event-ID). */
const MAX_BUFFERED_BYTES = 1024 * 1024;

function writeEvent(stream: ServerResponse, delivery: PendingDelivery): void {
  if (stream.writableLength > MAX_BUFFERED_BYTES) return void stream.destroy();
  // Ids are printable ASCII (identification.ts) and the body is one line of JSON: no line can be forged.
  stream.write(`id: ${delivery.id}\nevent: identification\ndata: ${delivery.body}\n\n`);
}

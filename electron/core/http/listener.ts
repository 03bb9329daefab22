/**
 * The one way the kiosk listens for other computers' calls (the till's feed, `/metrics`, the
 * support API): plain HTTP only on loopback, TLS with the configured certificate and key
 * otherwise (config/listener-schema.ts refuses a non-loopback host without `tls`, so nothing
 * here ever serves a token in clear beyond this machine). The files are read each time a
 * listener starts, so a renewed certificate is taken at the next start (a configuration change,
 * or the daily restart).
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { isLoopbackHost, TLS_REQUIRED_MESSAGE } from '../config/listener-schema';

export interface ListenerTls {
  /** PEM certificate (with its chain), absolute (the loader resolved it against the provisioning file's folder). */
  cert: string;
  /** PEM private key. */
  key: string;
}

export interface ListenerSettings {
  host: string;
  port: number;
  tls?: ListenerTls;
}

export type RequestHandler = (request: http.IncomingMessage, response: http.ServerResponse) => void;

export interface Listener {
  readonly server: http.Server | https.Server;
  /** "https" or "http". */
  readonly scheme: 'https' | 'http';
  /** host:port it listens on ([v6]:port for IPv6). */
  address(): string;
  /** Stops listening and drops every open connection (idle keep-alive ones and streams too). */
  close(): Promise<void>;
}

/** A listener that cannot start: says which setting (`field`) and why; `code` as Node's (EADDRINUSE, ENOENT…). */
export class ListenerError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/**
 * Listens on `settings` for `field` (the config path, e.g. "handoff.listen", for errors).
 * Rejects with a ListenerError when the files cannot be read or used, or the port is taken.
 */
export async function startListener(field: string, settings: ListenerSettings, handler: RequestHandler): Promise<Listener> {
  // The configuration check refuses this already (listener-schema.ts); the door itself refuses it too.
  if (!settings.tls && !isLoopbackHost(settings.host)) throw new ListenerError(`${field}.tls: ${TLS_REQUIRED_MESSAGE}`, 'ETLSREQUIRED');
  const server = settings.tls ? await tlsServer(field, settings.tls) : http.createServer();
  server.on('request', handler);
  // Slow or silent clients must not hold sockets: a whole request within 30 s, its headers within 10 s.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  // A failed handshake (a port scan, a client that does not trust the certificate) only costs that socket.
  server.on('tlsClientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => reject(new ListenerError(`${field}: cannot listen on ${settings.host}:${settings.port} (${error.code ?? error.message})`, error.code ?? 'error'));
    server.once('error', failed);
    server.listen(settings.port, settings.host, () => {
      server.off('error', failed);
      resolve();
    });
  });
  const { address, port } = server.address() as AddressInfo;
  const where = `${address.includes(':') ? `[${address}]` : address}:${port}`;
  return {
    server,
    scheme: settings.tls ? 'https' : 'http',
    address: () => where,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function tlsServer(field: string, tls: ListenerTls): Promise<https.Server> {
  const [cert, key] = await Promise.all([readPem(`${field}.tls.cert`, tls.cert), readPem(`${field}.tls.key`, tls.key)]);
  try {
    return https.createServer({ cert, key, minVersion: 'TLSv1.2' });
  } catch (error) {
    // Node says e.g. "key values mismatch" or "no start line": never the key itself.
    throw new ListenerError(`${field}.tls: the certificate and key cannot be used together (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, 'EBADTLS');
  }
}

async function readPem(field: string, file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code;
    throw new ListenerError(`${field}: cannot be read (${why}: ${file})`, code);
  }
}

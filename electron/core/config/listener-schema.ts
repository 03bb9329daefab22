/**
 * What every listener of the kiosk shares in its configuration (`handoff.listen`,
 * `telemetry.prometheus`, `fleet.api`): a host, a port, and `tls` (certificate and key files,
 * relative to the provisioning file's folder as `brand.logo` is). Bound to anything but loopback
 * a listener must have `tls`: a bearer token must never cross the store's network in clear.
 */
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import type { FieldIssue } from '../../shared/staff-view';

export const TLS_REQUIRED_MESSAGE = 'is required for a host other than loopback (127.0.0.1, ::1, localhost): a certificate and key, so that the token never crosses the network in clear';

export const ListenerTlsSchema = z.strictObject({
  /** PEM certificate, with its chain. */
  cert: z.string().min(1).max(1024),
  /** PEM private key (readable by the kiosk's user only). */
  key: z.string().min(1).max(1024),
});

/** A host name or an address to listen on. */
export const listenerHost = z.string().min(1).max(255).regex(/^[A-Za-z0-9.:-]+$/, 'must be a host name or address');

type Tls = z.output<typeof ListenerTlsSchema>;
type ListenerConfig = { host: string; tls?: Tls } | null | undefined;

/** The configuration's listeners, by their config path. */
export interface WithListeners {
  handoff?: { listen: ListenerConfig };
  telemetry?: { prometheus?: ListenerConfig };
  fleet?: { api?: ListenerConfig };
}

function listenersOf(config: WithListeners): Array<[string, NonNullable<ListenerConfig>]> {
  const all: Array<[string, ListenerConfig]> = [
    ['handoff.listen', config.handoff?.listen],
    ['telemetry.prometheus', config.telemetry?.prometheus],
    ['fleet.api', config.fleet?.api],
  ];
  return all.filter((entry): entry is [string, NonNullable<ListenerConfig>] => Boolean(entry[1]));
}

/** Hosts only this machine can reach: an IPv4 127.x address (not a name that starts so), ::1, localhost. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}

/**
 * Each listener beyond loopback without `tls`, refused by its field; and each certificate's and
 * key's path made absolute from `baseDir` (the provisioning file's folder).
 */
export function settleListeners(config: WithListeners, baseDir: string): FieldIssue[] {
  resolveListenerFiles(config, baseDir);
  return listenersOf(config)
    .filter(([, listener]) => !listener.tls && !isLoopbackHost(listener.host))
    .map(([field]) => ({ field: `${field}.tls`, message: TLS_REQUIRED_MESSAGE, code: 'tlsRequired' as const }));
}

function resolveListenerFiles(config: WithListeners, baseDir: string): void {
  for (const [, listener] of listenersOf(config)) {
    if (listener.tls) listener.tls = { cert: path.resolve(baseDir, listener.tls.cert), key: path.resolve(baseDir, listener.tls.key) };
  }
}

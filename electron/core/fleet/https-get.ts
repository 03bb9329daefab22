/**
 * One bounded HTTPS GET for the fleet configuration: the system's certificate authorities and
 * Node's (with NODE_EXTRA_CA_CERTS), no redirects followed, a deadline, and a cap on the body
 * so that a hostile or broken server cannot make the kiosk hold more than a configuration.
 */
import https from 'node:https';
import tls from 'node:tls';

export type GetResult = { status: number; etag: string | null; body: Buffer } | { status: 304; etag: string | null; body: null };

export interface GetOptions {
  headers?: Record<string, string>;
  maxBytes: number;
  timeoutMs: number;
  /** Trusted certificate authorities (trustedAuthorities()). */
  ca?: string[];
  signal?: AbortSignal;
}

type CaType = 'default' | 'system' | 'bundled' | 'extra';
type CaReader = (type?: CaType) => string[];

/**
 * The authorities a fleet server's certificate may chain to: the OS's store and Node's own
 * (bundled Mozilla roots plus NODE_EXTRA_CA_CERTS), where this Node can read the OS's
 * (tls.getCACertificates, Node 22.15+ as in Electron 45); otherwise Node's default, which
 * NODE_EXTRA_CA_CERTS extends. `extra`: more (tests).
 */
export function trustedAuthorities(extra: readonly string[] = []): string[] | undefined {
  const read = (tls as unknown as { getCACertificates?: CaReader }).getCACertificates;
  if (typeof read !== 'function') return extra.length ? [...tls.rootCertificates, ...extra] : undefined;
  const system = (() => {
    try {
      return read('system');
    } catch {
      return [];
    }
  })();
  return [...new Set([...read('default'), ...system, ...extra])];
}

/** Rejects on a network error, a deadline, a redirect or a body over `maxBytes` (with a message that says which). */
export function httpsGet(url: string, options: GetOptions): Promise<GetResult> {
  return new Promise((resolve, reject) => {
    const signal = options.signal ? AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs)]) : AbortSignal.timeout(options.timeoutMs);
    const request = https.get(url, { headers: options.headers, ca: options.ca, signal, agent: false }, (response) => {
      const status = response.statusCode ?? 0;
      const etag = typeof response.headers.etag === 'string' ? response.headers.etag : null;
      if (status === 304) {
        response.resume();
        return resolve({ status: 304, etag, body: null });
      }
      if (status >= 300 && status < 400) {
        response.resume();
        return reject(new Error(`HTTP ${status}: a redirect, which the kiosk does not follow`));
      }
      const declared = Number(response.headers['content-length']);
      if (Number.isFinite(declared) && declared > options.maxBytes) {
        response.destroy();
        return reject(new Error(`HTTP ${status}: ${declared} bytes, more than the ${options.maxBytes} a fleet document may have`));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) {
          response.destroy();
          reject(new Error(`HTTP ${status}: more than the ${options.maxBytes} bytes a fleet document may have`));
        } else chunks.push(chunk);
      });
      response.on('end', () => resolve({ status, etag, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', (error: NodeJS.ErrnoException) => reject(signal.aborted && error.name === 'AbortError' ? new Error(`no answer within ${options.timeoutMs} ms`) : new Error(error.code ?? error.message)));
  });
}

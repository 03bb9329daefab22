/**
 * A chain's fleet configuration host for tests: an HTTPS server on 127.0.0.1 (its certificate
 * from tls-certificates.ts) serving one document at /fleet/kiosk.json and its signature at
 * /fleet/kiosk.json.sig, with an ETag and If-None-Match as a static web server or bucket has
 * them; it records what it was asked. And the chain's side of signing (what npm run fleet-sign does).
 */
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TestCertificates } from './tls-certificates';

export interface FleetRequest {
  path: string;
  ifNoneMatch: string | null;
  status: number;
}

export interface FleetServer {
  /** The document's URL (fleet.config.url). */
  url: string;
  /** Serves `document` (exact bytes) with `signature` (null: no .sig, 404). */
  publish(document: string | Buffer, signature: string | null): void;
  /** Answers every request with this status (a host that is down), or serves again (null). */
  outage(status: number | null): void;
  requests: FleetRequest[];
  close(): Promise<void>;
}

export interface FleetKeys {
  privateKey: KeyObject;
  /** SPKI PEM, for fleet.config.publicKey. */
  publicKey: string;
}

export function fleetKeys(): FleetKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

/** The document's exact bytes and their base64 signature. */
export function signedDocument(keys: FleetKeys, document: { serial: number; config: Record<string, unknown> } | string): { document: string; signature: string } {
  const text = typeof document === 'string' ? document : JSON.stringify(document, null, 2);
  return { document: text, signature: sign(null, Buffer.from(text), keys.privateKey).toString('base64') };
}

export async function startFleetServer(certificates: Pick<TestCertificates, 'cert' | 'key'>): Promise<FleetServer> {
  let document: Buffer | null = null;
  let signature: string | null = null;
  let down: number | null = null;
  const requests: FleetRequest[] = [];
  const server = https.createServer({ cert: certificates.cert, key: certificates.key }, (request, response) => {
    const path = request.url ?? '';
    const ifNoneMatch = typeof request.headers['if-none-match'] === 'string' ? request.headers['if-none-match'] : null;
    const answer = (status: number, body?: string | Buffer, headers: Record<string, string> = {}) => {
      requests.push({ path, ifNoneMatch, status });
      response.writeHead(status, headers).end(body);
    };
    if (down !== null) return answer(down, 'unavailable');
    if (path === '/fleet/kiosk.json' && document) {
      const etag = `"${createHash('sha256').update(document).digest('hex').slice(0, 16)}"`;
      if (ifNoneMatch === etag) return answer(304, undefined, { etag });
      return answer(200, document, { etag, 'content-type': 'application/json' });
    }
    if (path === '/fleet/kiosk.json.sig' && signature !== null) return answer(200, signature, { 'content-type': 'text/plain' });
    answer(404, 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}/fleet/kiosk.json`,
    publish(nextDocument, nextSignature) {
      document = Buffer.from(nextDocument);
      signature = nextSignature;
    },
    outage(status) {
      down = status;
    },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

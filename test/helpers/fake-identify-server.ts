/**
 * A loopback stand-in for the loyalty back end, and for Vipps' token, QR exchange and check-in
 * endpoints, that records every request it receives, so tests can assert what the APIs saw.
 * Each identifier (or Vipps call) maps to a scripted answer.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { requestProblems } from './vipps-openapi';

export type FakeAnswer =
  | { status: number; json?: unknown }
  | { status: number; raw: string }
  | { hang: true }
  | { destroy: true }
  /** A slow back end: this answer after `delayMs`. */
  | { delayMs: number; then: FakeAnswer };

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

export interface FakeIdentifyServer {
  baseUrl: string;
  requests: RecordedRequest[];
  /**
   * How the Vipps requests received broke Vipps MobilePay's published OpenAPI files (path, then
   * what), none when they all kept them: a test of Vipps calls expects this empty.
   */
  vippsProblems: string[];
  close(): Promise<void>;
}

export const MEMBER_ANSWER = {
  balances: [{ amount: 14464, currency: 'points' }],
  loyaltyUser: { created: '2021-08-10T12:18:39.180Z', id: '4711fc2a-3a8f-414f-a9e7-44dd5231dca7', name: 'Farhan Ahmed' },
  order: [
    { productId: 'PLU-100', quantity: 1, price: 0, productType: 'REWARD', referenceId: '00' },
    { productId: 'PLU-200', quantity: 2, productType: 'OFFER', referenceId: '01' },
  ],
  content: {},
  transactionId: 'f4190848-169d-4c69-9f53-f916318c432b',
};

/** Vipps' paths, as the kiosk calls them under `vipps.baseUrl`. */
export const VIPPS_PATHS = {
  token: '/accesstoken/get',
  exchange: '/qr/v1/exchange',
  checkIn: '/point-of-sale/v1/loyalty-check-in',
} as const;

export interface FakeVippsAnswers {
  /** Default: 200 with a new access token `fake-access-token-<n>` valid for an hour. */
  token?: (call: number) => FakeAnswer;
  /** By the whole scanned code. Default: 404. */
  exchange?: (qrCode: string) => FakeAnswer;
  /** Default: 200 `{}`. */
  checkIn?: (body: { phoneNumber?: string; isMember?: boolean }, call: number) => FakeAnswer;
}

export async function startFakeIdentify(answerFor: (identifier: string) => FakeAnswer, vipps: FakeVippsAnswers = {}): Promise<FakeIdentifyServer> {
  const requests: RecordedRequest[] = [];
  const vippsProblems: string[] = [];
  const calls = { token: 0, checkIn: 0 };
  const answer = (url: string, body: unknown): FakeAnswer => {
    switch (url) {
      case VIPPS_PATHS.token:
        calls.token += 1;
        return vipps.token?.(calls.token) ?? { status: 200, json: { token_type: 'Bearer', expires_in: 3600, access_token: `fake-access-token-${calls.token}` } };
      case VIPPS_PATHS.exchange:
        return vipps.exchange?.((body as { qrCode?: string } | null)?.qrCode ?? '') ?? { status: 404, json: { error: 'NotFound' } };
      case VIPPS_PATHS.checkIn:
        calls.checkIn += 1;
        return vipps.checkIn?.((body ?? {}) as { phoneNumber?: string; isMember?: boolean }, calls.checkIn) ?? { status: 200, json: {} };
      default:
        return answerFor((body as { identifier?: string } | null)?.identifier ?? '');
    }
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // keep the raw text: the test will see what was sent
      }
      const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      requests.push(request);
      const problems = requestProblems({ ...request, body: text === '' ? undefined : body });
      if (problems?.length) vippsProblems.push(`${request.url}: ${problems.join('; ')}`);
      const send = (scripted: FakeAnswer): void => {
        if ('delayMs' in scripted) return void setTimeout(() => send(scripted.then), scripted.delayMs).unref();
        if ('hang' in scripted) return;
        if ('destroy' in scripted) return void req.socket.destroy();
        if (res.destroyed) return;
        res.writeHead(scripted.status, { 'content-type': 'application/json' });
        res.end('raw' in scripted ? scripted.raw : scripted.json === undefined ? '' : JSON.stringify(scripted.json));
      };
      send(answer(req.url ?? '', body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    vippsProblems,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Vipps credentials for tests: distinctive values, so a test can look for them in logs. */
export const TEST_VIPPS_CREDENTIALS = {
  clientId: '3f0c2b9e-5a1d-4c7e-9b2a-6d8e1f4a7c30',
  clientSecret: 'client-secret-S3cr3t',
  subscriptionKey: 'sub-key-0123456789abcdef',
  merchantSerialNumber: '123456',
};

/** Starts fake servers for one test file and closes them all: call `closeAll` in `afterEach`. */
export function fakeServerPool() {
  let servers: FakeIdentifyServer[] = [];
  return {
    async serve(answerFor: (identifier: string) => FakeAnswer, vipps: FakeVippsAnswers = {}): Promise<FakeIdentifyServer> {
      const server = await startFakeIdentify(answerFor, vipps);
      servers.push(server);
      return server;
    },
    /** Every request the pool's servers received, in the order each server got them. */
    requests: (): RecordedRequest[] => servers.flatMap((server) => server.requests),
    async closeAll(): Promise<void> {
      await Promise.all(servers.map((server) => server.close()));
      servers = [];
    },
  };
}

/** A loopback port nothing listens on (a server's, just closed): "not reachable". */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

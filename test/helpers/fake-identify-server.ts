/**
 * A loopback stand-in for the loyalty back end that records every request it receives, so
 * tests can assert what the API saw. Each identifier maps to a scripted answer.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeAnswer =
  | { status: number; json?: unknown }
  | { status: number; raw: string }
  | { hang: true }
  | { destroy: true };

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

export interface FakeIdentifyServer {
  baseUrl: string;
  requests: RecordedRequest[];
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

export async function startFakeIdentify(answerFor: (identifier: string) => FakeAnswer): Promise<FakeIdentifyServer> {
  const requests: RecordedRequest[] = [];
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
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const identifier = (body as { identifier?: string } | null)?.identifier ?? '';
      const answer = answerFor(identifier);
      if ('hang' in answer) return;
      if ('destroy' in answer) return void req.socket.destroy();
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end('raw' in answer ? answer.raw : answer.json === undefined ? '' : JSON.stringify(answer.json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

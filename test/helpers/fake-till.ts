/**
 * A till's hand-off endpoint on 127.0.0.1 for tests: records every delivery (body, headers,
 * whether its signature verifies), answers as scripted (fail the first N, or always, or hang),
 * and keeps what a real till would: each identification once, by its Idempotency-Key.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySignature } from '../../electron/core/handoff/signature';

export interface TillDelivery {
  body: string;
  idempotencyKey: string | undefined;
  signature: string | undefined;
  signatureValid: boolean;
  status: number;
  /** When the till got it (epoch ms). */
  receivedAt: number;
}

export interface FakeTill {
  url: string;
  deliveries: TillDelivery[];
  /** Identifications the till took, once each, in the order it took them. */
  accepted: unknown[];
  /** Answer each delivery: an HTTP status, or 'hang' (never answer). */
  answer: (delivery: { call: number; idempotencyKey: string | undefined }) => number | 'hang';
  close(): Promise<void>;
}

export async function startFakeTill(secret: string, port = 0): Promise<FakeTill> {
  const seen = new Set<string>();
  const till: FakeTill = {
    url: '',
    deliveries: [],
    accepted: [],
    answer: () => 200,
    close: () => Promise.resolve(),
  };
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    // (the time is taken when the whole request has arrived)
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const idempotencyKey = request.headers['idempotency-key'] as string | undefined;
      const signature = request.headers['x-kiosk-signature'] as string | undefined;
      const status = till.answer({ call: till.deliveries.length + 1, idempotencyKey });
      till.deliveries.push({ body, idempotencyKey, signature, signatureValid: verifySignature(signature, body, secret, Math.floor(Date.now() / 1000)).ok, status: status === 'hang' ? 0 : status, receivedAt: Date.now() });
      if (status === 'hang') return void hanging.add(response);
      if (status >= 200 && status < 300 && idempotencyKey && !seen.has(idempotencyKey)) {
        seen.add(idempotencyKey);
        till.accepted.push(JSON.parse(body));
      }
      response.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  till.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/loyalty/identifications`;
  till.close = async () => {
    for (const response of hanging) response.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return till;
}

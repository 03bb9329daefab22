/**
 * The embedded sandbox: a loopback HTTP server that speaks the identify protocol with seeded
 * members, so a fresh install (no `identify` config) shows a working kiosk. Its bearer token is
 * made anew at every start, so the client's Authorization header is really exercised.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { SANDBOX_ANSWERS } from './sandbox-members';

export interface SandboxServer {
  baseUrl: string;
  token: string;
  close(): Promise<void>;
}

const IdentifyBody = z.object({
  identifier: z.string().min(1).max(512),
  location: z.object({ storeId: z.string(), terminalId: z.string().optional(), hasLoyalty: z.boolean().optional() }),
  content: z.boolean().optional(),
});

const MAX_BODY_BYTES = 16 * 1024;

export async function startSandboxServer(): Promise<SandboxServer> {
  const token = randomBytes(18).toString('base64url');
  const server = http.createServer((req, res) => {
    void handle(req, res, token).catch(() => {
      if (!res.headersSent) send(res, 500, { error: { code: 'InternalError' } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse, token: string): Promise<void> {
  if (req.method !== 'POST' || req.url !== '/loyalty/v2/identify') return send(res, 404, { error: { code: 'NotFound' } });
  if (req.headers.authorization !== `Bearer ${token}`) return send(res, 401, { error: { code: 'Unauthorized' } });
  const raw = await readBody(req);
  let body: z.infer<typeof IdentifyBody>;
  try {
    body = IdentifyBody.parse(JSON.parse(raw ?? ''));
  } catch {
    return send(res, 400, { error: { code: 'InvalidIdentifier' } });
  }
  const answer = SANDBOX_ANSWERS[body.identifier.toLowerCase()];
  if (!answer) return send(res, 404, { error: { code: 'UserNotFound' } });
  switch (answer.kind) {
    case 'member':
      return send(res, 200, answer.body);
    case 'status':
      return send(res, answer.status, answer.body);
    case 'malformed':
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"balances": [ oops');
      return;
    case 'silent':
      return; // never answers: the client's deadline must handle it
  }
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
  });
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

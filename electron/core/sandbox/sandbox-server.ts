/**
 * The embedded sandbox: a loopback HTTP server that speaks the identify protocol, and Vipps'
 * token, QR exchange and check-in, with seeded members, so a fresh install (no `identify`
 * config) shows a working kiosk. Its credentials are made anew at every start, so the
 * clients' Authorization headers are really exercised.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { parseJson, readBody, send } from './sandbox-http';
import { SANDBOX_ANSWERS } from './sandbox-members';
import { SandboxVipps, type SandboxVippsCredentials } from './sandbox-vipps';

export interface SandboxServer {
  baseUrl: string;
  /** The identify bearer token. */
  token: string;
  /** Vipps' credentials for this sandbox (same base URL). */
  vipps: SandboxVippsCredentials;
  close(): Promise<void>;
}

const IdentifyBody = z.object({
  identifier: z.string().min(1).max(512),
  location: z.object({ storeId: z.string(), terminalId: z.string().optional(), hasLoyalty: z.boolean().optional() }),
  content: z.boolean().optional(),
});

/** One request as the sandbox received it: for tests that hold them to Vipps' published API files. */
export interface SandboxRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON; undefined when there was none or it was not JSON. */
  body: unknown;
}

export interface SandboxOptions {
  /** Told of every request, before it is answered (nothing the kiosk itself uses). */
  onRequest?(request: SandboxRequest): void;
}

export async function startSandboxServer(options: SandboxOptions = {}): Promise<SandboxServer> {
  const token = randomBytes(18).toString('base64url');
  const vipps = new SandboxVipps();
  const server = http.createServer((req, res) => {
    void handle(req, res, token, vipps, options).catch(() => {
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
    vipps: vipps.credentials,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse, token: string, vipps: SandboxVipps, options: SandboxOptions): Promise<void> {
  const text = await readBody(req);
  const json = text ? parseJson(text) : undefined;
  options.onRequest?.({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: json });
  if (vipps.handle(req, res, json)) return;
  if (req.method !== 'POST' || req.url !== '/loyalty/v2/identify') return send(res, 404, { error: { code: 'NotFound' } });
  if (req.headers.authorization !== `Bearer ${token}`) return send(res, 401, { error: { code: 'Unauthorized' } });
  const body = IdentifyBody.safeParse(json);
  if (!body.success) return send(res, 400, { error: { code: 'InvalidIdentifier' } });
  const answer = SANDBOX_ANSWERS.get(body.data.identifier.toLowerCase());
  if (!answer) return send(res, 404, { error: { code: 'UserNotFound' } });
  switch (answer.kind) {
    case 'member':
      // Each identify opens a new loyalty transaction, as the real back end does (the till's hand-off keys on it).
      return send(res, 200, { ...answer.body, transactionId: randomUUID() });
    case 'status':
      return send(res, answer.status, answer.body);
    case 'malformed':
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"balances": [ oops');
      return;
    case 'silent':
      return; // never answers: the client's deadline must handle it
  }
}

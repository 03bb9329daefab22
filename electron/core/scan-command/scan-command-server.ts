/**
 * `npm run scan -- CODE` for a kiosk on its sandbox (or in development): a loopback HTTP endpoint
 * that takes a code and puts it on the path every scanner's text takes, then answers with the
 * screen the customer got. The script finds it through a file in the kiosk's user-data folder
 * (owner-only: its address and a per-start token), so only someone who may already read that
 * folder's settings can scan this way, and only a kiosk started with the same user data answers.
 */
import { randomBytes } from 'node:crypto';
import { access, mkdir, readFile, unlink } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { SessionView } from '../../shared/session-view';
import { hasBearerToken } from '../http/bearer-token';
import type { Logger } from '../log/logger';

/** The file in the user-data folder that says where a running kiosk takes scans from the command line. */
export const SCAN_COMMAND_FILE = 'scan-command.json';
/** A code is short; a body longer than any code a scanner reads is refused unread. */
const MAX_BODY_BYTES = 4096;
/**
 * The session ends every identification by its own deadline (at most about 5 minutes, with the
 * largest timeouts the configuration allows); this only guards the wait against a lost answer.
 */
const LONGEST_WAIT_MS = 310_000;

export interface ScanCommandFile {
  url: string;
  token: string;
  pid: number;
}

/** What a scan answers: the screen it led to, or why nothing happened. */
export type ScanCommandResult = { screen: SessionView['screen'] } | { ignored: string };

export interface ScanCommandDeps {
  userDataDir: string;
  /** Puts the text on the scanners' path; says why it was ignored, or null. */
  scan(text: string): string | null;
  view(): SessionView;
  subscribe(listener: (view: SessionView) => void): () => void;
  log: Logger;
}

export interface ScanCommandServer {
  /** Writes the file again when it is gone (staff's factory reset removes it with the other state). */
  announce(): Promise<void>;
  close(): Promise<void>;
}

export async function startScanCommandServer(deps: ScanCommandDeps): Promise<ScanCommandServer> {
  const token = randomBytes(24).toString('base64url');
  const server = http.createServer((request, response) => {
    const reply = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(`${JSON.stringify(body)}\n`);
    if (request.method !== 'POST' || request.url !== '/v1/scan') return reply(404, { error: 'not found' });
    if (!hasBearerToken(request.headers.authorization, token)) return reply(401, { error: 'unauthorized' });
    readBody(request).then(
      async (text) => {
        if (text === null) return reply(413, { error: `a code is at most ${MAX_BODY_BYTES} bytes` });
        deps.log.info('scan-command', { length: text.length });
        reply(200, await scanAndWait(text, deps));
      },
      () => reply(400, { error: 'the request could not be read' }),
    );
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const file = path.join(deps.userDataDir, SCAN_COMMAND_FILE);
  const contents: ScanCommandFile = { url: `http://127.0.0.1:${port}/v1/scan`, token, pid: process.pid };
  // A first start may find no user-data folder yet (the web shell's default one, a new KIOSK_USER_DATA).
  await mkdir(deps.userDataDir, { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify(contents)}\n`, { mode: 0o600 });
  deps.log.info('scan-command-listening', { file });
  return {
    async announce() {
      // Only when missing: a second kiosk on the same folder may have written its own since.
      if (!(await exists(file))) await writeFileAtomic(file, `${JSON.stringify(contents)}\n`, { mode: 0o600 });
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      // Only our own file: a second kiosk on the same folder may have written its own since.
      if (await isOurs(file, token)) await unlink(file).catch(() => undefined);
    },
  };
}

/** Scans, then waits until the identification has a result (or its deadline has passed). */
async function scanAndWait(text: string, deps: ScanCommandDeps): Promise<ScanCommandResult> {
  const before = deps.view();
  const ignored = deps.scan(text);
  if (ignored !== null) return { ignored };
  const now = deps.view();
  // A scan the session dropped changes nothing at all: the same code again within seconds, or
  // any code while the configuration is invalid (the customer still sees needsStaff).
  if (now === before) return now.screen === 'needsStaff' ? { screen: now.screen } : { ignored: 'the same code was scanned a moment ago' };
  if (now.screen !== 'identifying') return { screen: now.screen };
  // The answer comes later, asynchronously; the session's own deadline ends the wait at worst.
  return new Promise((resolve) => {
    const finish = (view: SessionView) => {
      clearTimeout(timer);
      unsubscribe();
      resolve({ screen: view.screen });
    };
    const timer = setTimeout(() => finish(deps.view()), LONGEST_WAIT_MS);
    const unsubscribe = deps.subscribe((view) => {
      if (view.screen !== 'identifying') finish(view);
    });
  });
}

function readBody(request: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the cap the rest is read and thrown away, so that the refusal reaches the caller;
      // a sender that goes on and on is cut off.
      if (size > MAX_BODY_BYTES * 16) request.destroy();
      else if (size > MAX_BODY_BYTES) chunks.length = 0;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

async function isOurs(file: string, token: string): Promise<boolean> {
  try {
    return (JSON.parse(await readFile(file, 'utf8')) as Partial<ScanCommandFile>).token === token;
  } catch {
    return false;
  }
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

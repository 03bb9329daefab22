/**
 * The web shell's HTTP + WebSocket server, on 127.0.0.1 only. Everything lives under
 * `/<launch token>/`; the bridge accepts a connection only with the token in its path and the
 * page's own Origin, so another local page or process cannot drive the kiosk.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { WebSocketServer } from 'ws';
import { contentSecurityPolicy, policyPageOf } from '../core/security/content-security-policy';
import { answerStatic } from './static-answer';
import type { WsBridge } from './ws-bridge';

export interface WebServerOptions {
  port: number;
  token: string;
  rendererDir: string;
  /** Holds page-bridge.js (UI) and capture-bridge.js (capture page). */
  bridgeScriptsDir: string;
  bridge: WsBridge;
}

export interface WebServer {
  url: string;
  close(): Promise<void>;
}

/** Each page's HTML → the bridge script that must run before its own scripts (looked up by the request's path: a Map). */
const BRIDGE_SCRIPTS: ReadonlyMap<string, string> = new Map([
  ['/', 'page-bridge.js'],
  ['/index.html', 'page-bridge.js'],
  ['/capture/capture.html', 'capture-bridge.js'],
]);
const BRIDGE_FILES = new Set([...BRIDGE_SCRIPTS.values()].map((file) => `/${file}`));

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  let origin = '';
  const prefix = `/${options.token}`;
  const server = http.createServer((req, res) => {
    void serve(req, res).catch(() => res.writeHead(500).end());
  });

  async function serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    if (req.method !== 'GET' || !hasTokenPrefix(pathname, prefix)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found. Open the Kiosk UI address printed at start.');
      return;
    }
    const rest = pathname.slice(prefix.length) || '/';
    const bridgeScript = BRIDGE_SCRIPTS.get(rest);
    const answer = await answerStatic(
      BRIDGE_FILES.has(rest) ? options.bridgeScriptsDir : options.rendererDir,
      rest,
      req.headers,
      bridgeScript ? (html) => injectScript(html, `${prefix}/${bridgeScript}`) : undefined,
    );
    if (!answer) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(answer.status, {
      ...answer.headers,
      'content-security-policy': contentSecurityPolicy({ bridgeOrigin: origin.replace(/^http/, 'ws'), page: policyPageOf(rest) }),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer', // the token is in the path: never send it elsewhere
    });
    res.end(answer.body ?? undefined);
  }

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    // Compare the raw path: parsing a hostile request line (e.g. "//") must not throw here.
    const pathname = (req.url ?? '').split('?')[0] ?? '';
    const page = safeEqual(pathname, `${prefix}/bridge`) ? 'ui' : safeEqual(pathname, `${prefix}/capture-bridge`) ? 'capture' : null;
    if (!page || req.headers.origin !== origin) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => options.bridge.attach(ws, page));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${prefix}/`,
    close: () =>
      new Promise<void>((resolve) => {
        options.bridge.closeAll();
        // A page that never answers the close frame must not hold the stop for ws's 30 s timeout.
        setTimeout(() => sockets.clients.forEach((client) => client.terminate()), 250).unref();
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A bridge script must run before the page's own scripts: it defines the page's API. */
function injectScript(html: string, src: string): string {
  return html.replace('</head>', `  <script src="${src}"></script>\n  </head>`);
}

function hasTokenPrefix(pathname: string, prefix: string): boolean {
  const head = pathname.slice(0, prefix.length);
  return safeEqual(head, prefix) && (pathname.length === prefix.length || pathname[prefix.length] === '/');
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

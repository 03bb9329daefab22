/** Small HTTP helpers of the embedded sandbox: a capped body reader and a JSON answer. */
import type http from 'node:http';

const MAX_BODY_BYTES = 16 * 1024;

/** The request body as text, or null when it is too large or the request broke off. */
export function readBody(req: http.IncomingMessage): Promise<string | null> {
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

/** The body parsed as JSON, or undefined when it is not JSON. */
export function parseJson(text: string | null): unknown {
  try {
    return JSON.parse(text ?? '') as unknown;
  } catch {
    return undefined;
  }
}

export function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** A JSON answer with its own media type (Vipps' problem bodies, its token's `;charset=UTF-8`). */
export function sendAs(res: http.ServerResponse, status: number, contentType: string, body: unknown): void {
  res.writeHead(status, { 'content-type': contentType }).end(JSON.stringify(body));
}

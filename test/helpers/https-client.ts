/** A GET (or other method) over HTTPS that trusts only the given authority, for tests of the kiosk's TLS listeners. */
import https from 'node:https';

export interface HttpsAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** The negotiated protocol, e.g. "TLSv1.3". */
  protocol: string | null;
}

export function httpsRequest(url: string, options: { ca: string; headers?: Record<string, string>; method?: string; body?: string; servername?: string }): Promise<HttpsAnswer> {
  return new Promise((resolve, reject) => {
    const request = https.request(url, { method: options.method ?? 'GET', headers: options.headers, ca: options.ca, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      const protocol = (response.socket as import('node:tls').TLSSocket).getProtocol?.() ?? null;
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks), protocol }));
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

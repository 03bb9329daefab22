/**
 * How the web shell serves the built files: the build's Brotli or gzip copy when the browser
 * accepts it, never a stale one; hashed assets immutable, everything else revalidated (ETag,
 * 304); the HTML with its bridge script, uncompressed. Against the real server on loopback.
 */
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handlers } from '../../electron/shared/contract';
import { acceptedEncodings } from '../../electron/web/static-answer';
import { startWebServer, type WebServer } from '../../electron/web/web-server';
import { createWsBridge } from '../../electron/web/ws-bridge';

const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-web-serving-'));
const script = `console.log(${JSON.stringify('kiosk '.repeat(400))});\n`;
const worker = `self.onmessage = () => ${JSON.stringify('frame '.repeat(400))};\n`;

function write(relative: string, body: string | Buffer, ageSeconds = 0): void {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, body);
  const when = Date.now() / 1000 - ageSeconds;
  utimesSync(file, when, when);
}

let server: WebServer;
beforeAll(async () => {
  write('index.html', '<html><head><link rel="icon" href="./assets/icon-AbCdEf12.svg"></head><body></body></html>');
  write('page-bridge.js', script);
  write('page-bridge.js.br', brotliCompressSync(script));
  write('page-bridge.js.gz', gzipSync(script));
  write('assets/index-AbCdEf12.js', script);
  write('assets/index-AbCdEf12.js.br', brotliCompressSync(script));
  write('assets/index-AbCdEf12.js.gz', gzipSync(script));
  write('assets/icon-AbCdEf12.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
  write('capture/capture-worker.js', worker);
  write('capture/capture-worker.js.gz', gzipSync(worker));
  // A copy left from an earlier build: older than the file it was made from.
  write('assets/old-AbCdEf12.js', script);
  write('assets/old-AbCdEf12.js.br', brotliCompressSync('stale'), 60);
  server = await startWebServer({ port: 0, token: 'launch-token-0123456789', rendererDir: dir, bridgeScriptsDir: dir, bridge: createWsBridge({} as Handlers) });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A raw GET (no client that decompresses on its own), with exactly `headers`. */
function get(urlPath: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.get(new URL(urlPath, server.url), { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
  });
}

const CHROMIUM = 'gzip, deflate, br, zstd'; // what Debian's Chromium 156 sends to http://127.0.0.1

describe('the web shell serving its built files', () => {
  it("sends a hashed asset as the build's Brotli copy to Chromium, immutable", async () => {
    const answer = await get('assets/index-AbCdEf12.js', { 'accept-encoding': CHROMIUM });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(answer.body).toString()).toBe(script);
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    expect(answer.body.length).toBeLessThan(script.length / 4);
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(answer.headers.vary).toBe('Accept-Encoding');
    expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(answer.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('sends gzip to a client that takes gzip only, and the file itself to one that takes neither', async () => {
    const gzip = await get('assets/index-AbCdEf12.js', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(script);
    const refused = await get('assets/index-AbCdEf12.js', { 'accept-encoding': 'br;q=0, gzip;q=0.5' });
    expect(refused.headers['content-encoding']).toBe('gzip');
    const plain = await get('assets/index-AbCdEf12.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
    // Each representation has its own tag.
    expect(new Set([gzip.headers.etag, plain.headers.etag, (await get('assets/index-AbCdEf12.js', { 'accept-encoding': 'br' })).headers.etag]).size).toBe(3);
  });

  it('falls back to the next encoding the build wrote (the worker has a gzip copy only)', async () => {
    const answer = await get('capture/capture-worker.js', { 'accept-encoding': CHROMIUM });
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(answer.body).toString()).toBe(worker);
    expect(answer.headers['cache-control']).toBe('no-cache'); // its name stays the same from build to build
  });

  it('never serves a compressed copy older than its file', async () => {
    const answer = await get('assets/old-AbCdEf12.js', { 'accept-encoding': CHROMIUM });
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.body.toString()).toBe(script);
  });

  it('serves the HTML with its bridge script, uncompressed and revalidated', async () => {
    const answer = await get('', { 'accept-encoding': CHROMIUM });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.body.toString()).toContain('<script src="/launch-token-0123456789/page-bridge.js"></script>');
    expect(answer.headers['cache-control']).toBe('no-cache');
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    expect(answer.headers['referrer-policy']).toBe('no-referrer');
  });

  it('answers 304 with no body when the browser already has it, and 200 when it has another version', async () => {
    const first = await get('page-bridge.js', { 'accept-encoding': CHROMIUM });
    expect(first.headers['cache-control']).toBe('no-cache');
    const etag = first.headers.etag ?? '';
    expect(etag).toMatch(/^"[^"]+-br"$/);
    const again = await get('page-bridge.js', { 'accept-encoding': CHROMIUM, 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    expect((await get('page-bridge.js', { 'accept-encoding': CHROMIUM, 'if-none-match': `W/${etag}` })).status).toBe(304);
    expect((await get('page-bridge.js', { 'accept-encoding': CHROMIUM, 'if-none-match': '"something-else"' })).status).toBe(200);
    // The tag of the Brotli body does not validate a gzip one.
    expect((await get('page-bridge.js', { 'accept-encoding': 'gzip', 'if-none-match': etag })).status).toBe(200);
  });

  it('still serves nothing outside its folders or without the launch token', async () => {
    expect((await get('assets/../../../etc/passwd')).status).toBe(404);
    expect((await get('assets/index-AbCdEf12.js.br')).status).toBe(404); // not a file type it serves
    expect((await get('/assets/index-AbCdEf12.js')).status).toBe(404);
  });
});

describe('reading Accept-Encoding', () => {
  const CODINGS = ['br', 'gzip', 'deflate', 'zstd', 'identity', '*'] as const;
  const KNOWN = ['br', 'gzip'];

  it('takes each coding with q > 0, refuses q = 0, and lets * stand for the ones not named', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ coding: fc.constantFrom(...CODINGS), q: fc.constantFrom(undefined, '0', '0.000', '0.5', '1'), upper: fc.boolean(), space: fc.constantFrom('', ' ', '  ') }), {
          selector: (entry) => entry.coding,
          maxLength: CODINGS.length,
        }),
        (entries) => {
          const header = entries.map(({ coding, q, upper, space }) => `${upper ? coding.toUpperCase() : coding}${q === undefined ? '' : `${space};${space}q=${q}`}`).join(', ');
          const allowed = (q: string | undefined) => q === undefined || Number(q) > 0;
          const expected = new Set(entries.filter((entry) => entry.coding !== '*' && allowed(entry.q)).map((entry) => entry.coding as string));
          const wildcard = entries.find((entry) => entry.coding === '*');
          if (wildcard && allowed(wildcard.q)) for (const coding of KNOWN) if (!entries.some((entry) => entry.coding === coding)) expected.add(coding);
          expect(acceptedEncodings(header)).toEqual(expected);
        },
      ),
      { seed: 24, numRuns: 500 },
    );
  });

  it('never throws on any header, and names only codings the header or the build has', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(fc.string())), (header) => {
        const words = (Array.isArray(header) ? header.join(',') : header).toLowerCase();
        for (const coding of acceptedEncodings(header)) expect(KNOWN.includes(coding) || words.includes(coding)).toBe(true);
      }),
      { seed: 24, numRuns: 500 },
    );
  });
});

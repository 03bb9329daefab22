/**
 * How the web shell answers for a built file: compressed when the browser accepts it (the
 * build's Brotli or gzip copy beside the file, scripts/build/precompress.ts; nothing is
 * compressed at run time), with an ETag to revalidate against, and cache headers: Vite's
 * content-hashed assets (`/assets/<name>-<hash>.<ext>`) never change under their name and are
 * immutable; everything else (the HTML, the bridges, the capture page and its worker, whose
 * names stay the same from build to build) is revalidated on every load (`no-cache`: a 304 when
 * unchanged).
 */
import { readFile, stat } from 'node:fs/promises';
import type { IncomingHttpHeaders } from 'node:http';
import { contentTypeOf, resolveStaticPath } from '../core/static/static-files';

export interface StaticAnswer {
  status: 200 | 304;
  headers: Record<string, string>;
  /** Null for a 304. */
  body: Buffer | null;
}

/** The encodings the build writes, best first, and the file suffix of each. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

const HASHED_ASSET = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The answer for `urlPath` under `root`, or null when there is no such file to serve.
 * @param rewriteHtml changes an HTML file's text before it is sent (it is then sent uncompressed:
 *   the bridge script put into the page makes it small and different per launch).
 */
export async function answerStatic(root: string, urlPath: string, headers: IncomingHttpHeaders, rewriteHtml?: (html: string) => string): Promise<StaticAnswer | null> {
  const file = resolveStaticPath(root, urlPath);
  const contentType = file === null ? null : contentTypeOf(file);
  if (file === null || contentType === null) return null;
  const stats = await stat(file).catch(() => null);
  if (!stats?.isFile()) return null;

  const rewrite = rewriteHtml && contentType.startsWith('text/html') ? rewriteHtml : undefined;
  const variant = rewrite ? null : await compressedVariant(file, stats.mtimeMs, headers['accept-encoding']);
  const version = `${stats.size.toString(36)}-${Math.trunc(stats.mtimeMs).toString(36)}`;
  // Each representation has its own tag (RFC 9110, 8.8.3): a cached gzip body is never taken for Brotli.
  const etag = `"${version}${variant ? `-${variant.encoding}` : ''}"`;
  const caching = { 'cache-control': HASHED_ASSET.test(urlPath) ? IMMUTABLE : 'no-cache', vary: 'Accept-Encoding', etag };
  if (matchesEtag(headers['if-none-match'], etag)) return { status: 304, headers: caching, body: null };

  let body = variant?.body ?? (await readFile(file).catch(() => null));
  if (body === null) return null;
  if (rewrite) body = Buffer.from(rewrite(body.toString('utf8')));
  return {
    status: 200,
    headers: { 'content-type': contentType, 'content-length': String(body.length), ...(variant ? { 'content-encoding': variant.encoding } : {}), ...caching },
    body,
  };
}

/** The build's compressed copy the client accepts best, if there is one at least as new as the file. */
async function compressedVariant(file: string, fileMtimeMs: number, acceptEncoding: string | string[] | undefined): Promise<{ encoding: string; body: Buffer } | null> {
  const accepted = acceptedEncodings(acceptEncoding);
  for (const { name, suffix } of ENCODINGS) {
    if (!accepted.has(name)) continue;
    const copy = `${file}${suffix}`;
    const stats = await stat(copy).catch(() => null);
    // A copy older than its file is left from an earlier build: never serve it.
    if (!stats?.isFile() || stats.mtimeMs < fileMtimeMs) continue;
    const body = await readFile(copy).catch(() => null);
    if (body) return { encoding: name, body };
  }
  return null;
}

/** The codings an Accept-Encoding header allows (RFC 9110, 12.5.3): each named with q > 0, or `*`. */
export function acceptedEncodings(header: string | string[] | undefined): Set<string> {
  const accepted = new Set<string>();
  const refused = new Set<string>();
  let wildcard = false;
  for (const item of (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',')) {
    const [rawName = '', ...params] = item.split(';').map((part) => part.trim().toLowerCase());
    if (!rawName) continue;
    const q = params.find((param) => param.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    const allowed = Number.isFinite(weight) && weight > 0;
    if (rawName === '*') wildcard = allowed;
    else (allowed ? accepted : refused).add(rawName);
  }
  if (wildcard) for (const { name } of ENCODINGS) if (!refused.has(name)) accepted.add(name);
  return accepted;
}

/** Whether If-None-Match names `etag` (weak comparison, RFC 9110 13.1.2), or is `*`. */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

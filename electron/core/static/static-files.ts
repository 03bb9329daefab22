/**
 * Serves the built renderer's files for both shells (Electron's app protocol, the web shell's
 * HTTP server): a URL path maps to a file inside one folder, never outside it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** By the requested file's extension (a Map: the extension is the request's text). */
const CONTENT_TYPES: ReadonlyMap<string, string> = new Map([
  ['.html', 'text/html; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.wav', 'audio/wav'],
  ['.woff2', 'font/woff2'],
  ['.json', 'application/json'],
]);

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/** The file for `urlPath`, or null when missing or outside `root`. */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  const file = resolveStaticPath(root, urlPath);
  const contentType = file === null ? null : contentTypeOf(file);
  if (file === null || contentType === null) return null;
  try {
    return { body: await readFile(file), contentType };
  } catch {
    return null;
  }
}

/** The path of the file `urlPath` names inside `root` ("/" is index.html), or null when it would be outside. */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}

/** The Content-Type a served file gets, or null for a kind of file that is never served. */
export function contentTypeOf(file: string): string | null {
  return CONTENT_TYPES.get(path.extname(file).toLowerCase()) ?? null;
}

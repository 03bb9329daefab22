/**
 * Writes a Brotli (`.br`) and a gzip (`.gz`) copy beside each text file the web shell serves, so
 * it answers compressed without compressing at run time (electron/web/static-answer.ts picks
 * one by the browser's Accept-Encoding). Chromium asks for `br` even on http://127.0.0.1.
 * Electron's package leaves these copies out (electron-builder.yml): it reads the asar directly.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text the web shell serves as a file (HTML is not: the bridge script is put into it per request). */
const COMPRESSIBLE = new Set(['.js', '.css', '.svg', '.json']);
/** Below this, compression saves less than a request's headers. */
const MIN_BYTES = 1024;
/**
 * Brotli's best quality above this size costs seconds for a few percent: the capture worker
 * (1.7 MB, WebAssembly inside) takes 6 s at quality 11 for 524 KB, 0.8 s at 9 for 598 KB.
 */
const MAX_QUALITY_BYTES = 512 * 1024;
const LARGE_FILE_QUALITY = 9;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)])));
  return nested.flat();
}

/** Compresses every compressible file under `dirs`; returns how many. */
export async function precompress(dirs: string[]): Promise<number> {
  const files = (await Promise.all(dirs.map(filesUnder))).flat().filter((file) => COMPRESSIBLE.has(path.extname(file)));
  let count = 0;
  // zlib's asynchronous calls run on libuv's thread pool: the files compress side by side.
  await Promise.all(
    files.map(async (file) => {
      const body = await readFile(file);
      if (body.length < MIN_BYTES) return;
      const [br, gz] = await Promise.all([
        brotli(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: body.length > MAX_QUALITY_BYTES ? LARGE_FILE_QUALITY : constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
          },
        }),
        gzipAsync(body, { level: constants.Z_BEST_COMPRESSION }),
      ]);
      await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
      count++;
    }),
  );
  return count;
}

/**
 * Builds what is stale: the renderer (Vite), Electron's main and preload, the web shell and
 * its page bridge (esbuild). Skips everything when no source is newer than the last build.
 *   tsx scripts/build.ts [--force]
 */
import { build as esbuild, type BuildOptions } from 'esbuild';
import { copyFileSync, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build as viteBuild } from 'vite';

const root = path.resolve(import.meta.dirname, '..');
const stamp = path.join(root, 'dist', '.build-stamp');
const inputs = ['electron', 'renderer', 'package.json', 'package-lock.json', 'vite.config.ts', 'scripts/build.ts'];

function newestMtime(entry: string): number {
  const full = path.join(root, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(full).map((child) => newestMtime(path.join(entry, child))));
}

export async function buildIfStale(force = false): Promise<boolean> {
  const sources = Math.max(...inputs.map(newestMtime));
  if (!force && existsSync(stamp) && statSync(stamp).mtimeMs >= sources) return false;
  const started = performance.now();
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  const common: BuildOptions = { bundle: true, sourcemap: true, target: 'node20', logLevel: 'warning', absWorkingDir: root };
  await Promise.all([
    esbuild({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs', platform: 'node', format: 'cjs', external: ['electron', 'serialport', 'electron-updater'] }),
    // Sandboxed preloads cannot load modules: one self-contained CommonJS file.
    esbuild({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs', platform: 'node', format: 'cjs', external: ['electron'] }),
    esbuild({ ...common, entryPoints: ['electron/web/web-shell.ts'], outfile: 'dist/web/web-shell.mjs', platform: 'node', format: 'esm', packages: 'external' }),
    esbuild({ ...common, entryPoints: ['electron/web/page-bridge.ts'], outfile: 'dist/web/page-bridge.js', platform: 'browser', format: 'iife', target: 'chrome130' }),
    esbuild({ ...common, entryPoints: ['electron/web/capture-bridge.ts'], outfile: 'dist/web/capture-bridge.js', platform: 'browser', format: 'iife', target: 'chrome130' }),
    // The capture page sits beside the UI so both shells serve it from the same place.
    esbuild({
      ...common,
      entryPoints: { 'capture-page': 'electron/capture/capture-page.ts', 'capture-worker': 'electron/capture/capture-worker.ts' },
      outdir: 'dist/renderer/capture',
      platform: 'browser',
      format: 'iife',
      target: 'chrome130',
      // ZXing-C++'s WebAssembly travels inside the worker's script (zxing-wasm-binary.ts).
      loader: { '.wasm': 'binary' },
    }),
  ]);
  copyFileSync(path.join(root, 'electron/capture/capture.html'), path.join(root, 'dist/renderer/capture/capture.html'));
  writeFileSync(stamp, new Date().toISOString());
  console.log(`Built in ${Math.round(performance.now() - started)} ms`);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildIfStale(process.argv.includes('--force')).then(
    (built) => built || console.log('Build is up to date'),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

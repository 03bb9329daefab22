/**
 * Builds what is stale: the renderer (Vite), Electron's main and preload, the web shell and
 * its page bridges (esbuild), every script minified; then the web shell's compressed copies.
 * Skips everything when no source is newer than the last build.
 *   tsx scripts/build.ts [--force]
 */
import { build as esbuild, type BuildOptions } from 'esbuild';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build as viteBuild } from 'vite';
import { precompress } from './build/precompress';

const root = path.resolve(import.meta.dirname, '..');
const stamp = path.join(root, 'dist', '.build-stamp');
const inputs = ['electron', 'renderer', 'assets/icon.svg', 'package.json', 'package-lock.json', 'vite.config.ts', 'scripts/build.ts', 'scripts/build'];

function newestMtime(entry: string): number {
  const full = path.join(root, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(full).map((child) => newestMtime(path.join(entry, child))));
}

// Every script is minified; maps are written beside them for debugging here and never
// packaged (electron-builder.yml, test/package/package.test.ts).
const common: BuildOptions = { bundle: true, minify: true, sourcemap: true, target: 'node20', logLevel: 'warning', absWorkingDir: root, define: { 'process.env.NODE_ENV': JSON.stringify('production') } };

/** What esbuild bundles (the renderer is Vite's); test/unit/lean-bundles.test.ts weighs the pages' share. */
export const ESBUILD_BUNDLES: BuildOptions[] = [
  // keepNames: library errors keep their class names in the kiosk's log.
  { ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs', platform: 'node', format: 'cjs', keepNames: true, external: ['electron', 'serialport', 'electron-updater'] },
  // Sandboxed preloads cannot load modules: one self-contained CommonJS file.
  { ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs', platform: 'node', format: 'cjs', external: ['electron'] },
  // The web shell bundles its packages as main does (one file to compile, not hundreds to find
  // and read: it serves in half the time). serialport's native binding stays outside; the
  // banner gives bundled CommonJS packages the `require`, `__filename` and `__dirname` an ES
  // module lacks (write-file-atomic hashes __filename into its temporary names).
  {
    ...common,
    entryPoints: ['electron/web/web-shell.ts'],
    outfile: 'dist/web/web-shell.mjs',
    platform: 'node',
    format: 'esm',
    keepNames: true,
    external: ['serialport'],
    banner: {
      js: [
        "import { createRequire as __kioskRequire } from 'node:module';",
        "import { fileURLToPath as __kioskFilePath } from 'node:url';",
        'const require = __kioskRequire(import.meta.url);',
        'const __filename = __kioskFilePath(import.meta.url);',
        "const __dirname = __kioskFilePath(new URL('.', import.meta.url));",
      ].join(' '),
    },
  },
  { ...common, entryPoints: ['electron/web/page-bridge.ts'], outfile: 'dist/web/page-bridge.js', platform: 'browser', format: 'iife', target: 'chrome130' },
  { ...common, entryPoints: ['electron/web/capture-bridge.ts'], outfile: 'dist/web/capture-bridge.js', platform: 'browser', format: 'iife', target: 'chrome130' },
  // The capture page sits beside the UI so both shells serve it from the same place.
  {
    ...common,
    entryPoints: { 'capture-page': 'electron/capture/capture-page.ts', 'capture-worker': 'electron/capture/capture-worker.ts' },
    outdir: 'dist/renderer/capture',
    platform: 'browser',
    format: 'iife',
    target: 'chrome130',
    // ZXing-C++'s WebAssembly travels inside the worker's script (zxing-wasm-binary.ts).
    loader: { '.wasm': 'binary' },
  },
];

/** Fails the build when the UI's scripts call React's development JSX runtime, which production React lacks. */
function assertProductionRenderer(): void {
  const assets = path.join(root, 'dist/renderer/assets');
  for (const name of readdirSync(assets).filter((file) => file.endsWith('.js'))) {
    if (readFileSync(path.join(assets, name), 'utf8').includes('jsxDEV')) throw new Error(`dist/renderer/assets/${name} calls jsxDEV (React's development JSX runtime): the UI would not start on React's production build`);
  }
}

export async function buildIfStale(force = false): Promise<boolean> {
  const sources = Math.max(...inputs.map(newestMtime));
  if (!force && existsSync(stamp) && statSync(stamp).mtimeMs >= sources) return false;
  const started = performance.now();
  // A production build whoever builds. Vitest sets NODE_ENV=test, and Vite takes NODE_ENV, not
  // `mode`, for whether it builds for production: under the package test it compiled JSX for
  // React's development runtime (`jsxDEV` calls) while `define` gave React's production build,
  // whose jsx-dev-runtime has no `jsxDEV`, so the page threw before its first screen. Vite reads
  // NODE_ENV while it builds, so it is set for the build and given back after.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  assertProductionRenderer();
  await Promise.all(ESBUILD_BUNDLES.map((options) => esbuild(options)));
  copyFileSync(path.join(root, 'electron/capture/capture.html'), path.join(root, 'dist/renderer/capture/capture.html'));
  await precompress([path.join(root, 'dist/renderer'), path.join(root, 'dist/web')]);
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

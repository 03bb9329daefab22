/**
 * `npm start`: builds what is stale and starts the Electron kiosk. Where Electron's binary is
 * missing it lets Electron try to fetch it once; where that cannot work (no network to
 * Electron's download host), it says so and starts the same kiosk in the web shell instead.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildIfStale } from './build';
import { ELECTRON_MISSING, installedElectronBinary } from './electron-binary';

const root = path.resolve(import.meta.dirname, '..');

function electronBinary(): string | null {
  const installed = installedElectronBinary();
  if (installed) return installed;
  try {
    return createRequire(import.meta.url)('electron') as string; // downloads the binary if it can
  } catch {
    return null;
  }
}

function run(command: string, args: string[]): void {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

await buildIfStale();
const binary = electronBinary();
if (binary) {
  run(binary, [root]);
} else {
  console.warn(`${ELECTRON_MISSING}.\nStarting the same kiosk in the web shell instead (npm run start:web); open the address below in a browser.`);
  run(process.execPath, [path.join(root, 'dist/web/web-shell.mjs')]);
}

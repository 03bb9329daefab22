/**
 * Where the Electron binary is, if it is installed. Never downloads: Electron's own
 * `require('electron')` fetches a missing binary, which on this project's development and CI
 * machines cannot succeed.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

export function installedElectronBinary(): string | null {
  const dir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(dir, 'dist');
  const binary = path.join(distDir, relative);
  return existsSync(binary) ? binary : null;
}

export const ELECTRON_MISSING =
  "Electron's binary is not installed here (node_modules/electron/dist is missing, and this machine cannot download it)";

export const ELECTRON_SKIP_REASON = `${ELECTRON_MISSING}: the Electron end-to-end spec (test/electron) is skipped. The same flows run in the web shell specs (test/browser).`;

/**
 * A stand-in Electron distribution for electron-builder's `electronDist` option: what the
 * packaging test packs instead of Electron's real binaries, which cannot be downloaded here
 * (nor in CI). electron-builder copies an unpacked distribution folder as it is
 * (app-builder-lib/out/electron/ElectronFramework.js, "using custom unpacked Electron
 * distribution") and renames `electron` to the app's executable on Linux; then
 * @electron/fuses flips the fuses in that file.
 *
 * The file carries Electron's fuse wire exactly as the real binary does, and nothing else:
 * - layout, from electron/electron's docs/tutorial/fuses.md ("The hard way") and
 *   build/fuses/build.py: the sentinel `dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX`, one byte of schema
 *   version, one byte of wire length, then one byte per fuse, "0" (0x30) off, "1" (0x31) on,
 *   "r" removed;
 * - the wire of Electron 45 (build/fuses/fuses.json5 on main, August 2026): version 1 and nine
 *   fuses, run_as_node 1, cookie_encryption 0, node_options 1, node_cli_inspect 1,
 *   embedded_asar_integrity_validation 0, only_load_app_from_asar 0,
 *   load_browser_process_specific_v8_snapshot 0, grant_file_protocol_extra_privileges 1,
 *   wasm_trap_handlers 1;
 * - what @electron/fuses (1.8.0, dist/index.js) does with it: finds the sentinel with indexOf,
 *   refuses a version byte other than 1, writes the configured fuses among the first
 *   `length` bytes after the two header bytes and leaves the others as they were.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
export const FUSE_SCHEMA_VERSION = 1;
/** Electron 45's fuses as built, in wire order (electron/electron build/fuses/fuses.json5). */
export const ELECTRON_45_FUSE_DEFAULTS = '101100011';

/** Writes an unpacked "Electron distribution" for Linux into `dir` and returns `dir`. */
export function writeElectronStandIn(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const executable = path.join(dir, 'electron');
  writeFileSync(
    executable,
    Buffer.concat([
      Buffer.from('Stand-in for the Electron binary (test/helpers/electron-stand-in.ts): only its fuse wire is real.\n'),
      Buffer.from(FUSE_SENTINEL, 'ascii'),
      Buffer.from([FUSE_SCHEMA_VERSION, ELECTRON_45_FUSE_DEFAULTS.length]),
      Buffer.from(ELECTRON_45_FUSE_DEFAULTS, 'ascii'),
      Buffer.from('\n'),
    ]),
  );
  chmodSync(executable, 0o755);
  return dir;
}

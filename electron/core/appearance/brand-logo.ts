/**
 * The chain's logo for the top bar: read by main (pages cannot read files) and sent as a data
 * URL. Only image types a page can show safely in an <img>, and only small files: a wrong or
 * missing logo costs the logo, never the kiosk.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export const MAX_LOGO_BYTES = 256 * 1024;

/** By the configured file's extension (a Map: the name is the provisioning file's text). */
const TYPES: ReadonlyMap<string, string> = new Map([
  ['.png', 'image/png'],
  ['.jpg', 'image/jpeg'],
  ['.jpeg', 'image/jpeg'],
  ['.webp', 'image/webp'],
  ['.svg', 'image/svg+xml'],
]);

export type LogoResult = { ok: true; dataUrl: string } | { ok: false; error: string };

/** Reads `file` (relative paths from `baseDir`) as a data URL. */
export async function readBrandLogo(file: string, baseDir: string): Promise<LogoResult> {
  const full = path.resolve(baseDir, file);
  const type = TYPES.get(path.extname(full).toLowerCase());
  if (!type) return { ok: false, error: `brand.logo: must be a .png, .jpg, .webp or .svg file (${full})` };
  try {
    const info = await stat(full);
    if (!info.isFile()) return { ok: false, error: `brand.logo: not a file (${full})` };
    if (info.size > MAX_LOGO_BYTES) return { ok: false, error: `brand.logo: larger than ${MAX_LOGO_BYTES / 1024} KiB (${full})` };
    const body = await readFile(full);
    return { ok: true, dataUrl: `data:${type};base64,${body.toString('base64')}` };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, error: `brand.logo: cannot be read (${code === 'ENOENT' ? 'no such file' : (code ?? 'error')}: ${full})` };
  }
}

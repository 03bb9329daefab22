/**
 * The provisioning file decides where the kiosk sends its credentials and customers' codes, and
 * holds the staff PIN's hash: on Linux and macOS the kiosk reads it only if nobody but root or
 * the kiosk's own user could have written it. A file (or the folder it is in) writable by its
 * group or by everyone, or owned by another user, is refused with the reason; the kiosk then
 * shows `needsStaff`, and the reason is in the log and the staff health view. (Windows has no
 * such mode bits: there the installer makes the machine-wide folder writable by administrators
 * only, assets/provisioning-folder.nsh.)
 *
 * The checks look at the opened file itself (fstat), and the text is read from that same handle,
 * so the file cannot be swapped between the check and the read.
 */
import type { Stats } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** A file the kiosk refuses to read, with the reason in words for the operator. */
export class UntrustedFileError extends Error {
  override name = 'UntrustedFileError';
}

export interface TrustOptions {
  platform?: NodeJS.Platform;
  /** The kiosk's own user; default: this process's. */
  uid?: number;
}

/** Why a file (and its folder) with these owners and modes must not be trusted; null when it may be. */
export function untrustedReason(file: Pick<Stats, 'mode' | 'uid'>, folder: Pick<Stats, 'mode' | 'uid'>, folderPath: string, ownUid: number): string | null {
  const trusted = (uid: number) => uid === 0 || uid === ownUid;
  const octal = (mode: number) => `0${(mode & 0o7777).toString(8)}`;
  const owners = `root or the kiosk's user (uid ${ownUid})`;
  if (!trusted(file.uid)) return `it is owned by uid ${file.uid}, not by ${owners}`;
  if (file.mode & 0o022) {
    const who = file.mode & 0o002 ? 'everyone' : 'its group';
    return `it is writable by ${who} (mode ${octal(file.mode)}); make it writable by its owner only: chmod go-w`;
  }
  if (!trusted(folder.uid)) return `its folder ${folderPath} is owned by uid ${folder.uid}, not by ${owners}`;
  // A folder others may write lets them replace the file, unless its sticky bit stops them (/tmp).
  if (folder.mode & 0o022 && !(folder.mode & 0o1000)) {
    return `its folder ${folderPath} is writable by ${folder.mode & 0o002 ? 'everyone' : 'its group'} (mode ${octal(folder.mode)}), so the file could be replaced; chmod go-w the folder`;
  }
  return null;
}

/**
 * The file's text, read only once its owner and mode (and its folder's) pass. Throws what
 * `readFile` throws (ENOENT…), or an UntrustedFileError. On Windows it is a plain read.
 */
export async function readTrustedFile(file: string, options: TrustOptions = {}): Promise<string> {
  const platform = options.platform ?? process.platform;
  const ownUid = options.uid ?? process.getuid?.() ?? -1;
  const handle = await open(file, 'r');
  try {
    if (platform !== 'win32') {
      const real = await realpath(file);
      const folderPath = path.dirname(real);
      const reason = untrustedReason(await handle.stat(), await stat(folderPath), folderPath, ownUid);
      if (reason) throw new UntrustedFileError(reason);
    }
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

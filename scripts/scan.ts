/**
 * `npm run scan -- CODE`: scans CODE into the kiosk running with the same user data
 * (KIOSK_USER_DATA, else the default folder), on the path every scanner's text takes, and prints
 * the screen it led to. Only a kiosk on its embedded sandbox takes it (or one started with
 * KIOSK_ALLOW_SCAN_COMMAND=1, for development).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SCAN_COMMAND_FILE, type ScanCommandFile } from '../electron/core/scan-command/scan-command-server';
import { userDataDir } from '../electron/core/user-data';

async function main(args: string[]): Promise<number> {
  const code = args.join(' ');
  if (args.length === 0 || code.trim() === '') {
    console.error('Usage: npm run scan -- CODE   (e.g. npm run scan -- 123456)');
    return 2;
  }
  const dir = userDataDir(process.env);
  const file = path.join(dir, SCAN_COMMAND_FILE);
  let endpoint: ScanCommandFile;
  try {
    endpoint = JSON.parse(await readFile(file, 'utf8')) as ScanCommandFile;
  } catch {
    console.error(
      `No kiosk that takes scans from the command line is running with the user data ${dir}.\n` +
        'Start one with `npm start` (or `npm run start:web`) and the same KIOSK_USER_DATA. Only a kiosk on its ' +
        'embedded sandbox (no "identify" section) takes them, or one started with KIOSK_ALLOW_SCAN_COMMAND=1.',
    );
    return 1;
  }
  let response: Response;
  try {
    response = await fetch(endpoint.url, { method: 'POST', headers: { authorization: `Bearer ${endpoint.token}`, 'content-type': 'text/plain' }, body: code });
  } catch {
    console.error(`The kiosk that wrote ${file} (process ${endpoint.pid}) is not running any more: start it again.`);
    return 1;
  }
  const answer = (await response.json().catch(() => ({}))) as { screen?: string; ignored?: string; error?: string };
  if (!response.ok) {
    console.error(`The kiosk refused the scan: ${answer.error ?? response.status}`);
    return 1;
  }
  if (answer.ignored) {
    console.log(`Ignored: ${answer.ignored}`);
    return 1;
  }
  console.log(`Scanned; the kiosk shows ${answer.screen ?? 'an unknown screen'}`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));

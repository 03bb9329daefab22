/**
 * Scanning from the command line (`npm run scan -- CODE`), so that anyone can try every sandbox
 * code without a scanner: on only while the kiosk runs on its embedded sandbox, or where a
 * developer sets KIOSK_ALLOW_SCAN_COMMAND=1. A kiosk on a real back end takes scans from its
 * scanners alone.
 */
import type { KioskConfig } from '../config/config-schema';
import { startScanCommandServer, type ScanCommandDeps, type ScanCommandServer } from '../scan-command/scan-command-server';
import type { KioskPart } from './kiosk-part';

export const SCAN_COMMAND_FLAG = 'KIOSK_ALLOW_SCAN_COMMAND';

export function scanCommandAllowed(config: KioskConfig, env: NodeJS.ProcessEnv): boolean {
  return config.identify === undefined || env[SCAN_COMMAND_FLAG] === '1';
}

export function createScanCommand(deps: ScanCommandDeps & { env: NodeJS.ProcessEnv }): KioskPart {
  let server: ScanCommandServer | null = null;
  return {
    name: 'scan command',
    async apply({ after }) {
      const allowed = scanCommandAllowed(after, deps.env);
      if (allowed && !server) server = await startScanCommandServer(deps);
      if (!allowed && server) {
        const retired = server;
        server = null;
        await retired.close();
        deps.log.info('scan-command-closed', { reason: 'the kiosk no longer runs on its sandbox' });
      }
    },
    async stop() {
      await server?.close();
      server = null;
    },
  };
}

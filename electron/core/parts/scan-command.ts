/**
 * Scanning from the command line (`npm run scan -- CODE`), so that anyone can try every sandbox
 * code without a scanner: on only while the kiosk runs on its embedded sandbox, or where a
 * developer sets KIOSK_ALLOW_SCAN_COMMAND=1. A kiosk on a real back end takes scans from its
 * scanners alone.
 */
import type { KioskConfig } from '../config/config-schema';
import type { Logger } from '../log/logger';
import { startScanCommandServer, type ScanCommandDeps, type ScanCommandServer } from '../scan-command/scan-command-server';
import type { SessionMachine } from '../session/session-machine';
import type { KioskPart } from './kiosk-part';
import type { ScanGate } from './scan-gate';

export const SCAN_COMMAND_FLAG = 'KIOSK_ALLOW_SCAN_COMMAND';

export function scanCommandAllowed(config: KioskConfig, env: NodeJS.ProcessEnv): boolean {
  return config.identify === undefined || env[SCAN_COMMAND_FLAG] === '1';
}

export interface ScanCommandPartDeps {
  userDataDir: string;
  env: NodeJS.ProcessEnv;
  gate: Pick<ScanGate, 'scan'>;
  session: Pick<SessionMachine, 'view' | 'subscribe'>;
  log: Logger;
}

export function createScanCommand(parts: ScanCommandPartDeps): KioskPart {
  // A scan from here takes the scan gate's path, as scanner 'command'.
  const deps: ScanCommandDeps & { env: NodeJS.ProcessEnv } = {
    userDataDir: parts.userDataDir,
    env: parts.env,
    scan: (text) => parts.gate.scan(text, 'command'),
    view: () => parts.session.view(),
    subscribe: (listener) => parts.session.subscribe(listener),
    log: parts.log,
  };
  let server: ScanCommandServer | null = null;
  return {
    name: 'scan command',
    async apply({ after }) {
      const allowed = scanCommandAllowed(after, deps.env);
      if (allowed && !server) server = await startScanCommandServer(deps);
      else if (allowed && server) await server.announce();
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

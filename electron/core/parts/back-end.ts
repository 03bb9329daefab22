/**
 * The loyalty back end: the configured one (`identify`), else the embedded sandbox, which is up
 * before a configuration that needs it applies and goes only after one that does not, so a scan
 * in between never finds the kiosk without a back end.
 */
import type { KioskConfig } from '../config/config-schema';
import type { IdentifyTarget } from '../identify/identify-client';
import type { Logger } from '../log/logger';
import { SANDBOX_CATALOG } from '../sandbox/sandbox-members';
import { startSandboxServer, type SandboxOptions, type SandboxServer } from '../sandbox/sandbox-server';
import type { Catalog } from '../session/member-view';
import type { KioskPart } from './kiosk-part';

/** The sandbox answers at once; a call to it that takes this long is a fault. */
export const SANDBOX_TIMEOUT_MS = 5000;

export interface BackEnd extends KioskPart {
  /** Where identify calls go. */
  target(): IdentifyTarget;
  /** The sandbox, while the kiosk runs on it. */
  sandbox(): SandboxServer | null;
  kind(): 'identify' | 'sandbox';
  /** PLU → product name: the configured catalogue, over the sandbox's own on the sandbox. */
  catalog(): Catalog;
}

export function createBackEnd(deps: { config: () => KioskConfig; log: Logger; sandbox?: SandboxOptions }): BackEnd {
  let sandbox: SandboxServer | null = null;
  /** Each configuration's catalogue, made once (a configuration is never changed in place). */
  const catalogs = new WeakMap<KioskConfig, Catalog>();
  return {
    name: 'back end',
    async prepare({ after }) {
      if (after.identify || sandbox) return;
      sandbox = await startSandboxServer(deps.sandbox);
      deps.log.info('sandbox-started', { baseUrl: sandbox.baseUrl });
    },
    async apply({ after }) {
      if (!after.identify || !sandbox) return;
      const retired = sandbox;
      sandbox = null;
      await retired.close();
    },
    async stop() {
      await sandbox?.close();
      sandbox = null;
    },
    target() {
      const { identify } = deps.config();
      return identify
        ? { baseUrl: identify.baseUrl, token: identify.token ?? '', timeoutMs: identify.timeoutMs, content: identify.content }
        : { baseUrl: sandbox?.baseUrl ?? 'http://127.0.0.1:9', token: sandbox?.token ?? '', timeoutMs: SANDBOX_TIMEOUT_MS, content: false };
    },
    sandbox: () => sandbox,
    kind: () => (deps.config().identify ? 'identify' : 'sandbox'),
    catalog() {
      const config = deps.config();
      let catalog = catalogs.get(config);
      if (!catalog) {
        // The file's own keys only (Object.entries), into a Map: a PLU never meets Object.prototype.
        catalog = new Map([...(config.identify ? [] : SANDBOX_CATALOG), ...Object.entries(config.catalog)]);
        catalogs.set(config, catalog);
      }
      return catalog;
    },
  };
}

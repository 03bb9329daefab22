/**
 * The web shell: the same kiosk core under plain Node, its UI served to a browser on
 * 127.0.0.1. It exists because Electron's binary cannot be installed on every machine (tests,
 * previews, screenshots use it); Electron stays the product.
 *
 * Env: KIOSK_CONFIG (config file), KIOSK_PORT (0 or unset: a free port), KIOSK_USER_DATA
 * (folder for config.json when KIOSK_CONFIG is unset; defaults to the Electron kiosk's).
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { bindCoreToTransport } from '../core/bridge/bind-core';
import { createHandlers } from '../core/bridge/handlers';
import { startKioskCore } from '../core/kiosk-core';
import { logUnhandledRejections } from '../core/log/process-guards';
import { userDataDir as kioskUserDataDir } from '../core/user-data';
import { startWebServer } from './web-server';
import { createWsBridge } from './ws-bridge';

const here = path.dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  const port = Number(process.env.KIOSK_PORT ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`KIOSK_PORT must be a port number, not "${process.env.KIOSK_PORT}"`);
  const userDataDir = kioskUserDataDir(process.env);

  // Signal handlers first: a supervisor may send SIGTERM the moment the URL line appears.
  let stopping = false;
  let stopParts: Array<() => Promise<void>> = [];
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Stopping on ${signal}`);
    for (const part of stopParts) await part();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  const core = await startKioskCore({ userDataDir, env: process.env, version: await readVersion() });
  logUnhandledRejections(core.log);
  stopParts = [() => core.stop()];
  const bridge = createWsBridge(createHandlers(core));
  bindCoreToTransport(core, bridge);
  // A restart here is every page loading itself again (the core runs on); the screen is a
  // browser's, which this process cannot capture.
  core.attachShell({
    restart: (reason) => bridge.publish('reload', { reason }),
    noScreenshot: "the web shell's screen is a page in a browser this process does not own, so it cannot capture it: take the picture in that browser (e.g. Playwright's page.screenshot()); the Electron kiosk answers with a PNG",
    // Staff's "Quit for maintenance": the same stop as SIGTERM's, then exit code 0.
    quit: () => stop('staff-quit'),
  });
  // The capture page is a hidden frame of the UI page here, which main cannot reload: it is told
  // to reload itself (Electron's main reloads its capture window instead).
  core.onCameraStall(() => bridge.publish('cameraRestart', { reason: 'framesStalled' }));
  const server = await startWebServer({
    port,
    token: randomBytes(24).toString('base64url'),
    rendererDir: path.resolve(here, '../renderer'),
    bridgeScriptsDir: here,
    bridge,
  });
  stopParts = [() => server.close(), () => core.stop()];
  console.log(`Kiosk UI: ${server.url}`);
}

main().catch((error: unknown) => {
  console.error(`Web shell failed to start: ${(error as Error).message}`);
  process.exit(1);
});

/** The app's version from package.json (two folders up from dist/web), for the staff health view. */
async function readVersion(): Promise<string> {
  try {
    const text = await readFile(new URL('../../package.json', import.meta.url), 'utf8');
    return (JSON.parse(text) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

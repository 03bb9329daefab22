/**
 * The Electron kiosk, once the app is ready, as a list: the core; quitting that waits for it;
 * the customer window on its own screen, locked down; the IPC bridge; updates; the OS's camera
 * consent, then the hidden capture page, its permissions and the watchdog that heals both pages.
 */
import { app, powerMonitor, screen, session, systemPreferences } from 'electron';
import { autoUpdater } from 'electron-updater';
import path from 'node:path';
import { bindCoreToTransport } from '../core/bridge/bind-core';
import { createHandlers } from '../core/bridge/handlers';
import { startKioskCore } from '../core/kiosk-core';
import { logUnhandledRejections } from '../core/log/process-guards';
import { selfUpdateSupport } from '../core/updates/update-support';
import { serveRenderer } from './app-protocol';
import { ensureCameraAccess } from './camera-access';
import { createCaptureWindow } from './capture-window';
import { isNativeWayland, setupDisplayPlacement } from './display';
import { setupIpc } from './ipc';
import { createKioskWindow } from './kiosk-window';
import { preventDisplaySleep, setupLockdown } from './lockdown';
import { setupPermissions } from './permissions';
import type { MainProcessGuard } from './process-guard';
import { setupGracefulQuit, type GracefulQuit } from './quit';
import { captureCustomerScreen } from './screen-capture';
import { createSafeStorageStore } from './secret-store';
import { setupUpdater } from './updater';
import { setupWatchdog, type Watchdog } from './watchdog';
import { setupWedgeInput } from './wedge-input';

export interface ElectronKiosk {
  /** The one graceful restart (await the core's stop, bounded; then a new kiosk, and exit 0). */
  relaunch: GracefulQuit['relaunch'];
}

export async function startElectronKiosk(guard: MainProcessGuard): Promise<ElectronKiosk> {
  serveRenderer(path.join(__dirname, '../renderer'));
  const core = await startKioskCore({
    userDataDir: app.getPath('userData'),
    env: process.env,
    secrets: createSafeStorageStore(),
    version: app.getVersion(),
  });
  logUnhandledRejections(core.log);

  // Filled in below; quitting may come at any moment from here on.
  let watchdog: Watchdog | null = null;
  let stopUpdater = () => undefined as void;
  let stopPlacement = () => undefined as void;
  const quit = setupGracefulQuit({
    app,
    powerMonitor: powerMonitor as never,
    stopShell: () => {
      watchdog?.stop();
      stopUpdater();
      stopPlacement();
    },
    stopCore: () => core.stop(),
    log: core.log,
  });
  guard.attach(core.log, (reason) => void quit.relaunch(reason));

  const bridge = setupIpc(createHandlers(core));
  const preload = path.join(__dirname, 'preload.cjs');
  const devTools = !app.isPackaged;

  // The customer's window, on its screen (display.ts), never on the till's.
  const index = core.config().display.index;
  const wayland = isNativeWayland(process.platform, process.env, app.commandLine.getSwitchValue('ozone-platform'));
  const startDisplay = index === null ? screen.getPrimaryDisplay() : (screen.getAllDisplays()[index] ?? screen.getPrimaryDisplay());
  let showWhenPlaced = () => undefined as void;
  const window = createKioskWindow(preload, { bounds: startDisplay.bounds, devTools, onReadyToShow: () => showWhenPlaced() });
  setupLockdown(window, { packaged: app.isPackaged, hideCursor: () => core.config().display.hideCursor, log: core.log });
  const placement = setupDisplayPlacement({ window, screen, index, wayland, log: core.log, onChange: (health) => core.setDisplay(health) });
  showWhenPlaced = () => placement.readyToShow();
  stopPlacement = () => placement.stop();
  await placement.place('start');
  preventDisplaySleep();
  quit.watchSessionEnd(window);
  bridge.trust(window.webContents, 'ui');
  setupWedgeInput(window, core);

  const updateSupport = selfUpdateSupport(process.platform, process.env);
  if (!updateSupport.ok && core.config().updates) core.log.warn('updates-unsupported', { message: updateSupport.reason });
  const updater = setupUpdater({
    updater: autoUpdater,
    settings: () => (updateSupport.ok ? (core.config().updates ?? null) : null),
    isIdle: () => core.isIdle(),
    log: core.log,
    onState: (state) => core.metrics.setUpdateState(state),
    onRelease: (publishedAt) => core.metrics.setPendingRelease(publishedAt),
  });
  stopUpdater = () => updater.stop();
  core.session.subscribe(() => updater.activity());

  // The camera: the OS's consent first (macOS asks once), then the capture page, once the UI has loaded.
  const consent = ensureCameraAccess({ platform: process.platform, systemPreferences, cameraEnabled: core.config().scanners.camera.enabled, log: core.log });
  const capture = createCaptureWindow(preload, { devTools, loadWhen: consent, loadAfter: window.webContents });
  setupPermissions(session.defaultSession, (contents) => contents === capture.webContents);
  bridge.trust(capture.webContents, 'capture');
  bindCoreToTransport(core, bridge);

  watchdog = setupWatchdog({
    ui: window,
    capture,
    resetSession: () => {
      core.staff.close();
      core.session.done();
    },
    outOfOrderChanged: (on) => core.setOutOfOrder(on),
    cameraDown: (detail) => core.camera.setState({ state: 'unavailable', detail }),
    uiCrashed: () => core.metrics.uiCrashed(),
    log: core.log,
  });
  const restartCapture = () => watchdog?.restartCamera('FramesStalled');
  core.onCameraStall(restartCapture);
  // The support desk's restart and the daily one (core/maintenance/) relaunch the same graceful
  // way; staff's "Quit for maintenance" is app.quit() through quit.ts (exit code 0, app.md).
  core.attachShell({ restart: (reason) => quit.relaunch(reason), screenshot: captureCustomerScreen(window), quit: () => app.quit() });

  // A second copy was started (or an updated one is waiting for the lock): bring the window
  // forward, unless it is hidden while its screen is away.
  app.on('second-instance', () => {
    if (window.isVisible()) window.focus();
  });
  console.log('kiosk-ready');
  return { relaunch: (reason) => quit.relaunch(reason) };
}

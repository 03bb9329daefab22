/**
 * Electron entry. Start-up reads as a list: one kiosk, sealed window, core, bridge, scanners,
 * watchdog, updates.
 */
import { app, Menu, session } from 'electron';
import { autoUpdater } from 'electron-updater';
import path from 'node:path';
import { bindCoreToTransport } from '../core/bridge/bind-core';
import { createHandlers } from '../core/bridge/handlers';
import { startKioskCore } from '../core/kiosk-core';
import { logUnhandledRejections } from '../core/log/process-guards';
import { selfUpdateSupport } from '../core/updates/update-support';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { createKioskWindow } from './kiosk-window';
import { kioskDisplayBounds } from './display';
import { setupIpc } from './ipc';
import { createCaptureWindow } from './capture-window';
import { preventDisplaySleep, setupLockdown } from './lockdown';
import { createSafeStorageStore } from './secret-store';
import { setupPermissions } from './permissions';
import { setupUpdater } from './updater';
import { setupWatchdog } from './watchdog';
import { setupWedgeInput } from './wedge-input';

if (!app.requestSingleInstanceLock()) {
  app.exit(0); // a second kiosk on the same counter would fight over scanners
} else {
  registerAppScheme();
  Menu.setApplicationMenu(null);
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      console.error('Kiosk failed to start', error);
      app.exit(1); // a windowless kiosk would look alive to the OS and dead to the customer
    });
}

async function onReady(): Promise<void> {
  serveRenderer(path.join(__dirname, '../renderer'));
  const userData = app.getPath('userData');
  const core = await startKioskCore({
    userDataDir: userData,
    env: process.env,
    secrets: createSafeStorageStore(),
    version: app.getVersion(),
  });
  logUnhandledRejections(core.log);
  const bridge = setupIpc(createHandlers(core));
  const preload = path.join(__dirname, 'preload.cjs');
  const devTools = !app.isPackaged;

  const displayIndex = core.config().display.index;
  const display = kioskDisplayBounds(displayIndex);
  if (display.fellBack) core.log.warn('display-missing', { index: displayIndex, message: `No screen ${displayIndex}: the kiosk fills the primary screen` });
  const window = createKioskWindow(preload, { bounds: display.bounds, devTools });
  setupLockdown(window, { packaged: app.isPackaged, hideCursor: () => core.config().display.hideCursor, log: core.log });
  preventDisplaySleep();

  const capture = createCaptureWindow(preload, { devTools, loadAfter: window.webContents });
  setupPermissions(session.defaultSession, (contents) => contents === capture.webContents);
  bridge.trust(window.webContents, 'ui');
  bridge.trust(capture.webContents, 'capture');
  bindCoreToTransport(core, bridge);

  const watchdog = setupWatchdog({
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
  core.session.subscribe(() => updater.activity());

  app.on('second-instance', () => window.focus());
  app.on('before-quit', () => {
    watchdog.stop();
    updater.stop();
    void core.stop();
  });
  console.log('kiosk-ready');
}

/**
 * Electron entry. Start-up reads as a list: one kiosk, sealed window, core, bridge, scanners.
 */
import { app, Menu, session } from 'electron';
import path from 'node:path';
import { createHandlers } from '../core/bridge/handlers';
import { startKioskCore } from '../core/kiosk-core';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { createKioskWindow } from './kiosk-window';
import { setupIpc } from './ipc';
import { createCaptureWindow } from './capture-window';
import { createSafeStorageStore } from './secret-store';
import { setupPermissions } from './permissions';
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
  const core = await startKioskCore({ userDataDir: app.getPath('userData'), env: process.env, secrets: createSafeStorageStore(), version: app.getVersion() });
  const bridge = setupIpc(createHandlers(core));
  const preload = path.join(__dirname, 'preload.cjs');
  const window = createKioskWindow(preload);
  const capture = createCaptureWindow(preload);
  setupPermissions(session.defaultSession, (contents) => contents === capture.webContents);
  bridge.trust(window.webContents, 'ui');
  bridge.trust(capture.webContents, 'capture');
  core.session.subscribe((view) => bridge.publish('state', view));
  core.camera.onPreview((preview) => bridge.publish('preview', preview));
  core.onCameraSettings((settings) => bridge.publish('cameraSettings', settings));
  capture.webContents.on('render-process-gone', () => {
    core.camera.setState({ state: 'unavailable', detail: 'CapturePageGone' });
    setTimeout(() => capture.webContents.reload(), 2000); // the camera path only; the UI is untouched
  });
  setupWedgeInput(window, core);
  app.on('second-instance', () => window.focus());
  app.on('before-quit', () => void core.stop());
  console.log('kiosk-ready');
}

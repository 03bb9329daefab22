/**
 * Electron entry, in order: an exception in main never reaches a dialog; the app's scheme and
 * menu are set before `ready` (both must be, and the lock below may take seconds); one kiosk per
 * machine, the one an update started waiting for its predecessor's lock; then the kiosk itself
 * (kiosk-shell.ts).
 */
import { app } from 'electron';
import { setApplicationMenu } from './app-menu';
import { registerAppScheme } from './app-protocol';
import { startElectronKiosk } from './kiosk-shell';
import { guardMainProcess } from './process-guard';
import { acquireSingleInstanceLock } from './single-instance';
import { userDataDir } from '../core/user-data';

const guard = guardMainProcess();
registerAppScheme();
setApplicationMenu(process.platform, app.name);
// Before the single-instance lock, which Electron keys on the user-data folder: KIOSK_USER_DATA
// chooses it in both shells (and for `npm run scan`).
if (process.env.KIOSK_USER_DATA?.trim()) app.setPath('userData', userDataDir(process.env));

acquireSingleInstanceLock({ app, argv: process.argv, env: process.env, note: (message) => console.error(message) })
  .then(async (locked) => {
    if (!locked) return app.exit(0); // a second kiosk on the same counter would fight over scanners
    app.on('window-all-closed', () => app.quit());
    await app.whenReady();
    await startElectronKiosk(guard);
  })
  .catch((error: unknown) => {
    console.error('Kiosk failed to start', error);
    app.exit(1); // a windowless kiosk would look alive to the OS and dead to the customer
  });

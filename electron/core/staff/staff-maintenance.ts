/**
 * Staff mode's two maintenance actions, each behind the PIN (staff mode open) and a confirm
 * step in the page:
 * - "Quit for maintenance": logged `staff-quit`, then the shell quits the way any quit does
 *   (Electron: app.quit() through quit.ts; the web shell: its SIGTERM stop), exit code 0.
 * - "Factory reset": removes every file the kiosk writes as state in its user-data folder, so
 *   that it runs on its provisioning file alone again, then reloads the configuration. It keeps
 *   the log (support needs it) and the hand-off journal (identifications the till has not taken
 *   yet are a customer's, not settings), and never touches the provisioning file (the operator's).
 */
import { unlink } from 'node:fs/promises';
import path from 'node:path';
import type { FactoryResetResult, StaffQuitResult } from '../../shared/staff-view';
import { STAFF_SETTINGS_FILE } from '../config/staff-layer';
import { FLEET_STORE_FILE } from '../fleet/fleet-store';
import { JOURNAL_FILE } from '../handoff/journal';
import type { Logger } from '../log/logger';
import { RESTART_STATE_FILE } from '../parts/maintenance';
import { SCAN_COMMAND_FILE } from '../scan-command/scan-command-server';
import type { ShellActions } from '../shell-actions';
import { LOCKOUT_FILE } from './lockout-file';

/**
 * The kiosk's own state files in its user-data folder: what staff saved (with the secrets they
 * stored, encrypted), the PIN pad's lockout count, the fleet configuration last received, when
 * the daily restart last ran, and where `npm run scan` finds this kiosk.
 */
export const STATE_FILES = [STAFF_SETTINGS_FILE, LOCKOUT_FILE, FLEET_STORE_FILE, RESTART_STATE_FILE, SCAN_COMMAND_FILE] as const;
/** What a factory reset leaves in the user-data folder. */
export const KEPT_BY_RESET = ['logs', JOURNAL_FILE] as const;
/** Long enough for the answer to reach the page before the quit starts closing it. */
const QUIT_AFTER_MS = 200;

export interface StaffMaintenanceDeps {
  userDataDir: string;
  /** Throws while staff mode is closed (and keeps it open otherwise). */
  requireOpen(): void;
  closeStaff(): void;
  shell(): ShellActions | null;
  /** The core's reload of the configuration; resolves once it is in force. */
  reload(): Promise<void>;
  log: Logger;
}

export interface StaffMaintenance {
  quit(): StaffQuitResult;
  factoryReset(): Promise<FactoryResetResult>;
}

export function createStaffMaintenance(deps: StaffMaintenanceDeps): StaffMaintenance {
  let resetting: Promise<FactoryResetResult> | null = null;
  return {
    quit() {
      deps.requireOpen();
      const shell = deps.shell();
      if (!shell?.quit) return { ok: false, message: 'this kiosk has no shell that can quit it' };
      deps.log.info('staff-quit', { message: 'staff quit the kiosk for maintenance' });
      deps.closeStaff();
      const quit = shell.quit.bind(shell);
      setTimeout(() => void Promise.resolve(quit()).catch((error: unknown) => deps.log.error('staff-quit-failed', { message: (error as Error).message })), QUIT_AFTER_MS);
      return { ok: true };
    },
    factoryReset() {
      deps.requireOpen();
      resetting ??= reset(deps).finally(() => (resetting = null));
      return resetting;
    },
  };
}

async function reset(deps: StaffMaintenanceDeps): Promise<FactoryResetResult> {
  const removed: string[] = [];
  const failed: string[] = [];
  for (const name of STATE_FILES) {
    try {
      await unlink(path.join(deps.userDataDir, name));
      removed.push(name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') failed.push(`${name}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
  deps.log.info('staff-factory-reset', { removed, kept: [...KEPT_BY_RESET], failed, folder: deps.userDataDir });
  // Back on the provisioning file alone (the file watcher may reload too; one more is harmless).
  await deps.reload();
  return failed.length ? { ok: false, removed, failed } : { ok: true, removed };
}

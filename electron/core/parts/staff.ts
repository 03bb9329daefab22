/** Staff mode (staff/staff-service.ts) on the kiosk's configuration, cameras and serial ports. */
import type { ConfigHolder } from '../config/config-holder';
import type { SecretStore } from '../config/secret-store';
import type { Logger } from '../log/logger';
import type { KioskMetrics } from '../metrics/kiosk-metrics';
import type { ShellActions } from '../shell-actions';
import { createStaffMaintenance, type StaffMaintenance } from '../staff/staff-maintenance';
import { StaffService } from '../staff/staff-service';
import type { Camera } from './camera';

/** Staff mode: the PIN, the settings, and the maintenance actions (quit, factory reset). */
export type StaffMode = StaffService & StaffMaintenance;

export interface StaffPartDeps {
  config: ConfigHolder;
  env: NodeJS.ProcessEnv;
  userDataDir: string;
  secrets: SecretStore;
  reload(): Promise<void>;
  camera: Camera;
  log: Logger;
  metrics: Pick<KioskMetrics, 'staffPinFailure'>;
  /** The shell, once attached (the quit). */
  shell(): ShellActions | null;
}

export function createStaff(deps: StaffPartDeps): StaffMode {
  const service = new StaffService({
    config: () => deps.config.current(),
    source: () => deps.config.source(),
    env: deps.env,
    userDataDir: deps.userDataDir,
    secrets: deps.secrets,
    reload: () => deps.reload(),
    log: deps.log,
    onPinFailure: (reason) => deps.metrics.staffPinFailure(reason),
    cameras: () => deps.camera.devices(),
    serialPorts: async () => {
      const { SerialPort } = await import('serialport');
      return (await SerialPort.list()).map((port) => ({ path: port.path, label: [port.manufacturer, port.serialNumber].filter(Boolean).join(' ') || port.path }));
    },
  });
  const maintenance = createStaffMaintenance({
    userDataDir: deps.userDataDir,
    requireOpen: () => service.requireOpen(),
    closeStaff: () => service.close(),
    shell: deps.shell,
    reload: () => deps.reload(),
    log: deps.log,
  });
  return Object.assign(service, maintenance);
}

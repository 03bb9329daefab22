/** Staff mode (staff/staff-service.ts) on the kiosk's configuration, cameras and serial ports. */
import type { ConfigHolder } from '../config/config-holder';
import type { SecretStore } from '../config/secret-store';
import type { Logger } from '../log/logger';
import type { KioskMetrics } from '../metrics/kiosk-metrics';
import { StaffService } from '../staff/staff-service';
import type { Camera } from './camera';

export interface StaffPartDeps {
  config: ConfigHolder;
  env: NodeJS.ProcessEnv;
  userDataDir: string;
  secrets: SecretStore;
  reload(): Promise<void>;
  camera: Camera;
  log: Logger;
  metrics: Pick<KioskMetrics, 'staffPinFailure'>;
}

export function createStaff(deps: StaffPartDeps): StaffService {
  return new StaffService({
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
}

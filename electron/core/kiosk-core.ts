/**
 * The kiosk's core, shared line for line by the Electron and web shells (plain Node, no
 * Electron import). It is a list of parts (core/parts/), each owning one concern and reacting to
 * its own section of the configuration; the configuration holder applies a new configuration to
 * them as one transition, in the order listed below. A shell adds only its windows/transport
 * (bind-core.ts connects them).
 */
import path from 'node:path';
import type { Appearance } from '../shared/appearance';
import type { CameraTuning } from '../shared/camera-tuning';
import type { CameraHint, CameraSettings, UiErrorReport } from '../shared/contract';
import type { SerialState } from '../shared/scanner-state';
import type { ConnectionTestDraft, ConnectionTestResult, DisplayHealth, HealthView, StaffSettingsView } from '../shared/staff-view';
import type { CameraFeed } from './camera/camera-feed';
import { ConfigHolder } from './config/config-holder';
import type { KioskConfig } from './config/config-schema';
import { configCandidatePaths, loadConfig, staffSettingsPath, type ConfigSource } from './config/load-config';
import { NO_SECRET_STORE } from './config/secret-store';
import { watchConfigFiles } from './config/watch-config';
import { createLogger, type KioskLogger, type Logger } from './log/logger';
import { createAppearance } from './parts/appearance';
import { createBackEnd } from './parts/back-end';
import { createCamera } from './parts/camera';
import { configLogged } from './parts/config-logged';
import { createHandoff } from './parts/handoff';
import { healthView } from './parts/health';
import { createKeypad, type Keypad } from './parts/keypad';
import type { KioskCoreOptions } from './kiosk-core-options';
import { KioskMetrics } from './metrics/kiosk-metrics';
import type { KioskPart } from './parts/kiosk-part';
import { logSecrets } from './parts/log-secrets';
import { createScanCommand } from './parts/scan-command';
import { createScanGate } from './parts/scan-gate';
import { createScanners } from './parts/scanners';
import { createSession } from './parts/session';
import { createStaff, type StaffMode } from './parts/staff';
import { createSupport } from './parts/support';
import { createTelemetry } from './parts/telemetry';
import { createVipps } from './parts/vipps';
import { PRODUCT_NAME } from './product';
import type { TimedKey } from './scan/wedge-detector';
import type { SessionMachine } from './session/session-machine';
import type { ShellActions } from './shell-actions';
import { testDraftConnection } from './staff/connection-test';
import { HealthStats } from './staff/health-stats';

export type { KioskCoreOptions } from './kiosk-core-options';
export interface KioskCore {
  session: SessionMachine;
  /** A key press, for the keyboard-wedge detector. */
  keyInput(key: TimedKey): void;
  /** Text from a keyboard-wedge-like scanner (tests, and what a shell reads itself). */
  scan(text: string): void;
  /** Text the camera decoded (ignored while the camera is disabled). */
  cameraScan(text: string): void;
  camera: CameraFeed;
  /** What the capture page applied to the camera (for staff). */
  cameraTuning(tuning: CameraTuning): void;
  /** The capture worker finds a code it cannot decode (true), or no longer (false). */
  codeUnread(seen: boolean): void;
  cameraHint(): CameraHint;
  onCameraHint(listener: (hint: CameraHint) => void): () => void;
  /** The typed-code keypad (its keys from the keyboard arrive through `keyInput`). */
  keypad: Pick<Keypad, 'view' | 'onView' | 'onKeys' | 'open' | 'close' | 'submit'>;
  cameraSettings(): CameraSettings;
  /** Called when the configuration changes the camera settings. */
  onCameraSettings(listener: (settings: CameraSettings) => void): () => void;
  /** The capture worker's heartbeat: `count` frames arrived since the last one. */
  cameraFrames(count: number): void;
  /** Called when no frame came for 10 s while the camera should run: the shell restarts the capture page. */
  onCameraStall(listener: () => void): () => void;
  /** Electron: where the kiosk window is (staff health, kiosk_display_up). */
  setDisplay(display: DisplayHealth): void;
  /** The serial scanner's connection (for staff). */
  serialState(): SerialState;
  staff: StaffMode;
  health(): HealthView;
  /** "Test connection": the form's Identify URL and typed token when given (by the save's rules), else what is saved. */
  testConnection(draft?: ConnectionTestDraft): Promise<ConnectionTestResult>;
  /** How the customer UI looks and sounds (language, brand, sounds, attract delay). */
  appearance(): Appearance;
  /** Called when the configuration changes the appearance. */
  onAppearance(listener: (appearance: Appearance) => void): () => void;
  /** The cameras the capture page found (for the staff form). */
  setCameraDevices(devices: StaffSettingsView['cameras']): void;
  configSource(): ConfigSource;
  /** The configuration in force (never a half-applied one). */
  config(): KioskConfig;
  /**
   * True when nobody is at the kiosk: staff mode closed, and the session on `ready` or stuck on
   * an invalid configuration (no customer can be served; an update may be the fix).
   */
  isIdle(): boolean;
  /** The customer UI's error boundary caught a render error: logged, counted, staff mode closed, back to `ready`. */
  uiError(report: UiErrorReport): void;
  /** While the screen shows "out of order", scans are ignored: nobody would see their result. */
  setOutOfOrder(on: boolean): void;
  /** The kiosk's log, for the Electron glue's own entries (lock-down, watchdog, updates). */
  log: Logger;
  /** The metrics, for the Electron glue's own (screen crashes, self-update) and the camera's decode times. */
  metrics: Pick<KioskMetrics, 'uiCrashed' | 'setUpdateState' | 'setPendingRelease' | 'decodeTimes'>;
  /** What only the shell can do for the support API and the restarts (README, "Running a fleet"). */
  attachShell(shell: ShellActions): void;
  /** Where the support API listens, while it does. */
  supportApiAddress(): string | null;
  /** Stops every part; a second call (a relaunch, then the quit) waits for the same stop. */
  stop(): Promise<void>;
}

export async function startKioskCore(options: KioskCoreOptions): Promise<KioskCore> {
  const log = options.logger ?? createLogger({ dir: path.join(options.userDataDir, 'logs') });
  const kioskLog = isKioskLogger(log) ? log : null;
  const holder = new ConfigHolder(log);
  const config = () => holder.current();
  const stats = new HealthStats();
  let display: DisplayHealth | null = null;
  const product = { name: PRODUCT_NAME, version: options.version ?? 'development' };
  const metrics = new KioskMetrics(product, {
    kiosk: () => ({ storeId: config().storeId, terminalId: config().terminalId, configValid: holder.problem() === null }),
    scannersUp: () => {
      const { camera: cameraSettings, keyboard, serial } = config().scanners;
      return {
        ...(keyboard.enabled ? { keyboard: true } : {}),
        ...(cameraSettings.enabled ? { camera: camera.feed.state().state === 'running' } : {}),
        ...(serial.path ? { serial: scanners.serialState().state === 'open' } : {}),
      };
    },
    handoff: () => handoff.counts(),
    fleetSerial: () => holder.source().fleet?.serial ?? null,
    display: () => (display ? { up: display.state === 'shown' } : null),
  });

  const backEnd = createBackEnd({ config, log, sandbox: options.sandbox });
  const vipps = createVipps({ config, backEnd, product, metrics, log });
  const handoff = createHandoff({ dir: options.userDataDir, log, backoffMs: options.handoffBackoffMs });
  // The keypad counts the session's outcomes, and submits through the gate made after the session.
  const sessionPart = createSession({ config, backEnd, vipps, handoff, stats, metrics, log, onOutcome: (event) => keypad.outcome(event) });
  const { session } = sessionPart;
  const gate = createScanGate({ session, metrics, log });
  const scanners = createScanners({ scan: gate.scan, stats, metrics, log, serial: options.serial });
  const keypad = createKeypad({ config, session, scan: gate.scan, forgetTyping: () => scanners.forgetTyping(), metrics, log });
  const camera = createCamera({ config, scan: gate.scan, log, stalled: () => metrics.cameraStalled() });
  const appearance = createAppearance({ config, source: () => holder.source(), userDataDir: options.userDataDir, log });
  const telemetry = createTelemetry({ metrics, log });
  const scanCommand = createScanCommand({ userDataDir: options.userDataDir, env: options.env, gate, session, log });
  const secrets = options.secrets ?? NO_SECRET_STORE;
  const reload = () => holder.reload(() => loadConfig(options.env, options.userDataDir, { secrets }));
  let staffOpen = () => false; // until staff mode exists (below)
  const health = () =>
    healthView({ version: product.version, config: holder, stats, backEnd, vipps, camera, scanners, handoff, log: kioskLog, staffPin: staff.pinHealth(), display, fleet: () => support.fleet.health() });
  const support = await createSupport({ userDataDir: options.userDataDir, env: options.env, secrets, product, holder, session, handoff, metrics, log: kioskLog, logger: log, staffOpen: () => staffOpen(), health, reload, hidePreview: (take) => camera.feed.withPreviewHidden(take) });

  // The order a new configuration is applied in. Load-bearing: the sandbox is up before Vipps
  // may target it; the scanners follow (they only feed scans in); the log learns the new
  // secrets already in `prepare`, before any part applies them; the config-loaded line says
  // which back end and Vipps run once they are settled; the screen leaves needsStaff once everything
  // serving the customer is in place (the keypad, turned off, closes right after); then the pages
  // hear; the monitoring, the support desk's doors and `npm run scan`'s come last.
  const parts: KioskPart[] = [
    backEnd,
    vipps,
    scanners,
    logSecrets(kioskLog),
    handoff,
    configLogged({ config: holder, backEnd, vipps, log }),
    sessionPart,
    keypad,
    camera,
    appearance,
    telemetry,
    support.maintenance,
    support.fleet,
    scanCommand,
  ];
  holder.use(parts);

  await reload();
  const stopWatching = watchConfigFiles([...configCandidatePaths(options.env, options.userDataDir), staffSettingsPath(options.userDataDir)], () => void reload());
  const staff = createStaff({ config: holder, env: options.env, userDataDir: options.userDataDir, secrets, reload, camera, log, metrics, shell: () => support.shell() });
  gate.setStaffOpen(() => staff.isOpen());
  staffOpen = () => staff.isOpen();
  let stopping: Promise<void> | null = null;

  return {
    session,
    // The keypad first: a person's keys it hands over are forgotten by the wedge detector before it reads the next.
    keyInput: (key) => {
      keypad.key(key);
      scanners.keyInput(key);
    },
    scan: (text) => gate.scan(text, 'keyboard'),
    cameraScan: (text) => camera.scan(text),
    camera: camera.feed,
    cameraTuning: (tuning) => camera.setTuning(tuning),
    codeUnread: (seen) => camera.codeUnread(seen),
    cameraHint: () => camera.hint(),
    onCameraHint: (listener) => camera.onHint(listener),
    keypad,
    cameraSettings: () => camera.settings(),
    onCameraSettings: (listener) => camera.onSettings(listener),
    cameraFrames: (count) => camera.frames(count),
    onCameraStall: (listener) => camera.onStall(listener),
    setDisplay: (next) => void (display = next),
    serialState: () => scanners.serialState(),
    staff,
    health: () => {
      staff.requireOpen();
      return health();
    },
    testConnection: (draft) => testDraftConnection({ staff, backEnd, location: () => ({ storeId: config().storeId, terminalId: config().terminalId, hasLoyalty: config().hasLoyalty }) }, draft),
    appearance: () => appearance.appearance(),
    onAppearance: (listener) => appearance.onAppearance(listener),
    setCameraDevices: (devices) => camera.setDevices(devices),
    configSource: () => holder.source(),
    config,
    isIdle: () => {
      const view = session.view();
      return !staff.isOpen() && !keypad.view().open && (view.screen === 'ready' || (view.screen === 'needsStaff' && view.reason === 'config'));
    },
    uiError({ screen, errorName, message, components }) {
      log.warn('ui-error', { screen, errorName, message, components });
      metrics.uiCrashed();
      if (staff.isOpen()) staff.close();
      // From a result screen the customer's data goes; on `ready` there is nothing to reset, and
      // no new push to render (and fail) again before the next scan.
      if (session.view().screen !== 'ready') session.done();
    },
    setOutOfOrder: (on) => gate.setOutOfOrder(on),
    log,
    metrics,
    attachShell: (shell) => support.attachShell(shell),
    supportApiAddress: () => support.fleet.apiAddress(),
    stop() {
      stopping ??= (async () => {
        stopWatching();
        // The reverse of the list: the support desk's doors, the monitoring and the pages' feeds
        // first, then the session (no new identification), the hand-off and the scanners, the
        // back end last.
        for (const part of [...parts].reverse()) await part.stop?.();
        await metrics.shutdown();
      })();
      return stopping;
    },
  };
}

function isKioskLogger(log: Logger | KioskLogger): log is KioskLogger {
  return 'recentProblems' in log;
}

/**
 * The kiosk's core, shared line for line by the Electron and web shells (plain Node, no
 * Electron import): configuration, the embedded sandbox, scanners' input, the session and
 * the loyalty client. A shell adds only its windows/transport.
 */
import path from 'node:path';
import type { Appearance } from '../shared/appearance';
import type { CameraSettings } from '../shared/contract';
import type { SerialState } from '../shared/scanner-state';
import type { ConnectionTestResult, HealthView, StaffSettingsView } from '../shared/staff-view';
import { readBrandLogo } from './appearance/brand-logo';
import { NO_SECRET_STORE, type SecretStore } from './config/secret-store';
import { HandoffService } from './handoff/handoff-service';
import { memberIdentification, notMemberIdentification } from './handoff/identification';
import { testConnection } from './staff/connection-test';
import { HealthStats } from './staff/health-stats';
import { StaffService } from './staff/staff-service';
import { CameraFeed } from './camera/camera-feed';
import { ConfigSchema, type KioskConfig } from './config/config-schema';
import { configCandidatePaths, loadConfig, staffSettingsPath, type ConfigResult, type ConfigSource } from './config/load-config';
import { watchConfigFiles } from './config/watch-config';
import { identify, type IdentifyTarget } from './identify/identify-client';
import { identifyScan } from './identify/identify-scan';
import { createLogger, type KioskLogger, type Logger } from './log/logger';
import { SANDBOX_CATALOG } from './sandbox/sandbox-members';
import { startSandboxServer, type SandboxServer } from './sandbox/sandbox-server';
import { SerialScanner, type SerialScannerDeps } from './scan/serial-scanner';
import { WedgeDetector, type TimedKey } from './scan/wedge-detector';
import { SessionMachine, type SessionSettings } from './session/session-machine';
import { PRODUCT_NAME, type Product } from './product';
import { VIPPS_QR_ORIGIN } from './scan/personal-qr';
import { SANDBOX_PERSONAL_QR_ORIGINS } from './sandbox/sandbox-members';
import { CheckInSender } from './vipps/check-in-sender';
import { VippsClient } from './vipps/vipps-client';
import type { VippsTarget } from './vipps/vipps-target';

export interface KioskCoreOptions {
  /** Where `config.json` lives when `KIOSK_CONFIG` is unset. */
  userDataDir: string;
  env: NodeJS.ProcessEnv;
  /** Default: JSON lines on stderr and a rotating file in `<userDataDir>/logs`. */
  logger?: Logger | KioskLogger;
  /** Encrypts staff-entered secrets (Electron's safeStorage); none in the web shell. */
  secrets?: SecretStore;
  /** The app's version, for the staff health view. */
  version?: string;
  /** For tests: how the serial port is made and how long to wait before opening it again. */
  serial?: Pick<SerialScannerDeps, 'createPort' | 'retryDelayMs'>;
  /** For tests: the hand-off's wait before retry `attempt`. */
  handoffBackoffMs?: (attempt: number) => number;
}

export interface KioskCore {
  session: SessionMachine;
  /** A key press, for the keyboard-wedge detector. */
  keyInput(key: TimedKey): void;
  /** Text from any scanner. */
  scan(text: string): void;
  /** Text the camera decoded (ignored while the camera is disabled). */
  cameraScan(text: string): void;
  camera: CameraFeed;
  cameraSettings(): CameraSettings;
  /** Called when the configuration changes the camera settings. */
  onCameraSettings(listener: (settings: CameraSettings) => void): () => void;
  /** The serial scanner's connection (for staff). */
  serialState(): SerialState;
  staff: StaffService;
  health(): HealthView;
  testConnection(): Promise<ConnectionTestResult>;
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
  /** While the screen shows "out of order", scans are ignored: nobody would see their result. */
  setOutOfOrder(on: boolean): void;
  /** The kiosk's log, for the Electron glue's own entries (lock-down, watchdog, updates). */
  log: Logger;
  stop(): Promise<void>;
}

/** Scans identical to the last one within this window are the same code seen again. */
const DUPLICATE_WINDOW_MS = 3000;
/** The session's hard stop sits a little after the client's own timeout. */
const DEADLINE_MARGIN_MS = 1000;
const SANDBOX_TIMEOUT_MS = 5000;

export async function startKioskCore(options: KioskCoreOptions): Promise<KioskCore> {
  const log = options.logger ?? createLogger({ dir: path.join(options.userDataDir, 'logs') });
  const kioskLog = isKioskLogger(log) ? log : null;
  let config: KioskConfig = ConfigSchema.parse({});
  let source: ConfigSource = { kind: 'defaults', path: '', staffPath: '' };
  let sandbox: SandboxServer | null = null;
  let wedge: WedgeDetector | null = null;
  let wedgeSettings = '';
  /** Kept across reloads while its target is unchanged, so its access token stays cached. */
  let vipps: VippsClient | null = null;
  const checkIns = new CheckInSender({ log });
  // Set once the staff service exists (below); until then no one can be in staff mode.
  let staffOpen = (): boolean => false;
  /** While the screen is out of order (Electron's watchdog): nobody would see a result. */
  let outOfOrder = false;
  /** A scan from any scanner: ignored while staff mode is open (identify opens a loyalty transaction). */
  const customerScan = (text: string): void => {
    if (staffOpen()) return void log.info('scan-ignored', { reason: 'staff mode is open' });
    if (outOfOrder) return void log.info('scan-ignored', { reason: 'the screen is out of order' });
    session.scan(text);
  };
  const stats = new HealthStats();
  const secrets = options.secrets ?? NO_SECRET_STORE;
  let cameraDevices: StaffSettingsView['cameras'] = [];
  let configProblem: string | null = null;
  let serial: SerialScanner | null = null;
  let serialState: SerialState = { state: 'off', detail: null };

  const product: Product = { name: PRODUCT_NAME, version: options.version ?? 'development' };
  const target = (): IdentifyTarget =>
    config.identify
      ? { baseUrl: config.identify.baseUrl, token: config.identify.token ?? '', timeoutMs: config.identify.timeoutMs, content: config.identify.content }
      : { baseUrl: sandbox?.baseUrl ?? 'http://127.0.0.1:9', token: sandbox?.token ?? '', timeoutMs: SANDBOX_TIMEOUT_MS, content: false };

  /** The configured Vipps, else on the sandbox the sandbox's; null: no exchange, no check-in. */
  const vippsTarget = (): VippsTarget | null => {
    const configured = config.vipps;
    if (configured) {
      return {
        baseUrl: configured.baseUrl,
        clientId: configured.clientId,
        clientSecret: configured.clientSecret ?? '',
        subscriptionKey: configured.subscriptionKey ?? '',
        merchantSerialNumber: configured.merchantSerialNumber,
        loyaltyProgramName: configured.loyaltyProgramName ?? null,
        timeoutMs: configured.timeoutMs,
        product,
      };
    }
    if (config.identify || !sandbox) return null;
    return { baseUrl: sandbox.baseUrl, ...sandbox.vipps, loyaltyProgramName: 'Sandbox Rewards', timeoutMs: SANDBOX_TIMEOUT_MS, product };
  };

  const settings = (): SessionSettings => ({
    idleResetSeconds: config.idleResetSeconds,
    // A personal QR code costs a token and an exchange before the identify call, each twice at
    // worst (a stale token is refreshed once).
    deadlineMs: (scanKind) =>
      target().timeoutMs + DEADLINE_MARGIN_MS + ((scanKind === 'vippsToken' || scanKind === 'vippsPhone') && vipps ? 4 * vipps.target.timeoutMs : 0),
    duplicateWindowMs: DUPLICATE_WINDOW_MS,
    catalog: config.identify ? config.catalog : { ...SANDBOX_CATALOG, ...config.catalog },
    personalQrOrigins: config.vipps?.personalQrOrigins ?? (vipps ? SANDBOX_PERSONAL_QR_ORIGINS : [VIPPS_QR_ORIGIN]),
  });

  const handoff = new HandoffService({ dir: options.userDataDir, log, backoffMs: options.handoffBackoffMs });

  const session = new SessionMachine({
    identify: (scan, signal) =>
      identifyScan(scan, signal, {
        identify: (identifier, callSignal) =>
          identify(target(), { identifier, storeId: config.storeId, terminalId: config.terminalId, hasLoyalty: config.hasLoyalty }, callSignal),
        vipps: () => vipps,
        // After the screen: the session publishes the outcome in the same turn, the check-in starts later.
        checkIn: (client, phoneNumber, isMember) => setImmediate(() => void checkIns.send(client, phoneNumber, isMember)),
        log,
      }),
    settings,
    now: () => performance.now(),
    onOutcome: (event) => {
      stats.record(event);
      log.info('session', { ...event });
    },
    // The till's copy, after the screen: a slow or failing till never delays the customer.
    onShown: ({ outcome, view }) => {
      if (!config.handoff) return;
      const context = { storeId: config.storeId, terminalId: config.terminalId, catalog: settings().catalog, now: new Date() };
      const identification =
        view.screen === 'member' && outcome.kind === 'member' ? memberIdentification(outcome.member, context) : view.screen === 'notMember' ? notMemberIdentification(context) : null;
      if (identification) setImmediate(() => void handoff.record(identification));
    },
  });

  const camera = new CameraFeed((state) => log.info('camera-state', { ...state }));
  const cameraSettings = (): CameraSettings => ({ ...config.scanners.camera });
  const cameraListeners = new Set<(settings: CameraSettings) => void>();
  let logo: string | null = null;
  const appearance = (): Appearance => ({
    locale: config.locale,
    brand: { programName: config.brand.programName, color: config.brand.color, logo },
    sounds: { ...config.sounds },
    attractAfterSeconds: config.attractAfterSeconds,
  });
  const appearanceListeners = new Set<(next: Appearance) => void>();

  async function apply(result: ConfigResult): Promise<void> {
    source = result.source;
    configProblem = result.ok ? null : result.error;
    if (!result.ok) {
      // Staff must be able to get in to fix it: keep a PIN even when nothing else is valid.
      if (result.pinHash && !config.staff.pinHash) config = { ...config, staff: { ...config.staff, pinHash: result.pinHash } };
      log.error('config-invalid', { message: result.error });
      session.setConfigProblem(result.error, [...new Set((result.issues ?? []).map((issue) => issue.field))]);
      return;
    }
    const next = result.config;
    // Before anything of the new config applies: the page is told when any part of its look changes.
    const appearanceBefore = JSON.stringify(appearance());
    const cameraChanged = JSON.stringify(next.scanners.camera) !== JSON.stringify(config.scanners.camera);
    const previousSerial = config.scanners.serial;
    // The sandbox is up before a config that needs it applies, and goes only after one that
    // does not: a scan in between never finds the kiosk without a back end.
    if (!next.identify && !sandbox) {
      sandbox = await startSandboxServer();
      log.info('sandbox-started', { baseUrl: sandbox.baseUrl });
    }
    config = next;
    if (config.identify && sandbox) {
      const retired = sandbox;
      sandbox = null;
      await retired.close();
    }
    const nextVipps = vippsTarget();
    if (JSON.stringify(nextVipps) !== JSON.stringify(vipps?.target ?? null)) vipps = nextVipps ? new VippsClient(nextVipps) : null;
    if (JSON.stringify(next.scanners.serial) !== JSON.stringify(previousSerial)) await restartSerial();
    // Kept when the keyboard settings did not change: a burst arriving during a reload is not lost.
    if (JSON.stringify(config.scanners.keyboard) !== wedgeSettings) {
      wedgeSettings = JSON.stringify(config.scanners.keyboard);
      wedge = config.scanners.keyboard.enabled
        ? new WedgeDetector({
            maxInterKeyMs: config.scanners.keyboard.maxInterKeyMs,
            layout: config.scanners.keyboard.layout,
            onScan: (text) => customerScan(text),
            // Never the characters: the length, why, and the largest gap say enough.
            onVoid: (burst) => {
              stats.recordVoided();
              log.warn('scan-voided', { ...burst });
            },
          })
        : null;
    }
    // Whatever a library's error message quotes, these values are never written.
    kioskLog?.setSecrets([config.identify?.token, config.vipps?.clientSecret, config.vipps?.subscriptionKey, config.handoff?.secret, config.handoff?.listen?.token]);
    await handoff.configure(config.handoff);
    log.info('config-loaded', {
      source: source.kind,
      path: source.path,
      backEnd: config.identify ? 'identify' : 'sandbox',
      vipps: config.vipps ? 'configured' : vipps ? 'sandbox' : 'off',
    });
    session.setConfigProblem(null);
    if (cameraChanged) for (const listener of cameraListeners) listener(cameraSettings());
    logo = await loadLogo();
    if (JSON.stringify(appearance()) !== appearanceBefore) for (const listener of appearanceListeners) listener(appearance());
  }

  /** The configured logo as a data URL; a logo that cannot be shown is logged and left out. */
  async function loadLogo(): Promise<string | null> {
    if (!config.brand.logo) return null;
    const result = await readBrandLogo(config.brand.logo, source.path ? path.dirname(source.path) : options.userDataDir);
    if (result.ok) return result.dataUrl;
    log.warn('brand-logo-unusable', { message: result.error });
    return null;
  }

  /** Stops the serial scanner and starts it again with the current settings (if a port is set). */
  async function restartSerial(): Promise<void> {
    await serial?.stop();
    serial = null;
    const { path, baudRate, prefix, suffix } = config.scanners.serial;
    if (!path) return;
    serial = new SerialScanner(
      { path, baudRate, prefix, suffix },
      {
        onScan: (text) => customerScan(text),
        onState: (state) => {
          serialState = state;
          log.info('serial-state', { ...state });
        },
        ...options.serial,
      },
    );
    serial.start();
  }

  // One reload at a time, in order: overlapping ones could leave the sandbox in the wrong state.
  let reloading: Promise<void> = Promise.resolve();
  const reload = () =>
    (reloading = reloading
      .then(async () => apply(await loadConfig(options.env, options.userDataDir, { secrets })))
      .catch((error: unknown) => {
        const message = `The kiosk could not apply its configuration: ${(error as Error).message}`;
        log.error('config-apply-failed', { message });
        session.setConfigProblem(message);
      }));
  await reload();
  const stopWatching = watchConfigFiles([...configCandidatePaths(options.env, options.userDataDir), staffSettingsPath(options.userDataDir)], () => void reload());

  const staff = new StaffService({
    config: () => config,
    source: () => source,
    env: options.env,
    userDataDir: options.userDataDir,
    secrets,
    reload: () => reload(),
    cameras: () => cameraDevices,
    serialPorts: async () => {
      const { SerialPort } = await import('serialport');
      return (await SerialPort.list()).map((port) => ({ path: port.path, label: [port.manufacturer, port.serialNumber].filter(Boolean).join(' ') || port.path }));
    },
  });

  staffOpen = () => staff.isOpen();

  const health = (): HealthView => ({
    version: options.version ?? 'development',
    startedAt: stats.startedAt,
    config: {
      source: source.kind,
      path: source.path,
      staffPath: source.staffPath,
      problem: configProblem,
      backEnd: config.identify ? 'identify' : 'sandbox',
      vipps: config.vipps ? 'configured' : vipps ? 'sandbox' : 'off',
    },
    scanners: {
      camera: { ...camera.state(), enabled: config.scanners.camera.enabled },
      keyboard: { enabled: config.scanners.keyboard.enabled, layout: config.scanners.keyboard.layout },
      serial: { ...serialState, path: config.scanners.serial.path },
    },
    backEnd: { ...stats.backEnd },
    log: { file: kioskLog?.file ?? null, recentProblems: kioskLog?.recentProblems() ?? [] },
    handoff: handoff.health(),
    counts: { ...stats.counts },
  });

  return {
    session,
    keyInput: (key) => wedge?.key(key),
    scan: (text) => customerScan(text),
    cameraScan: (text) => {
      if (config.scanners.camera.enabled) customerScan(text);
    },
    camera,
    cameraSettings,
    onCameraSettings(listener) {
      cameraListeners.add(listener);
      return () => cameraListeners.delete(listener);
    },
    serialState: () => serialState,
    staff,
    health: () => {
      staff.requireOpen();
      return health();
    },
    testConnection: async () => {
      staff.requireOpen();
      return testConnection(target(), { storeId: config.storeId, terminalId: config.terminalId, hasLoyalty: config.hasLoyalty });
    },
    appearance,
    onAppearance(listener) {
      appearanceListeners.add(listener);
      return () => appearanceListeners.delete(listener);
    },
    setCameraDevices: (devices) => {
      cameraDevices = devices;
    },
    configSource: () => source,
    config: () => config,
    isIdle: () => {
      const view = session.view();
      return !staff.isOpen() && (view.screen === 'ready' || (view.screen === 'needsStaff' && view.reason === 'config'));
    },
    setOutOfOrder: (on) => {
      outOfOrder = on;
    },
    log,
    async stop() {
      stopWatching();
      session.dispose();
      await checkIns.stop();
      await handoff.stop();
      await serial?.stop();
      await sandbox?.close();
      sandbox = null;
    },
  };
}

function isKioskLogger(log: Logger | KioskLogger): log is KioskLogger {
  return 'recentProblems' in log;
}

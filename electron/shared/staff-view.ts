/**
 * What the staff screens may know, shared by main and the renderer. Secrets never appear in
 * any of it: the settings view says only whether each secret is set.
 */
import type { CameraTuning } from './camera-tuning';
import type { CameraState, SerialState } from './scanner-state';

/** Config paths staff may change from the settings form (the form's field names). */
export const EDITABLE_PATHS = [
  'storeId',
  'terminalId',
  'hasLoyalty',
  'idleResetSeconds',
  'locale',
  'identify.baseUrl',
  'vipps.baseUrl',
  'vipps.clientId',
  'vipps.merchantSerialNumber',
  'vipps.loyaltyProgramName',
  'scanners.camera.deviceId',
  'scanners.serial.path',
  'scanners.keypad.enabled',
] as const;
/** Secrets staff may set (write-only): stored encrypted. */
export const SECRET_PATHS = ['identify.token', 'vipps.clientSecret', 'vipps.subscriptionKey'] as const;

export type EditablePath = (typeof EDITABLE_PATHS)[number];
export type SecretPath = (typeof SECRET_PATHS)[number];
export type SettingValue = string | number | boolean | null;

export interface StaffSettingsView {
  values: Record<EditablePath, SettingValue>;
  secretsSet: Record<SecretPath, boolean>;
  /** The environment variable that supplies a secret (it wins over staff's), by path; absent: none. */
  secretsFromEnv: Partial<Record<SecretPath, string>>;
  /** Paths the provisioning file locks: shown read-only. */
  locked: string[];
  /**
   * The origins (`https://host[:port]`) each secret is held for, from the file, the environment
   * or staff: a URL typed on another origin needs its secrets entered again (secret-origins.ts).
   */
  secretOrigins: Partial<Record<SecretPath, string[]>>;
  secretStorage: { available: true } | { available: false; code: 'webShell' | 'noEncryption' | 'basicText'; reason: string };
  cameras: Array<{ deviceId: string; label: string }>;
  serialPorts: Array<{ path: string; label: string }>;
}

/** Staff's "Quit for maintenance": the kiosk quits right after this answer. */
export type StaffQuitResult = { ok: true } | { ok: false; message: string };
/** Staff's "Factory reset": the state files removed (names in the user-data folder), and any that could not be. */
export type FactoryResetResult = { ok: true; removed: string[] } | { ok: false; removed: string[]; failed: string[] };

export type StaffUnlockResult =
  | { ok: true }
  | { ok: false; reason: 'wrongPin'; attemptsLeft: number }
  | { ok: false; reason: 'locked'; retryInSeconds: number }
  | { ok: false; reason: 'noPin' };

/**
 * What is wrong with a setting. `message` is English (for logs and the health view); `code` and
 * `params`, when present, let the staff screen say it in its own language.
 */
export type IssueCode =
  | 'unknownField'
  | 'tooSmall'
  | 'tooBig'
  | 'tooShort'
  | 'tooLong'
  | 'empty'
  | 'wrongType'
  | 'notInteger'
  | 'oneOf'
  | 'httpsUrl'
  | 'colour'
  | 'languageTag'
  | 'origin'
  | 'guid'
  | 'merchantSerialNumber'
  | 'reservedKey'
  | 'phoneFormNeedsVipps'
  | 'pinHash'
  | 'controlCharacters'
  | 'missing'
  | 'missingNoStaff'
  | 'sharedSecretShort'
  | 'locked'
  | 'secretFromEnv'
  | 'secretStorage'
  | 'secretNewOrigin'
  | 'secretWithoutUrl'
  /** A listener beyond loopback without a certificate and key. */
  | 'tlsRequired';

export interface FieldIssue {
  field: string;
  message: string;
  code?: IssueCode;
  params?: Record<string, string | number>;
}

export type StaffSaveResult = { ok: true } | { ok: false; errors: FieldIssue[] };

/**
 * `secretNeeded`: the URL in the form is on another origin than the token's, and no token was
 * typed for it: nothing is sent. `invalidSettings`: the form's URL or token cannot be used (detail says why).
 */
export type ConnectionTestOutcome = 'reachable' | 'credentialsRefused' | 'unreachable' | 'timedOut' | 'secretNeeded' | 'invalidSettings';

/** What "Test connection" tries: the form's Identify URL and a token typed for it (unsaved); nothing: what is saved. */
export interface ConnectionTestDraft {
  baseUrl?: string;
  token?: string;
}
export interface ConnectionTestResult {
  outcome: ConnectionTestOutcome;
  /** Technical detail for staff (an HTTP status or error code), never a secret. */
  detail: string;
  ms: number;
}

/** A warning or error from the kiosk's log, as the health view shows it (already redacted). */
export interface LogProblem {
  time: string;
  level: 'warn' | 'error';
  event: string;
  message: string | null;
}

/** Where the Electron kiosk's window is (the web shell places no window). */
export interface DisplayHealth {
  /** `display.index`; null: the primary screen. */
  index: number | null;
  /** `shown`: on its screen; `waiting`: that screen is not there, and the window stays hidden until it is. */
  state: 'shown' | 'waiting';
  /** How many screens the OS reports. */
  screens: number;
  /** Since when it is in this state. */
  since: string;
  /** A native Wayland session: windows cannot be placed there (README, "Field notes"). */
  wayland: boolean;
}

export interface HealthView {
  version: string;
  startedAt: string;
  config: { source: 'file' | 'defaults'; path: string; staffPath: string; problem: string | null; backEnd: 'identify' | 'sandbox'; vipps: 'configured' | 'sandbox' | 'off' };
  scanners: {
    /**
     * `tuning`: what the camera offers and what was applied (null until a camera runs);
     * `stalls`: times no frame came for 10 s and the capture page was restarted.
     */
    camera: CameraState & { enabled: boolean; tuning: CameraTuning | null; stalls: number; lastStallAt: string | null };
    keyboard: { enabled: boolean; layout: string };
    serial: SerialState & { path: string | null };
  };
  backEnd: { lastOutcome: string | null; lastLatencyMs: number | null; lastAt: string | null };
  /** The Electron kiosk's screen; null in the web shell. */
  display: DisplayHealth | null;
  /** The till's hand-off: the push queue and the pull feed, when configured. */
  handoff: {
    push: { url: string; problem: string | null; pending: number; delivered: number; expired: number; dropped: number; rejected: number; lastResult: string | null; lastAt: string | null } | null;
    pull: { address: string | null; problem: string | null; streams: number } | null;
  };
  /** `short`: the staff PIN last entered right has fewer digits than new PINs must (npm run hash-pin). */
  staffPin: { short: boolean; minimumDigits: number };
  /** The newest warnings and errors (newest last), and where the whole log is. */
  log: { file: string | null; recentProblems: LogProblem[] };
  /** The chain's signed configuration (`fleet.config`), when the provisioning file sets one up. */
  fleet?: FleetConfigHealth | null;
  /** `voided`: keyboard-wedge bursts thrown away (too slow, stalled twice, …; logged as `scan-voided`). */
  counts: { scans: number; rejected: number; identified: number; member: number; notMember: number; codeProblem: number; serviceProblem: number; needsStaff: number; voided: number };
}

/** The fleet configuration as staff and the support desk see it: which serial applies, and how the last check went. */
export interface FleetConfigHealth {
  url: string;
  /** The serial laid over the provisioning file; null: none yet. */
  serial: number | null;
  receivedAt: string | null;
  lastCheckAt: string | null;
  lastResult: 'applied' | 'unchanged' | 'refused' | 'unreachable' | null;
  /** Why the last check was refused or failed. */
  lastProblem: string | null;
  /** Documents refused since start (unsigned, badly signed, not newer, invalid). */
  refused: number;
}

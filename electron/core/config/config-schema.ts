/**
 * The kiosk's configuration file, validated with zod at start and on every change.
 * Unknown fields are errors (a typo must not silently fall back to a default).
 */
import { z } from 'zod';
import { SCANNER_LAYOUTS } from '../scan/keyboard-layouts';
import { VIPPS_QR_ORIGIN } from '../scan/personal-qr';
import { isPinHash } from '../staff/pin-hash';
import { FleetSchema } from './fleet-schema';
import { HandoffSchema } from './handoff-schema';
import { httpUrl, ownRecord, SCHEMA_MESSAGES, text } from './schema-parts';
import { LOCKABLE_PATHS } from './staff-layer';
import { TelemetrySchema } from './telemetry-schema';

/**
 * Above this a burst's pace nears a fast typist's (60 ms a key), and the detector would no
 * longer be judging by what no person can do; and each fast gap (3× this at most) stays within
 * the key policy's withholding window.
 */
export const MAX_INTER_KEY_MS_LIMIT = 50;

const IdentifySchema = z.strictObject({
  baseUrl: httpUrl,
  /** May instead come from KIOSK_IDENTIFY_TOKEN (the loader checks one of them is set). */
  token: text(4096).optional(),
  content: z.boolean().default(false),
  timeoutMs: z.int().min(500).max(60_000).default(5000),
});

/**
 * From the Vipps portal (README, "Vipps"); the two secrets may instead come from the environment.
 * `clientId` and `merchantSerialNumber` as Vipps MobilePay's published Access token API has them
 * (`format: guid`; `^[0-9]{4,6}$`): a value Vipps would refuse is named here, not found at a customer's scan.
 */
const VippsSchema = z.strictObject({
  baseUrl: httpUrl,
  clientId: z
    .string()
    .trim()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, SCHEMA_MESSAGES.guid),
  clientSecret: text(4096).optional(),
  subscriptionKey: text(256).optional(),
  merchantSerialNumber: z.string().trim().regex(/^[0-9]{4,6}$/, SCHEMA_MESSAGES.merchantSerialNumber),
  /** Shown on the customer's phone. Sent only when set: Vipps' published v1.0.2 dropped it. */
  loyaltyProgramName: text(100).optional(),
  timeoutMs: z.int().min(500).max(60_000).default(5000),
  /**
   * Which codes are personal QR codes, by origin: Vipps' by default; a chain in Denmark or
   * Finland adds MobilePay's, from its Vipps MobilePay agreement.
   */
  personalQrOrigins: z
    .array(
      z
        .string()
        .regex(/^https:\/\/[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})+$/i, SCHEMA_MESSAGES.origin)
        .transform((origin) => origin.toLowerCase()),
    )
    .min(1)
    .max(8)
    .default([VIPPS_QR_ORIGIN]),
});

/**
 * What a Vipps phone-form personal QR code (`https://qr.vipps.no/28/2/01/031/<number>`) does. It
 * holds a phone number, which anyone can put in a code, so it proves nothing of who shows it:
 * - `exchange`: sent to Vipps MobilePay's QR exchange, as Vipps recommends; the default with Vipps
 *   set up (a `vipps` section, or the sandbox). An exchange that cannot be reached is a
 *   serviceProblem, never the number in the code.
 * - `refuse`: "show the code in your app"; the default without Vipps.
 * - `local`: the number in the code is looked up as it is, without an exchange: only where a
 *   chain chose it.
 * Unset: the default for the set-up (parts/vipps.ts).
 */
export const PHONE_FORM_POLICIES = ['exchange', 'refuse', 'local'] as const;
export type PhoneFormPolicy = (typeof PHONE_FORM_POLICIES)[number];

const PersonalQrSchema = z.strictObject({
  phoneForm: z.enum(PHONE_FORM_POLICIES).optional(),
});

/** A scanner's framing characters: control characters are the point here. */
const framing = z.string().min(1).max(8);

const ScannersSchema = z.strictObject({
  camera: z
    .strictObject({
      enabled: z.boolean().default(true),
      deviceId: z.string().max(512).nullable().default(null),
      fps: z.int().min(1).max(30).default(10),
      /**
       * A fixed focus distance, for a chain that knows its mount (where a phone is held); in the
       * MediaStream Image Capture spec's units ("usually … meters": 0.3 for 30 cm). Used only
       * where the camera offers manual focus, clamped to its range; null: continuous focus.
       */
      focusDistance: z.number().finite().min(0).max(1000).nullable().default(null),
    })
    .prefault({}),
  /** The on-screen keypad for customers to type their app's 6-digit code when a scan fails. */
  keypad: z.strictObject({ enabled: z.boolean().default(true) }).prefault({}),
  keyboard: z
    .strictObject({
      enabled: z.boolean().default(true),
      /** The largest average gap between a scanner burst's keys; people type slower. */
      maxInterKeyMs: z.int().min(5).max(MAX_INTER_KEY_MS_LIMIT).default(30),
      /**
       * The keyboard layout the scanner types in (most ship as US). Its keys are read by their
       * physical position through this layout, whatever layout the OS uses; "host" trusts the
       * characters the OS produced (scanner and OS set to the same layout).
       */
      layout: z.enum(SCANNER_LAYOUTS).default('us'),
    })
    .prefault({}),
  serial: z
    .strictObject({
      /** e.g. `/dev/ttyACM0`, `/dev/serial/by-id/…` (stable across replugs) or `COM3`; null: none. */
      path: z.string().min(1).max(512).nullable().default(null),
      baudRate: z.int().positive().max(4_000_000).default(9600),
      /** Stripped from the front of each scan when present (scanners may send e.g. STX, "\u0002"). */
      prefix: framing.nullable().default(null),
      /** Ends each scan instead of CR/LF (e.g. ETX, "\u0003"). */
      suffix: framing.nullable().default(null),
    })
    .prefault({}),
});

/** The Electron kiosk's window (the web shell has none of its own). */
const DisplaySchema = z.strictObject({
  /** Which screen the kiosk fills, in the OS's order (0: the first); null: the primary screen. */
  index: z.int().min(0).max(15).nullable().default(null),
  /** For touch-only kiosks: no mouse pointer on the screen. */
  hideCursor: z.boolean().default(false),
});

/** Self-updates (Electron only), from a static host that electron-builder's output is copied to. */
const UpdatesSchema = z.strictObject({
  /** The folder holding latest.yml / latest-linux.yml / latest-mac.yml and the installers. */
  url: httpUrl,
  /** The local hour (0–23) of the daily check: a quiet hour, with no customers. */
  checkHour: z.int().min(0).max(23).default(3),
});

/** A chain's look (README, "Making it yours"). */
const BrandSchema = z.strictObject({
  /** The loyalty programme's name in the top bar, e.g. "Burger Club". */
  programName: text(60).nullable().default(null),
  /** The brand colour; readable shades for text and buttons are derived from it. */
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, SCHEMA_MESSAGES.colour)
    .default('#14b8a6'),
  /** A PNG, JPEG, WebP or SVG file (at most 256 KiB), relative to the provisioning file's folder. */
  logo: z.string().min(1).max(1024).nullable().default(null),
  /** The attract screen's line on what members get, per language (`{ "en": "…", "nb": "…" }`); null: none. */
  attractLine: ownRecord(z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, SCHEMA_MESSAGES.languageTag), text(140)).nullable().default(null),
});

/** Looking after a kiosk that runs for months. */
const MaintenanceSchema = z.strictObject({
  /**
   * A local time "HH:MM" for a daily restart, once the kiosk is idle (no customer, staff mode
   * closed, nothing waiting for the till); null: none.
   */
  restartAt: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time "HH:MM" (00:00–23:59)')
    .nullable()
    .default(null),
});

const SoundsSchema = z.strictObject({
  enabled: z.boolean().default(true),
  /** 0 (silent) to 1 (full). */
  volume: z.number().min(0).max(1).default(0.5),
});

/** The hand-off of each identification to the till (README, "Handing off to the till"). */

export const ConfigSchema = z.strictObject({
  storeId: text(64).default('9999'),
  terminalId: text(64).default('0'),
  hasLoyalty: z.boolean().default(true),
  locale: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, SCHEMA_MESSAGES.languageTag)
    .default('en'),
  idleResetSeconds: z.int().min(3).max(600).default(15),
  /** Absent: the kiosk runs on its embedded sandbox. */
  identify: IdentifySchema.optional(),
  vipps: VippsSchema.optional(),
  /** Absent: identifications are not handed off to a till. */
  handoff: HandoffSchema.optional(),
  /** Metrics for a chain's monitoring (README, "Watching a fleet"); none: no endpoint, no push. */
  telemetry: TelemetrySchema.optional(),
  scanners: ScannersSchema.prefault({}),
  display: DisplaySchema.prefault({}),
  brand: BrandSchema.prefault({}),
  sounds: SoundsSchema.prefault({}),
  /** The chain's join page (https only: a customer's phone opens it), shown on notMember as a QR code where Vipps does not invite them; null: "ask at the till". */
  joinUrl: z.url({ protocol: /^https$/, error: 'must be an https URL' }).max(512).nullable().default(null),
  /** Seconds on `ready` with nobody scanning before the attract animation shows how to scan. */
  attractAfterSeconds: z.int().min(10).max(3600).default(60),
  /** Absent: the kiosk never updates itself. */
  updates: UpdatesSchema.optional(),
  /** The daily restart (README, "Running a fleet"). */
  maintenance: MaintenanceSchema.prefault({}),
  /** The support API and the signed fleet configuration (README, "Running a fleet"); provisioning file only. */
  fleet: FleetSchema.optional(),
  staff: z
    .strictObject({
      /** `npm run hash-pin -- <PIN>` prints it. */
      pinHash: text(512).refine(isPinHash, SCHEMA_MESSAGES.pinHash).optional(),
    })
    .prefault({}),
  /** Provisioning only: settings staff see read-only and cannot change (config paths). */
  locked: z.array(z.enum(LOCKABLE_PATHS)).max(LOCKABLE_PATHS.length).default([]),
  /** PLU → product name shown to the customer (looked up through a Map: back-end.ts). */
  catalog: ownRecord(text(64), text(120)).default({}),
  /** What Vipps' phone-form personal QR codes do (README, "Vipps"): apart from `vipps`, since "local" needs no Vipps. */
  personalQr: PersonalQrSchema.prefault({}),
}).superRefine((config, context) => {
  // With identify set up, no vipps section means no exchange at all (on the sandbox, the sandbox plays Vipps).
  if (config.personalQr.phoneForm === 'exchange' && config.identify && !config.vipps) {
    context.addIssue({ code: 'custom', message: SCHEMA_MESSAGES.phoneFormNeedsVipps, path: ['personalQr', 'phoneForm'], input: config.personalQr.phoneForm });
  }
});

export type KioskConfig = z.output<typeof ConfigSchema>;
export type KioskConfigInput = z.input<typeof ConfigSchema>;

/**
 * The kiosk's configuration file, validated with zod at start and on every change.
 * Unknown fields are errors (a typo must not silently fall back to a default).
 */
import { z } from 'zod';
import { SCANNER_LAYOUTS } from '../scan/keyboard-layouts';
import { VIPPS_QR_ORIGIN } from '../scan/personal-qr';
import { isPinHash } from '../staff/pin-hash';
import { LOCKABLE_PATHS } from './staff-layer';

/**
 * Above this a burst's pace nears a fast typist's (60 ms a key), and the detector would no
 * longer be judging by what no person can do. (Any gap a burst may have, its one stall included,
 * stays within the key policy's withholding window.)
 */
export const MAX_INTER_KEY_MS_LIMIT = 50;

/** The schema's own messages, by the code the staff screen translates them with (fieldIssues). */
export const SCHEMA_MESSAGES = {
  controlCharacters: 'must not contain control characters (line breaks, tabs)',
  httpsUrl: 'must be an https URL (plain http only to this machine)',
  languageTag: 'must be a language tag such as "en" or "nb"',
  pinHash: 'must be a hash from `npm run hash-pin -- <PIN>` (scrypt$N$r$p$salt$hash)',
  colour: 'must be a colour like "#0f766e"',
  origin: 'must be an https origin such as "https://qr.vipps.no" (no path, port or user)',
} as const;

/** Trimmed, and free of control characters: values travel in HTTP headers and log lines. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}]*$/u, SCHEMA_MESSAGES.controlCharacters);
/** https, or http to this machine only: tokens and customers' codes never travel in clear. */
const httpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an https URL' })
  .refine((url) => url.startsWith('https:') || /^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?(\/|$)/.test(url), {
    error: SCHEMA_MESSAGES.httpsUrl,
  })
  .transform((url) => url.replace(/\/+$/, ''));

const IdentifySchema = z.strictObject({
  baseUrl: httpUrl,
  /** May instead come from KIOSK_IDENTIFY_TOKEN (the loader checks one of them is set). */
  token: text(4096).optional(),
  content: z.boolean().default(false),
  timeoutMs: z.int().min(500).max(60_000).default(5000),
});

/** From the Vipps portal (README, "Vipps"); the two secrets may instead come from the environment. */
const VippsSchema = z.strictObject({
  baseUrl: httpUrl,
  clientId: text(256),
  clientSecret: text(4096).optional(),
  subscriptionKey: text(256).optional(),
  merchantSerialNumber: text(64),
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

/** A scanner's framing characters: control characters are the point here. */
const framing = z.string().min(1).max(8);

const ScannersSchema = z.strictObject({
  camera: z
    .strictObject({
      enabled: z.boolean().default(true),
      deviceId: z.string().max(512).nullable().default(null),
      fps: z.int().min(1).max(30).default(10),
    })
    .prefault({}),
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
});

const SoundsSchema = z.strictObject({
  enabled: z.boolean().default(true),
  /** 0 (silent) to 1 (full). */
  volume: z.number().min(0).max(1).default(0.5),
});

/** The hand-off of each identification to the till (README, "Handing off to the till"). */
const HandoffSchema = z.strictObject({
  /** The till's endpoint for pushed identifications; null: no push (the pull feed may still run). */
  url: httpUrl.nullable().default(null),
  /** HMAC-SHA256 key the till verifies each push with; or env KIOSK_HANDOFF_SECRET. */
  secret: text(512).optional(),
  /** How long an identification is worth delivering (and stays in the pull feed). */
  ttlSeconds: z.int().min(30).max(86_400).default(900),
  /** The most deliveries kept waiting; beyond it the oldest gives way. */
  maxPending: z.int().min(1).max(10_000).default(200),
  /** Deadline of one push. */
  timeoutMs: z.int().min(500).max(60_000).default(3000),
  /** The pull feed for tills that cannot receive calls; null: none. */
  listen: z
    .strictObject({
      /** 127.0.0.1 keeps it on this computer; a LAN address lets a till elsewhere in the store read it. */
      host: z.string().min(1).max(255).default('127.0.0.1'),
      port: z.int().min(1).max(65_535),
      /** The bearer token the till sends; or env KIOSK_HANDOFF_TOKEN. */
      token: text(512).optional(),
    })
    .nullable()
    .default(null),
});

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
  scanners: ScannersSchema.prefault({}),
  display: DisplaySchema.prefault({}),
  brand: BrandSchema.prefault({}),
  sounds: SoundsSchema.prefault({}),
  /** Seconds on `ready` with nobody scanning before the attract animation shows how to scan. */
  attractAfterSeconds: z.int().min(10).max(3600).default(60),
  /** Absent: the kiosk never updates itself. */
  updates: UpdatesSchema.optional(),
  staff: z
    .strictObject({
      /** `npm run hash-pin -- <PIN>` prints it. */
      pinHash: text(512).refine(isPinHash, SCHEMA_MESSAGES.pinHash).optional(),
    })
    .prefault({}),
  /** Provisioning only: settings staff see read-only and cannot change (config paths). */
  locked: z.array(z.enum(LOCKABLE_PATHS)).max(LOCKABLE_PATHS.length).default([]),
  /** PLU → product name shown to the customer. */
  catalog: z.record(text(64), text(120)).default({}),
});

export type KioskConfig = z.output<typeof ConfigSchema>;
export type KioskConfigInput = z.input<typeof ConfigSchema>;

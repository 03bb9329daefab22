/** What the configuration's schemas are built from: messages staff read, trimmed text, safe URLs. */
import { z } from 'zod';

/** The schema's own messages, by the code the staff screen translates them with (fieldIssues). */
export const SCHEMA_MESSAGES = {
  controlCharacters: 'must not contain control characters (line breaks, tabs)',
  httpsUrl: 'must be an https URL (plain http only to this machine)',
  languageTag: 'must be a language tag such as "en" or "nb"',
  pinHash: 'must be a hash from `npm run hash-pin -- <PIN>` (scrypt$N$r$p$salt$hash)',
  colour: 'must be a colour like "#0f766e"',
  origin: 'must be an https origin such as "https://qr.vipps.no" (no path, port or user)',
  guid: 'must be a GUID such as "fb492b5e-7907-4d83-ba20-c7fb60ca35de" (the client_id from the Vipps portal)',
  merchantSerialNumber: 'must be 4 to 6 digits (the sale unit\'s merchant serial number from the Vipps portal)',
  reservedKey: 'must not be "__proto__" (a name JavaScript objects cannot hold)',
  phoneFormNeedsVipps: '"exchange" needs a vipps section (without one, choose "refuse" or "local")',
} as const;

/** Trimmed, and free of control characters: values travel in HTTP headers and log lines. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}]*$/u, SCHEMA_MESSAGES.controlCharacters);
/** https, or http to this machine only: tokens and customers' codes never travel in clear. */
export const httpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an https URL' })
  .refine((url) => url.startsWith('https:') || /^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?(\/|$)/.test(url), {
    error: SCHEMA_MESSAGES.httpsUrl,
  })
  .transform((url) => url.replace(/\/+$/, ''));

/**
 * A record keyed by the file's own text (PLUs, header names) whose `"__proto__"` key is an
 * error, not lost: zod builds a record by assignment, and `result.__proto__ = …` stores nothing.
 * Lookups in such a record go through a Map or `Object.hasOwn` (member-view.ts, back-end.ts).
 */
export const ownRecord = <K extends z.ZodType<string, string>, V extends z.ZodType>(key: K, value: V) =>
  z.preprocess((raw, context) => {
    if (typeof raw === 'object' && raw !== null && Object.hasOwn(raw, '__proto__')) {
      context.addIssue({ code: 'custom', message: SCHEMA_MESSAGES.reservedKey, path: ['__proto__'], input: raw });
    }
    return raw;
  }, z.record(key, value));

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

/**
 * Turns scanned text (from any scanner) into something the kiosk may look up, or says why not.
 * Scanned text is untrusted: it is trimmed of scanner framing, length-capped and checked for
 * control characters before any pattern is tried.
 */

import { looksLikePersonalQr, parsePersonalQr, VIPPS_QR_ORIGIN } from './personal-qr';

export type ParsedScan =
  | { kind: 'otp'; identifier: string }
  | { kind: 'loyaltyId'; identifier: string }
  /** A Vipps personal QR code with the phone number in it (digits with country code), and the code. */
  | { kind: 'vippsPhone'; identifier: string; qrCode: string }
  /** A tokenized personal QR code (Vipps or MobilePay): Vipps MobilePay exchanges the whole code for the number. */
  | { kind: 'vippsToken'; qrCode: string };

export type ScanRejection =
  | 'empty'
  | 'tooLong'
  | 'controlCharacters'
  /** Claims to be a personal QR code (its host) but is not one of its forms. */
  | 'vippsMalformed'
  | 'unknownFormat';

export type ScanParseResult = { ok: true; scan: ParsedScan } | { ok: false; reason: ScanRejection };

export const MAX_SCAN_LENGTH = 512;

// Scanners frame codes with STX/ETX/EOT, CR, LF, tab, GS or RS; people's phones add stray spaces.
// eslint-disable-next-line no-control-regex -- matching scanner control framing is the point
const FRAMING = /^[\x02-\x04\r\n\t\x1d\x1e ]+|[\x02-\x04\r\n\t\x1d\x1e ]+$/g;
/** An AIM symbology identifier (`]Q1` for QR) some scanners put first; no code starts with `]`. */
const AIM_IDENTIFIER = /^\][A-Za-z][0-9A-Za-z]/;
// C0/C1 controls and invisible format characters (bidi overrides, zero-width): never in a code.
const CONTROL = /[\p{Cc}\p{Cf}]/u;
const OTP = /^[0-9]{6}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ParseOptions {
  /** Origins of personal QR codes (`vipps.personalQrOrigins`); Vipps' own when not given. */
  personalQrOrigins?: readonly string[];
}

export function parseScan(raw: string, options: ParseOptions = {}): ScanParseResult {
  if (raw.length > MAX_SCAN_LENGTH) return { ok: false, reason: 'tooLong' };
  const text = raw.replace(FRAMING, '').replace(AIM_IDENTIFIER, '');
  if (text.length === 0) return { ok: false, reason: 'empty' };
  if (CONTROL.test(text)) return { ok: false, reason: 'controlCharacters' };
  if (OTP.test(text)) return { ok: true, scan: { kind: 'otp', identifier: text } };
  if (UUID.test(text)) return { ok: true, scan: { kind: 'loyaltyId', identifier: text.toLowerCase() } };
  const origins = options.personalQrOrigins ?? [VIPPS_QR_ORIGIN];
  const personal = parsePersonalQr(text, origins);
  if (personal.ok) {
    return personal.qr.form === 'phone'
      ? { ok: true, scan: { kind: 'vippsPhone', identifier: personal.qr.msisdn, qrCode: personal.qr.qrCode } }
      : { ok: true, scan: { kind: 'vippsToken', qrCode: personal.qr.qrCode } };
  }
  if (looksLikePersonalQr(text, origins)) return { ok: false, reason: 'vippsMalformed' };
  return { ok: false, reason: 'unknownFormat' };
}

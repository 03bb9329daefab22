/**
 * Vipps personal QR codes (DESIGN.md, "Scanned payloads"). Two forms:
 * - phone: `https://qr.vipps.no/28/2/01/031/4712345678?v=1`, the customer's number in the path;
 * - token: `https://qr.vipps.no/p/<token>`, exchanged with Vipps for the number.
 *
 * Matched as text, not with `new URL()`: the URL parser forgives what a forged code relies on
 * (userinfo, ports, backslashes, percent-escapes, stripped tabs). Only the scheme and host
 * are case-insensitive, as in every URL.
 */

export type VippsQr = { form: 'phone'; msisdn: string } | { form: 'token'; qrCode: string };

export type VippsQrResult = { ok: true; qr: VippsQr } | { ok: false };

const VIPPS_ORIGIN = /^https:\/\/qr\.vipps\.no\//i;
/** Norwegian MSISDN: country code 47 and 8 digits. The optional `v` is the QR format version. */
const PHONE_PATH = /^28\/2\/01\/031\/(47[0-9]{8})(?:\?v=[0-9]{1,3})?$/;
/** Vipps tokens are URL-safe; a slash would be an extra path part. */
const TOKEN_PATH = /^p\/[A-Za-z0-9_-]{1,256}$/;

/** True when the text claims to be a Vipps QR code at all (for logs: "Vipps, but malformed"). */
export function looksLikeVippsQr(text: string): boolean {
  return /^https?:\/\/qr\.vipps\.no(?:[/:?#]|$)/i.test(text);
}

export function parseVippsQr(text: string): VippsQrResult {
  const origin = VIPPS_ORIGIN.exec(text);
  if (!origin) return { ok: false };
  const rest = text.slice(origin[0].length);
  const phone = PHONE_PATH.exec(rest);
  if (phone?.[1]) return { ok: true, qr: { form: 'phone', msisdn: phone[1] } };
  // The exchange is sent the whole code as scanned, with the origin in its canonical case.
  if (TOKEN_PATH.test(rest)) return { ok: true, qr: { form: 'token', qrCode: `https://qr.vipps.no/${rest}` } };
  return { ok: false };
}

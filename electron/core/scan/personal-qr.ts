/**
 * Vipps MobilePay personal QR codes (DESIGN.md, "Scanned payloads"), from the origins the
 * configuration names (`vipps.personalQrOrigins`; Vipps' own by default):
 * - Vipps' phone form: `https://qr.vipps.no/28/2/01/031/4712345678?v=1`, the number in the path;
 * - Vipps' token form: `https://qr.vipps.no/p/<token>`;
 * - on any other configured origin (MobilePay's, from a chain's agreement): a tokenized code,
 *   whose form Vipps MobilePay does not publish, so any plain path is taken for the exchange.
 *
 * Matched as text, not with `new URL()`: the URL parser forgives what a forged code relies on
 * (userinfo, ports, backslashes, percent-escapes, stripped tabs). Only the scheme and host are
 * case-insensitive, as in every URL.
 */

export type PersonalQr =
  /** The number in the code (E.164 digits) and the code as the exchange should get it. */
  | { form: 'phone'; msisdn: string; qrCode: string }
  | { form: 'token'; qrCode: string };

export type PersonalQrResult = { ok: true; qr: PersonalQr } | { ok: false };

/** Vipps' own origin: the only one whose two forms are known. */
export const VIPPS_QR_ORIGIN = 'https://qr.vipps.no';

/** Norwegian MSISDN: country code 47 and 8 digits. The optional `v` is the QR format version. */
const PHONE_PATH = /^28\/2\/01\/031\/(47[0-9]{8})(?:\?v=[0-9]{1,3})?$/;
/** Vipps tokens are URL-safe; a slash would be an extra path part. */
const TOKEN_PATH = /^p\/[A-Za-z0-9_-]{1,256}$/;
/** Another origin's code: URL-safe path segments and an optional plain query; no escapes, no fragment. */
const OTHER_PATH = /^[A-Za-z0-9_-]{1,128}(?:\/[A-Za-z0-9_-]{1,128}){0,7}(?:\?[A-Za-z0-9_.=&-]{1,256})?$/;

/** True when the text claims to be a personal QR code of one of `origins` (for logs: "malformed"). */
export function looksLikePersonalQr(text: string, origins: readonly string[]): boolean {
  return origins.some((origin) => {
    const host = origin.slice('https://'.length).replace(/\./g, '\\.');
    return new RegExp(`^https?://${host}(?:[/:?#]|$)`, 'i').test(text);
  });
}

export function parsePersonalQr(text: string, origins: readonly string[]): PersonalQrResult {
  const origin = origins.find((candidate) => text.length > candidate.length && text.slice(0, candidate.length + 1).toLowerCase() === `${candidate}/`);
  if (!origin) return { ok: false };
  const rest = text.slice(origin.length + 1);
  // The exchange is sent the whole code as scanned, with the origin in its canonical case.
  const qrCode = `${origin}/${rest}`;
  if (origin === VIPPS_QR_ORIGIN) {
    const phone = PHONE_PATH.exec(rest);
    if (phone?.[1]) return { ok: true, qr: { form: 'phone', msisdn: phone[1], qrCode } };
    return TOKEN_PATH.test(rest) ? { ok: true, qr: { form: 'token', qrCode } } : { ok: false };
  }
  return OTHER_PATH.test(rest) ? { ok: true, qr: { form: 'token', qrCode } } : { ok: false };
}

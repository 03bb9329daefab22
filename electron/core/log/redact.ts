/**
 * What may be written to a log line. A kiosk's logs leave the store (support tickets, log
 * shipping), so customers' identifiers and the kiosk's secrets are removed here, whatever a
 * caller passes: by the field's name first, then by what a value looks like. Phone numbers keep
 * their last two digits (enough to tell two customers apart in a support call); OTPs, loyalty
 * IDs, Vipps codes, tokens and secrets are never written. Control characters become spaces, so
 * a hostile value cannot forge a line.
 */

export const REDACTED = '[redacted]';
const MAX_STRING = 500;
const MAX_DEPTH = 4;

/** Field names whose values are secrets or credentials. */
const SECRET_KEY = /token|secret|password|passwd|authori[sz]ation|subscription.?key|api.?key|pin|cookie|signature|credential/i;
/** Field names whose values are a customer's phone number. */
const PHONE_KEY = /phone|msisdn|mobile/i;
/** Field names whose values identify a customer or are a scanned code. */
const CUSTOMER_KEY = /^(identifier|otp|code|scan|scanned|text|payload|qr(code)?|loyalty.?id|user.?id|member.?id|transaction.?id|first.?name|name)$/i;

/** What a value looks like, for strings under any name. Order matters: wider patterns first. */
const VALUE_RULES: Array<[RegExp, string | ((match: string, ...groups: string[]) => string)]> = [
  [/\bBearer\s+\S+/gi, `Bearer ${REDACTED}`],
  [/https?:\/\/qr\.vipps\.no\/\S*/gi, `https://qr.vipps.no/${REDACTED}`],
  // A credential or code in a URL's query, however short.
  [/([?&](?:access_token|token|key|apikey|api_key|sig|signature|code|otp|secret|password)=)[^&#\s]+/gi, (_match, name: string) => `${name}${REDACTED}`],
  [/\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g, REDACTED], // a JWT
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '[id]'],
  // A phone number, also written in groups ("+47 412 34 567", "41-23-45-67"); not a date.
  [/(?<![\w.])(?!\d{4}-\d{2}-\d{2})\+?\d(?:[ -]?\d){7,14}(?![\w.])/g, (match) => maskPhone(match)],
  [/(?<![\w.-])\d{6,7}(?![\w.:-])/g, '[code]'],
  [/[A-Za-z0-9+/_-]{32,}={0,2}/g, REDACTED], // long opaque strings: keys, tokens, hashes
];

/** "4712345678" → "********78". */
export function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (digits.length < 4) return REDACTED;
  return `${'*'.repeat(digits.length - 2)}${digits.slice(-2)}`;
}

/** A string fit for a log: secrets and identifiers out, no control characters, bounded. */
export function redactText(value: string, secrets: readonly string[] = []): string {
  let text = value.replace(/[\p{Cc}\p{Cf}]/gu, ' ');
  for (const secret of secrets) if (secret.length >= 4) text = text.split(secret).join(REDACTED);
  for (const [pattern, replacement] of VALUE_RULES) text = text.replace(pattern, replacement as string);
  return text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…` : text;
}

/** A copy of `fields` fit for a log line. */
export function redactFields(fields: Record<string, unknown>, secrets: readonly string[] = []): Record<string, unknown> {
  return redactObject(fields, secrets, 0);
}

function redactObject(fields: Record<string, unknown>, secrets: readonly string[], depth: number): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [redactText(key), redactValue(key, value, secrets, depth)]));
}

function redactValue(key: string, value: unknown, secrets: readonly string[], depth: number): unknown {
  if (value === null || value === undefined || typeof value === 'boolean') return value;
  if (SECRET_KEY.test(key)) return REDACTED;
  if (PHONE_KEY.test(key)) return typeof value === 'string' || typeof value === 'number' ? maskPhone(String(value)) : REDACTED;
  if (CUSTOMER_KEY.test(key)) return REDACTED;
  // A number as long as a phone number is treated as one, whatever its field is called.
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) >= 1e7 && Math.abs(value) < 1e15 ? maskPhone(String(value)) : value;
  if (typeof value === 'string') return redactText(value, secrets);
  if (value instanceof Error) return { name: redactText(value.name), message: redactText(value.message, secrets) };
  if (depth >= MAX_DEPTH) return '[nested]';
  if (Array.isArray(value)) return value.slice(0, 20).map((item) => redactValue('', item, secrets, depth + 1));
  if (typeof value === 'object') return redactObject(value as Record<string, unknown>, secrets, depth + 1);
  return redactText(String(value), secrets);
}

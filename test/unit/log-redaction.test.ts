/**
 * What reaches a log line: phone numbers masked to their last two digits; tokens, secrets, OTPs,
 * loyalty IDs and Vipps codes never; control characters stripped. Checked on the line written
 * to the log file (electron-log's file transport), which rotates under a size cap.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, LOG_FILE_NAME } from '../../electron/core/log/logger';
import { maskPhone, redactFields, redactText } from '../../electron/core/log/redact';

const OTP = '123456';
const LOYALTY_ID = '4711fc2a-3a8f-414f-a9e7-44dd5231dca7';
const PHONE = '4712345678';
const TOKEN = 'tok-Z9x8W7v6U5';
const VIPPS_URL = 'https://qr.vipps.no/p/AbCdEfGh1234';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

function written(fields: Record<string, unknown>, secrets: string[] = []): string {
  const lines: string[] = [];
  const log = createLogger((line) => lines.push(line));
  log.setSecrets(secrets);
  log.error('event', fields);
  return lines.join('\n');
}

describe('redaction by field name', () => {
  it.each([
    ['token', TOKEN],
    ['accessToken', TOKEN],
    ['clientSecret', 'secret-value-1'],
    ['subscriptionKey', 'sub-key-value'],
    ['authorization', `Bearer ${TOKEN}`],
    ['pin', '2468'],
    ['pinHash', 'scrypt$1$2$3$salt$hash'],
    ['identifier', OTP],
    ['otp', OTP],
    ['code', OTP],
    ['loyaltyId', LOYALTY_ID],
    ['userId', 'user-77'],
    ['qrCode', VIPPS_URL],
    ['scan', OTP],
    ['firstName', 'Kari'],
    ['transactionId', 'txn-42'],
  ])('%s is never written', (field, value) => {
    const line = written({ [field]: value });
    expect(line).not.toContain(value);
    expect(JSON.parse(line)[field]).toBe('[redacted]');
  });

  it.each(['phoneNumber', 'msisdn', 'phone', 'mobile'])('%s is masked to its last two digits', (field) => {
    const line = written({ [field]: PHONE });
    expect(line).not.toContain(PHONE);
    expect(JSON.parse(line)[field]).toBe('********78');
  });

  it('reaches nested objects and arrays', () => {
    const line = written({ request: { body: { phoneNumber: PHONE, identifier: OTP }, headers: { authorization: `Bearer ${TOKEN}` } }, list: [{ token: TOKEN }] });
    for (const value of [PHONE, OTP, TOKEN]) expect(line).not.toContain(value);
    expect(line).toContain('********78');
  });
});

describe('redaction by what a value looks like, under any name', () => {
  it.each([
    ['an OTP', `identify failed for ${OTP}`, OTP],
    ['a loyalty ID', `no member ${LOYALTY_ID}`, LOYALTY_ID],
    ['a Vipps token-form code', `exchange of ${VIPPS_URL} failed`, 'AbCdEfGh1234'],
    ['a Vipps phone-form code', 'scanned https://qr.vipps.no/28/2/01/031/4712345678?v=1', '4712345678'],
    ['a bearer token', `header Authorization: Bearer ${TOKEN}`, TOKEN],
    ['a JWT', 'token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl', 'eyJhbGciOiJIUzI1NiJ9'],
    ['a long opaque key', 'key 0123456789abcdefABCDEF0123456789xyz', '0123456789abcdefABCDEF0123456789xyz'],
  ])('%s in a message is removed', (_name, message, secret) => {
    const line = written({ message });
    expect(line).not.toContain(secret);
  });

  it.each([
    ['with spaces', '+47 412 34 567', '********67'],
    ['in groups of three', '412 34 567', '******67'],
    ['with dashes', '41-23-45-67', '******67'],
  ])('a phone number written %s keeps only its last two digits', (_how, phone, masked) => {
    expect(redactText(`check-in for ${phone} failed`)).toBe(`check-in for ${masked} failed`);
  });

  it('a phone number as a number, under any field name, is masked too', () => {
    expect(JSON.parse(written({ value: 4741234567 })).value).toBe('********67');
  });

  it('an OTP right after a colon, and short credentials in a URL query, are removed', () => {
    expect(redactText('otp:123456')).toBe('otp:[code]');
    const url = redactText('GET https://loyalty.example.com/v2/identify?token=ab12&code=9xY&storeId=9999');
    expect(url).toBe('GET https://loyalty.example.com/v2/identify?token=[redacted]&code=[redacted]&storeId=9999');
  });

  it('leaves dates alone', () => {
    expect(redactText('certificate expired on 2026-11-30')).toBe('certificate expired on 2026-11-30');
  });

  it('a phone number in a message keeps only its last two digits', () => {
    expect(redactText(`check-in for +${PHONE} failed`)).toBe('check-in for ********78 failed');
  });

  it('a configured secret is removed wherever it turns up, even inside other text', () => {
    const line = written({ message: `fetch failed: header value "x${TOKEN}y" invalid` }, [TOKEN]);
    expect(line).not.toContain(TOKEN);
  });

  it('keeps what support needs: numbers, durations, states, ports, HTTP statuses, error codes', () => {
    const fields = redactFields({ ms: 123, status: 404, detail: 'ECONNREFUSED', state: 'unavailable', baseUrl: 'http://127.0.0.1:45678', attempts: 3 });
    expect(fields).toEqual({ ms: 123, status: 404, detail: 'ECONNREFUSED', state: 'unavailable', baseUrl: 'http://127.0.0.1:45678', attempts: 3 });
  });

  it('masks short and long phone numbers alike', () => {
    expect(maskPhone('4712345678')).toBe('********78');
    expect(maskPhone('+46 70 123 45 67')).toBe('*********67');
  });
});

describe('the log line', () => {
  it('strips control characters: a hostile value cannot forge a second line', () => {
    const lines: string[] = [];
    createLogger((line) => lines.push(line)).warn('event\n{"forged":true}', { detail: 'a\r\n{"level":"info","event":"forged"}\u0000' });
    expect(lines).toHaveLength(1);
    // JSON escapes control characters anyway; what matters is what a log viewer shows once parsed.
    const entry = JSON.parse(lines[0] ?? '') as { level: string; event: string; detail: string };
    expect(entry.level).toBe('warn');
    for (const text of [entry.event, entry.detail]) expect(text).not.toMatch(/\p{Cc}/u);
    expect(entry.detail).toBe('a  {"level":"info","event":"forged"} ');
  });

  it('keeps the last warnings and errors, redacted, for the staff health view', () => {
    const log = createLogger(() => undefined);
    log.info('fine');
    log.warn('vipps-check-in-failed', { detail: `HTTP 500 for ${PHONE}` });
    log.error('config-invalid', { message: 'storeId: Required' });
    expect(log.recentProblems()).toEqual([
      expect.objectContaining({ level: 'warn', event: 'vipps-check-in-failed', message: 'HTTP 500 for ********78' }),
      expect.objectContaining({ level: 'error', event: 'config-invalid', message: 'storeId: Required' }),
    ]);
    for (let n = 0; n < 30; n++) log.warn('again');
    expect(log.recentProblems()).toHaveLength(20);
  });
});

describe('the log file', () => {
  it('is written in the given folder, one redacted JSON line per entry, owner-only', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-log-'));
    const log = createLogger({ write: () => undefined, dir });
    log.info('session', { outcome: 'member', identifier: OTP, phoneNumber: PHONE });
    const text = readFileSync(path.join(dir, LOG_FILE_NAME), 'utf8');
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ level: 'info', event: 'session', outcome: 'member', identifier: '[redacted]', phoneNumber: '********78' });
    expect(text).not.toContain(OTP);
    if (process.platform !== 'win32') expect(statSync(path.join(dir, LOG_FILE_NAME)).mode & 0o777).toBe(0o600);
  });

  it('rotates at its size cap and keeps a bounded number of old files', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-log-'));
    const log = createLogger({ write: () => undefined, dir, maxFileBytes: 2000, keepFiles: 3 });
    for (let n = 0; n < 400; n++) log.info('filler', { n, note: 'x'.repeat(60) });
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['kiosk.1.log', 'kiosk.2.log', 'kiosk.3.log', 'kiosk.log']);
    for (const file of files) expect(statSync(path.join(dir, file)).size).toBeLessThan(2000 + 200);
    // The newest entry is in kiosk.log, in order after the ones in kiosk.1.log.
    const last = (file: string) => Number(JSON.parse(readFileSync(path.join(dir, file), 'utf8').trim().split('\n').at(-1) ?? '{}').n);
    expect(last('kiosk.log')).toBe(399);
    expect(last('kiosk.1.log')).toBeLessThan(399);
  });
});

describe('an unhandled rejection', () => {
  it('is logged, redacted, and does not end the process', async () => {
    const { logUnhandledRejections } = await import('../../electron/core/log/process-guards');
    const lines: string[] = [];
    const before = process.listeners('unhandledRejection');
    logUnhandledRejections(createLogger((line) => lines.push(line)));
    const added = process.listeners('unhandledRejection').filter((listener) => !before.includes(listener));
    try {
      expect(added).toHaveLength(1);
      added[0]?.(new Error('identify failed for 4712345678'), Promise.resolve());
      expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ level: 'error', event: 'unhandled-rejection', message: 'Error: identify failed for ********78' });
    } finally {
      for (const listener of added) process.off('unhandledRejection', listener);
    }
  });
});

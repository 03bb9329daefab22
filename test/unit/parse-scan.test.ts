/** parseScan: scanned text is untrusted; only an OTP or a loyalty ID may reach the back end. */
import { describe, expect, it } from 'vitest';
import { MAX_SCAN_LENGTH, parseScan, type ScanRejection } from '../../electron/core/scan/parse-scan';

const UUID = '4711fc2a-3a8f-414f-a9e7-44dd5231dca7';

describe('parseScan', () => {
  describe('accepts', () => {
    it.each([
      ['123456', '123456'],
      ['000000', '000000'],
      ['999999', '999999'],
    ])('the 6-digit OTP %j', (raw, identifier) => {
      expect(parseScan(raw)).toEqual({ ok: true, scan: { kind: 'otp', identifier } });
    });

    it.each([
      [UUID, UUID],
      [UUID.toUpperCase(), UUID],
      ['4711FC2A-3a8f-414F-a9E7-44dd5231DCA7', UUID],
    ])('the loyalty ID (UUID) %j, lower-cased', (raw, identifier) => {
      expect(parseScan(raw)).toEqual({ ok: true, scan: { kind: 'loyaltyId', identifier } });
    });
  });

  describe('trims scanner framing', () => {
    it.each([
      ['CR LF suffix', '123456\r\n'],
      ['CR suffix', '123456\r'],
      ['LF suffix', '123456\n'],
      ['tab suffix', '123456\t'],
      ['GS prefix', '\x1d123456'],
      ['GS prefix and CR suffix', '\x1d123456\r'],
      ['spaces around', '  123456  '],
      ['mixed framing on both sides', '\x1d \t123456 \r\n\t'],
      ['STX … ETX', '\x02123456\x03'],
      ['RS prefix and EOT suffix', '\x1e123456\x04'],
      ['an AIM symbology identifier for QR', ']Q1123456'],
      ['an AIM identifier after framing', '\x02]Q3123456\r\n'],
    ])('%s', (_label, raw) => {
      expect(parseScan(raw)).toEqual({ ok: true, scan: { kind: 'otp', identifier: '123456' } });
    });

    it('around a UUID too', () => {
      expect(parseScan(`\x1d ${UUID.toUpperCase()}\r\n`)).toEqual({ ok: true, scan: { kind: 'loyaltyId', identifier: UUID } });
    });

    it('accepts a code whose framing brings the raw text to exactly MAX_SCAN_LENGTH', () => {
      const raw = '123456'.padEnd(MAX_SCAN_LENGTH, ' ');
      expect(raw).toHaveLength(MAX_SCAN_LENGTH);
      expect(parseScan(raw)).toEqual({ ok: true, scan: { kind: 'otp', identifier: '123456' } });
    });
  });

  describe('rejects near-misses as unknownFormat', () => {
    it.each([
      ['5 digits', '12345'],
      ['7 digits', '1234567'],
      ['digits with a space inside', '123 456'],
      ['digits with a dash inside', '123-456'],
      ['a letter among digits', '12345a'],
      ['UUID missing a character', UUID.slice(0, -1)],
      ['UUID with one extra character', `${UUID}0`],
      ['UUID with a non-hex character', UUID.replace('4711', '471g')],
      ['UUID without hyphens', UUID.replaceAll('-', '')],
      ['UUID in braces', `{${UUID}}`],
      ['Arabic-Indic digits', '\u0661\u0662\u0663\u0664\u0665\u0666'],
      ['Extended Arabic-Indic digits', '\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6'],
      ['full-width digits', '\uff11\uff12\uff13\uff14\uff15\uff16'],
      ['a look-alike host', 'https://qr.vipps.no.evil.example/p/abc'],
      ['Vipps host in a path', 'https://evil.example/qr.vipps.no/p/abc'],
      ['plain text', 'hello'],
      ['some other URL', 'https://example.com/123456'],
    ])('%s', (_label, raw) => {
      expect(parseScan(raw)).toEqual({ ok: false, reason: 'unknownFormat' });
    });
  });

  describe('rejects hostile payloads', () => {
    it.each<[string, string, ScanRejection]>([
      ['one character over the cap', '1'.repeat(MAX_SCAN_LENGTH + 1), 'tooLong'],
      ['a huge payload', 'A'.repeat(100_000), 'tooLong'],
      ['a valid code padded over the cap with framing', '123456'.padEnd(MAX_SCAN_LENGTH + 1, '\r'), 'tooLong'],
      ['embedded NUL', '123\u0000456', 'controlCharacters'],
      ['leading NUL', '\u0000123456', 'controlCharacters'],
      ['embedded ESC', '123\u001b456', 'controlCharacters'],
      ['ANSI escape sequence', '\u001b[2J123456', 'controlCharacters'],
      ['embedded GS (only framing is trimmed)', '123\u001d456', 'controlCharacters'],
      ['embedded STX', '123\u0002456', 'controlCharacters'],
      ['a Ctrl+R from a keyboard burst (DC2)', '123\u0012456', 'controlCharacters'],
      ['DEL', '123456\u007f', 'controlCharacters'],
      ['C1 control', '123\u0085456', 'controlCharacters'],
      ['bidi override U+202E', '123456\u202e', 'controlCharacters'],
      ['bidi override inside a UUID', `${UUID.slice(0, 8)}\u202e${UUID.slice(8)}`, 'controlCharacters'],
      ['zero-width space U+200B', '123\u200b456', 'controlCharacters'],
      ['zero-width joiner U+200D', '123\u200d456', 'controlCharacters'],
      ['byte-order mark U+FEFF', '\ufeff123456', 'controlCharacters'],
      ['empty', '', 'empty'],
      ['spaces only', '     ', 'empty'],
      ['framing only', '\r\n\t\x1d \r\n', 'empty'],
    ])('%s → %s', (_label, raw, reason) => {
      expect(parseScan(raw)).toEqual({ ok: false, reason });
    });
  });

  describe('Vipps personal QR codes', () => {
    it.each([
      ['phone form', 'https://qr.vipps.no/28/2/01/031/4712345678?v=1', '4712345678'],
      ['phone form without the version', 'https://qr.vipps.no/28/2/01/031/4798765432', '4798765432'],
      ['upper-case scheme and host', 'HTTPS://QR.VIPPS.NO/28/2/01/031/4712345678?v=1', '4712345678'],
      ['with scanner framing', '\x1dhttps://qr.vipps.no/28/2/01/031/4712345678?v=1\r\n', '4712345678'],
    ])('take the number from the %s, and keep the code (canonical origin) for the exchange', (_label, raw, identifier) => {
      const qrCode = `https://qr.vipps.no/28/2/01/031/${identifier}${raw.includes('?v=1') ? '?v=1' : ''}`;
      expect(parseScan(raw)).toEqual({ ok: true, scan: { kind: 'vippsPhone', identifier, qrCode } });
    });

    it.each([
      ['a token', 'https://qr.vipps.no/p/abc', 'https://qr.vipps.no/p/abc'],
      ['a long URL-safe token', `https://qr.vipps.no/p/${'Ab0_-'.repeat(20)}`, `https://qr.vipps.no/p/${'Ab0_-'.repeat(20)}`],
      ['upper-case scheme and host (sent canonical)', 'HTTPS://QR.Vipps.NO/p/AbC', 'https://qr.vipps.no/p/AbC'],
    ])('keep the whole token-form code for the exchange: %s', (_label, raw, qrCode) => {
      expect(parseScan(raw)).toEqual({ ok: true, scan: { kind: 'vippsToken', qrCode } });
    });

    it.each([
      ['plain http', 'http://qr.vipps.no/28/2/01/031/4712345678?v=1'],
      ['plain http, token form', 'http://qr.vipps.no/p/abc'],
      ['a longer number', 'https://qr.vipps.no/28/2/01/031/47123456789?v=1'],
      ['a shorter number', 'https://qr.vipps.no/28/2/01/031/471234567?v=1'],
      ['a number outside Norway', 'https://qr.vipps.no/28/2/01/031/4512345678?v=1'],
      ['extra path parts', 'https://qr.vipps.no/28/2/01/031/4712345678/x?v=1'],
      ['an extra path part before', 'https://qr.vipps.no/x/28/2/01/031/4712345678'],
      ['a trailing slash', 'https://qr.vipps.no/28/2/01/031/4712345678/'],
      ['a token with a slash', 'https://qr.vipps.no/p/abc/def'],
      ['an empty token', 'https://qr.vipps.no/p/'],
      ['another query', 'https://qr.vipps.no/28/2/01/031/4712345678?v=1&next=https://evil.example'],
      ['a fragment', 'https://qr.vipps.no/p/abc#x'],
      ['a port', 'https://qr.vipps.no:8443/p/abc'],
      ['a percent-escape', 'https://qr.vipps.no/p/ab%2Fc'],
    ])('refuse %s', (_label, raw) => {
      expect(parseScan(raw)).toEqual({ ok: false, reason: 'vippsMalformed' });
    });

    it.each([
      ['a look-alike host', 'https://qr.vipps.no.evil.example/28/2/01/031/4712345678?v=1'],
      ['a look-alike domain', 'https://qr-vipps.no/p/abc'],
      ['a sub-domain', 'https://x.qr.vipps.no/p/abc'],
      ['userinfo', 'https://qr.vipps.no@evil.example/p/abc'],
      ['a backslash', 'https:\\qr.vipps.no/p/abc'],
    ])('refuse %s as not a loyalty code', (_label, raw) => {
      expect(parseScan(raw)).toEqual({ ok: false, reason: 'unknownFormat' });
    });
  });

});

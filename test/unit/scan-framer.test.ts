/** ScanFramer: a scanner's character stream cut into scans on CR/LF or a suffix, prefix stripped, length capped. */
import { describe, expect, it } from 'vitest';
import { MAX_SCAN_LENGTH } from '../../electron/core/scan/parse-scan';
import { ScanFramer } from '../../electron/core/scan/scan-framer';

const STX = '\u0002';
const ETX = '\u0003';

function framer(options: { prefix?: string | null; suffix?: string | null } = {}) {
  const frames: string[] = [];
  const instance = new ScanFramer({ prefix: options.prefix ?? null, suffix: options.suffix ?? null, onFrame: (text) => frames.push(text) });
  /** What is held back waiting for a line end (private: read only to prove memory stays bounded). */
  const held = () => (instance as unknown as { buffer: string }).buffer.length;
  return { frames, held, push: (...chunks: string[]) => chunks.forEach((chunk) => instance.push(chunk)) };
}

describe('ScanFramer line ends', () => {
  it.each([
    ['CR LF', '123456\r\n234567\r\n'],
    ['CR only', '123456\r234567\r'],
    ['LF only', '123456\n234567\n'],
    ['mixed', '123456\r\n234567\r'],
  ])('cuts on %s', (_name, stream) => {
    const f = framer();
    f.push(stream);
    expect(f.frames).toEqual(['123456', '234567']);
  });

  it('cuts every kind of line end in one mixed stream, several scans in one chunk', () => {
    const f = framer();
    f.push('a1\r\nb2\rc3\nd4\n\re5\r\n');
    expect(f.frames).toEqual(['a1', 'b2', 'c3', 'd4', 'e5']);
  });

  it('holds an unfinished scan until its line end arrives', () => {
    const f = framer();
    f.push('1234');
    expect(f.frames).toEqual([]);
    f.push('56');
    expect(f.frames).toEqual([]);
    f.push('\r\n');
    expect(f.frames).toEqual(['123456']);
  });

  it('joins scans sent byte by byte', () => {
    const f = framer();
    f.push(...'123456\r\n234567\n4711fc2a-3a8f-414f-a9e7-44dd5231dca7\r'.split(''));
    expect(f.frames).toEqual(['123456', '234567', '4711fc2a-3a8f-414f-a9e7-44dd5231dca7']);
  });

  it('a CR ending one chunk and its LF starting the next make exactly one scan, no empty one', () => {
    const f = framer();
    f.push('123456\r');
    expect(f.frames).toEqual(['123456']); // a CR ends the scan at once: no waiting for an LF that may never come
    f.push('\n234567\r');
    f.push('\n');
    expect(f.frames).toEqual(['123456', '234567']);
  });

  it('drops blank frames (empty, spaces, tabs) and keeps the next scan', () => {
    const f = framer();
    f.push('\r\n\r\n', '   \r\n', '\t\n', '\n\n\r\r');
    expect(f.frames).toEqual([]);
    f.push('123456\n');
    expect(f.frames).toEqual(['123456']);
  });

  it('does not trim a scan itself (parseScan strips framing): only blank ones are dropped', () => {
    const f = framer();
    f.push(' 123456 \n');
    expect(f.frames).toEqual([' 123456 ']);
  });
});

describe('ScanFramer with a suffix', () => {
  it('cuts on the suffix only: CR and LF inside a frame stay in it', () => {
    // With a suffix configured the device says where a scan ends, so CR/LF are content (a 2D code
    // may hold line breaks): cutting on them would split one code into bogus scans. Stray CR/LF
    // at the ends of a frame are framing that parseScan strips.
    const f = framer({ suffix: ETX });
    f.push('123456\r\n');
    expect(f.frames).toEqual([]);
    f.push(`${ETX}line one\r\nline two${ETX}`);
    expect(f.frames).toEqual(['123456\r\n', 'line one\r\nline two']);
  });

  it('finds a several-character suffix split across chunks, and drops blank frames', () => {
    const f = framer({ suffix: '##' });
    f.push('123456#', '#', '##', '234', '567#', '#');
    expect(f.frames).toEqual(['123456', '234567']);
  });
});

describe('ScanFramer with a prefix', () => {
  it('strips the prefix from the front of each frame, once', () => {
    const f = framer({ prefix: STX });
    f.push(`${STX}123456\r\n${STX}${STX}234567\n`);
    expect(f.frames).toEqual(['123456', `${STX}234567`]);
  });

  it('leaves a frame without the prefix whole, and a prefix inside a frame in place', () => {
    const f = framer({ prefix: 'PFX' });
    f.push('123456\n', '12PFX34\n', 'PF123\n', 'PFX7\n');
    expect(f.frames).toEqual(['123456', '12PFX34', 'PF123', '7']);
  });

  it('strips a prefix split across chunks, and drops a frame that is only the prefix', () => {
    const f = framer({ prefix: `${STX}]Q`, suffix: ETX });
    f.push(STX, ']', 'Q1234', `56${ETX}`, `${STX}]Q${ETX}`, `${STX}]Q  ${ETX}`);
    expect(f.frames).toEqual(['123456']);
  });
});

describe('ScanFramer length cap', () => {
  it('emits a frame of exactly MAX_SCAN_LENGTH (512) characters', () => {
    expect(MAX_SCAN_LENGTH).toBe(512);
    const code = 'x'.repeat(MAX_SCAN_LENGTH);
    const f = framer();
    f.push(code);
    f.push('\r\n');
    expect(f.frames).toEqual([code]);
    const bytes = framer();
    bytes.push(...code.split(''), '\n');
    expect(bytes.frames).toEqual([code]);
  });

  it('voids a frame one character over the cap, and the next one is fine', () => {
    const f = framer();
    f.push('y'.repeat(MAX_SCAN_LENGTH + 1));
    f.push('\n123456\n');
    expect(f.frames).toEqual(['123456']);
  });

  it.each([
    ['one chunk', 10_000],
    ['chunks of 100', 100],
    ['chunks of 7', 7],
  ])('an endless stream without a line end stays bounded, and only the good code after it is emitted (%s)', (_name, size) => {
    const f = framer();
    const endless = 'z'.repeat(10_000);
    for (let at = 0; at < endless.length; at += size) {
      f.push(endless.slice(at, at + size));
      expect(f.held()).toBeLessThanOrEqual(MAX_SCAN_LENGTH);
    }
    expect(f.frames).toEqual([]);
    f.push('\r\n');
    f.push('123456\r\n');
    expect(f.frames).toEqual(['123456']);
  });

  it('voids an overlong frame up to its end, never cutting its tail into a shorter scan', () => {
    const f = framer();
    f.push('9'.repeat(600)); // over the cap: voided...
    f.push('123456'); // ...and this is still the same frame, not a scan of its own
    f.push('\r');
    f.push('\n234567\r\n'); // the LF of the voided frame's CR LF makes no empty scan either
    expect(f.frames).toEqual(['234567']);
  });

  it('voids an overlong frame in suffix mode too, with CR/LF inside it', () => {
    const f = framer({ suffix: ETX });
    f.push('a\r\n'.repeat(200)); // 600 characters, no suffix
    f.push(`123456${ETX}234567${ETX}`);
    expect(f.frames).toEqual(['234567']);
  });

  // Regression: found by review, fixed in the same change.
  it('voids an overlong frame that arrives with its line end in the same chunk', () => {
    const f = framer();
    f.push(`${'8'.repeat(600)}\n123456\n`);
    expect(f.frames).toEqual(['123456']);
  });

  it('with a suffix, CR LF a scanner sends after it does not hide the next prefix', () => {
    const frames: string[] = [];
    const f = new ScanFramer({ prefix: STX, suffix: ETX, onFrame: (text) => frames.push(text) });
    f.push(`${STX}123456${ETX}\r\n${STX}234567${ETX}\r\n`);
    expect(frames).toEqual(['123456', '234567']);
  });
});

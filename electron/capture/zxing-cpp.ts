/**
 * ZXing-C++ (the zxing-wasm build of it) reading QR codes from a luma frame. The frame goes in
 * as a binary PGM image: its public API takes encoded images or RGBA, and the RGBA route spends
 * more time turning RGBA into luma in JavaScript than ZXing-C++ spends on the frame (measured:
 * 720p, 5.6 ms median as PGM against 17.2 ms as RGBA on the corpus frames, the same reads).
 * The WebAssembly comes from the caller (embedded in the capture worker, read from disk in
 * Node): nothing is ever fetched, least of all from zxing-wasm's default CDN.
 */
import { prepareZXingModule, readBarcodes, type ReaderOptions, type ReadResult } from 'zxing-wasm/reader';
import type { LumaFrame } from './luma-frame';

/**
 * What a pass may change; everything else is fixed for a kiosk's QR codes. `invert` hands
 * ZXing-C++ the frame inverted: its own `tryInvert` reads the frame as it is first, which the
 * pass before has done already.
 */
export type ZxingCppOptions = Pick<ReaderOptions, 'tryHarder' | 'binarizer' | 'tryDownscale'> & { invert?: boolean };

const FIXED: ReaderOptions = {
  formats: ['QRCode'],
  maxNumberOfSymbols: 1,
  tryRotate: false, // QR finder patterns are found at any angle; rotating finds nothing new
  tryHarder: false,
  tryInvert: false,
  // The code's own bytes as text (ECI or a guessed character set); HRI would rewrite GS1 codes.
  textMode: 'Plain',
};

let ready: Promise<unknown> | null = null;

/**
 * Instantiates the WebAssembly module once (later calls wait for the first), then reads a small
 * blank frame with each binarizer: V8 compiles WebAssembly functions when first called, and
 * that must not land on the first camera frame (measured: it made it 3× slower).
 */
export function loadZxingCpp(wasmBinary: Uint8Array): Promise<unknown> {
  const bytes = wasmBinary.buffer.slice(wasmBinary.byteOffset, wasmBinary.byteOffset + wasmBinary.byteLength) as ArrayBuffer;
  ready ??= prepareZXingModule({
    overrides: { wasmBinary: bytes, locateFile: (file: string) => file },
    fireImmediately: true,
  }).then(async () => {
    const blank = toPgm({ data: new Uint8Array(160 * 120).fill(128), width: 160, height: 120 });
    await readBarcodes(blank, { ...FIXED, tryHarder: true });
    await readBarcodes(blank, { ...FIXED, tryHarder: true, binarizer: 'GlobalHistogram' });
  });
  return ready;
}

/** The reads in progress: one at a time, as they share the PGM buffer (see toPgm). */
let reads: Promise<unknown> = Promise.resolve();

/** The text of the QR code in the frame (a light-on-dark one with `invert`), or null. */
export async function readQrZxingCpp(frame: LumaFrame, options: ZxingCppOptions = {}): Promise<string | null> {
  const found = await readFirst(frame, options);
  return (found?.isValid && found.text) || null;
}

/**
 * The text of a QR code in the frame, 'unread' for a code ZXing-C++ finds but cannot decode (its
 * `returnErrors`: a checksum or format error, the symbol's position known), or null for none.
 */
export async function findUnreadQrZxingCpp(frame: LumaFrame): Promise<string | 'unread' | null> {
  const found = await readFirst(frame, { returnErrors: true });
  if (!found) return null;
  return found.isValid ? found.text || null : 'unread';
}

async function readFirst(frame: LumaFrame, options: ZxingCppOptions & Pick<ReaderOptions, 'returnErrors'>): Promise<ReadResult | undefined> {
  if (!ready) throw new Error('ZXing-C++ is not loaded: call loadZxingCpp first');
  await ready;
  const { invert = false, ...reader } = options;
  const read = reads.then(async () => (await readBarcodes(toPgm(frame, invert), { ...FIXED, ...reader }))[0]);
  reads = read.catch(() => undefined);
  return read;
}

/**
 * The PGM buffer, kept from frame to frame: a new 1 MB buffer a pass cost more than the copy into
 * it (measured at 720p: 0.43 ms a frame, most of the kiosk's time over ZXing-C++'s own). ZXing-C++
 * copies its input a microtask after the call, so reads go one at a time (`reads`) and the bench's
 * callers await each before making the next.
 */
let pgmBuffer: { header: string; bytes: Uint8Array } | null = null;

/** A binary PGM (P5) of the frame, inverted if asked: a short text header, then the rows without padding. */
export function toPgm(frame: LumaFrame, invert = false): Uint8Array {
  const headerText = `P5\n${frame.width} ${frame.height}\n255\n`;
  if (pgmBuffer?.header !== headerText) {
    const header = new TextEncoder().encode(headerText);
    const bytes = new Uint8Array(header.length + frame.width * frame.height);
    bytes.set(header);
    pgmBuffer = { header: headerText, bytes };
  }
  const out = pgmBuffer.bytes;
  const offset = out.length - frame.width * frame.height; // after the header
  const stride = frame.stride ?? frame.width;
  if (stride === frame.width) out.set(frame.data.subarray(0, frame.width * frame.height), offset);
  else for (let y = 0; y < frame.height; y++) out.set(frame.data.subarray(y * stride, y * stride + frame.width), offset + y * frame.width);
  if (invert) {
    // Four pixels at a time: 255 - v is v XOR 255 for a byte.
    const pixels = out.subarray(offset);
    const words = Math.floor(pixels.byteLength / 4);
    const aligned = (pixels.byteOffset & 3) === 0;
    if (aligned) {
      const view = new Uint32Array(pixels.buffer, pixels.byteOffset, words);
      for (let i = 0; i < words; i++) view[i] = view[i]! ^ 0xffffffff;
    }
    for (let i = aligned ? words * 4 : 0; i < pixels.length; i++) pixels[i] = pixels[i]! ^ 0xff;
  }
  return out;
}

/**
 * The camera's decoding in Node, three tables:
 * 1. synthetic frames (a 6-digit OTP, a loyalty ID and a Vipps URL, sensor noise σ 6), as before;
 * 2. the corpus of real photographs (test/fixtures/qr-photos), each in the middle of a mid-grey
 *    frame at three sizes, per set, beside ZXing-C++'s own required counts;
 * 3. the capture worker's time per frame at 10 fps on its worst frames (busy-scenes.ts).
 * Each table sets the kiosk's pipeline (the capture worker's frame scanner, as `npm run decode`
 * runs it) beside @zxing/library alone on the full frame and zxing-wasm called as its API is
 * meant to be called (RGBA ImageData), with its fast options and with its defaults, and with its
 * fast options given the frame's luma as the kiosk gives it (a PGM), the fairest measure of what
 * the kiosk's own passes cost.
 */
import { readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
import { FrameScanner } from '../../electron/capture/frame-scanner';
import type { LumaFrame } from '../../electron/capture/luma-frame';
import { budgetForFps, QrPipeline } from '../../electron/capture/qr-pipeline';
import { QR_PASSES } from '../../electron/capture/qr-passes';
import { decodeQr } from '../../electron/capture/qr-decoder';
import { toPgm } from '../../electron/capture/zxing-cpp';
import { busyFrames } from '../../test/helpers/busy-scenes';
import { qrFrame } from '../../test/helpers/qr-frames';
import { photoFrame } from '../camera/photo-frame';
import { corpusImages } from '../camera/qr-corpus';
import { decodeStill, loadDecodersForNode } from '../camera/still-decoder';

const SIZES: Array<[number, number, number]> = [
  [640, 480, 4],
  [1280, 720, 6],
  [1920, 1080, 9],
];
const PAYLOADS = ['123456', '4711fc2a-3a8f-414f-a9e7-44dd5231dca7', 'https://qr.vipps.no/28/2/01/031/4712345678?v=1'];
const FRAMES_PER_SIZE = Number(process.env.BENCH_FRAMES ?? 60);
/** ZXing-C++'s BlackboxTestRunner, QR sets at 0°, "harder" settings (the corpus README). */
const ZXING_CPP_REQUIRES: Record<string, number> = { 'qrcode-1': 8, 'qrcode-2': 53, 'qrcode-3': 18, 'qrcode-5': 16, 'qrcode-6': 15 };

const WASM_FAST: ReaderOptions = { formats: ['QRCode'], maxNumberOfSymbols: 1, tryHarder: false, tryRotate: false, tryInvert: false, textMode: 'Plain' };
const WASM_DEFAULT: ReaderOptions = { formats: ['QRCode'], maxNumberOfSymbols: 1, textMode: 'Plain' };

type Decoder = (frame: LumaFrame) => Promise<{ text: string | null; ms: number[] }>;

/** How the kiosk decodes: the frame held in view, every frame the worker would decode timed. */
const kiosk: Decoder = async (frame) => {
  const still = await decodeStill(frame);
  return { text: still.text, ms: still.frames.map((decoded) => decoded.ms) };
};
/** Times `decode` on what `prepare` made of the frame (the preparation is not timed). */
const timed =
  <T>(prepare: (frame: LumaFrame) => T, decode: (input: T) => Promise<string | null> | string | null): Decoder =>
  async (frame) => {
    const input = prepare(frame);
    const started = performance.now();
    const text = await decode(input);
    return { text, ms: [performance.now() - started] };
  };
const zxingLibrary = timed((frame) => frame, decodeQr);
/** zxing-wasm as its users call it: RGBA ImageData (a canvas's), which it turns into luma in JavaScript. */
const zxingWasm = (options: ReaderOptions): Decoder =>
  timed(toImageData, async (image) => (await readBarcodes(image, options))[0]?.text ?? null);
/** zxing-wasm given the luma as a PGM, as the kiosk gives it (the PGM made untimed; the kiosk's time includes its own). */
const zxingWasmLuma = (options: ReaderOptions): Decoder =>
  timed((frame) => toPgm(frame), async (pgm) => (await readBarcodes(pgm, options))[0]?.text ?? null);

function toImageData(frame: LumaFrame): ImageData {
  const rgba = new Uint32Array(frame.width * frame.height);
  for (let i = 0; i < rgba.length; i++) rgba[i] = 0xff000000 | (frame.data[i]! * 0x010101);
  return { data: new Uint8ClampedArray(rgba.buffer), width: frame.width, height: frame.height, colorSpace: 'srgb' } as ImageData;
}

const DECODERS: Array<[string, Decoder]> = [
  ['**the kiosk**', kiosk],
  ['@zxing/library alone', zxingLibrary],
  ['zxing-wasm, fast options', zxingWasm(WASM_FAST)],
  ['zxing-wasm, fast options, luma in (as the kiosk)', zxingWasmLuma(WASM_FAST)],
  ['zxing-wasm, defaults', zxingWasm(WASM_DEFAULT)],
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function syntheticTable(): Promise<void> {
  console.log(`QR decode per frame in Node, generated frames (OTP, loyalty ID, Vipps URL; noise σ 6), ${FRAMES_PER_SIZE} per size: median ms per frame, share read`);
  console.log(`| frame | ${DECODERS.map(([name]) => name).join(' | ')} |`);
  console.log(`| --- |${' --- |'.repeat(DECODERS.length)}`);
  for (const [width, height, modulePx] of SIZES) {
    const results = DECODERS.map(() => ({ ms: [] as number[], read: 0 }));
    for (let i = 0; i < FRAMES_PER_SIZE; i++) {
      const text = PAYLOADS[i % PAYLOADS.length]!;
      const frame = { data: qrFrame(text, { width, height, modulePx, noise: 6, seed: i + 1 }), width, height };
      // Each frame is new to the caches: the decoder that meets it first pays for that, so
      // the decoders take turns at going first.
      for (let turn = 0; turn < DECODERS.length; turn++) {
        const index = (i + turn) % DECODERS.length;
        const result = await DECODERS[index]![1](frame);
        results[index]!.ms.push(...result.ms);
        if (result.text === text) results[index]!.read++;
      }
    }
    const cells = results.map(({ ms, read }) => `${median(ms).toFixed(1)} ms, ${Math.round((100 * read) / FRAMES_PER_SIZE)}%`);
    console.log(`| ${width}×${height} | ${cells.join(' | ')} |`);
  }
}

async function corpusTable(): Promise<void> {
  const images = corpusImages();
  const sets = [...new Set(images.map((image) => image.set))];
  for (const [width, height] of SIZES) {
    console.log(`\nReal photographs (test/fixtures/qr-photos), each in the middle of a ${width}×${height} frame: images read, median ms per frame`);
    console.log(`| set | images | ZXing-C++ requires | ${DECODERS.map(([name]) => name).join(' | ')} |`);
    console.log(`| --- | --- | --- |${' --- |'.repeat(DECODERS.length)}`);
    const frames = await Promise.all(images.map((image) => photoFrame(image.path, { width, height })));
    const totals = DECODERS.map(() => ({ read: 0, ms: [] as number[] }));
    for (const set of [...sets, 'all']) {
      const inSet = images.map((image, index) => ({ image, frame: frames[index]! })).filter(({ image }) => set === 'all' || image.set === set);
      const cells: string[] = [];
      for (const [index, [, decoder]] of DECODERS.entries()) {
        let read = 0;
        const ms: number[] = [];
        if (set === 'all') {
          read = totals[index]!.read;
          ms.push(...totals[index]!.ms);
        } else {
          for (const { image, frame } of inSet) {
            const result = await decoder(frame);
            ms.push(...result.ms);
            if (result.text === image.text) read++;
          }
          totals[index]!.read += read;
          totals[index]!.ms.push(...ms);
        }
        cells.push(`${read}, ${median(ms).toFixed(1)} ms`);
      }
      const requires = set === 'all' ? Object.values(ZXING_CPP_REQUIRES).reduce((a, b) => a + b, 0) : ZXING_CPP_REQUIRES[set];
      console.log(`| ${set} | ${inSet.length} | ${requires ?? '–'} | ${cells.join(' | ')} |`);
    }
  }
}

async function workerTimingTable(): Promise<void> {
  console.log('\nThe capture worker at 10 fps (budget 40 ms a frame), its worst frames (scenes changing every frame, then 30 photos): ms per frame');
  console.log('| frame | median | p95 | max | frame interval |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const [width, height] of SIZES) {
    const scanner = new FrameScanner({ pipeline: new QrPipeline({ passes: QR_PASSES, budgetMs: budgetForFps(10) }) });
    const ms: number[] = [];
    for (const frame of await busyFrames(width, height)) {
      const started = performance.now();
      await scanner.scan(frame);
      ms.push(performance.now() - started);
    }
    ms.sort((a, b) => a - b);
    const p95 = ms[Math.min(ms.length - 1, Math.ceil(0.95 * ms.length) - 1)]!;
    console.log(`| ${width}×${height} | ${median(ms).toFixed(1)} | ${p95.toFixed(1)} | ${ms[ms.length - 1]!.toFixed(1)} | 100 |`);
  }
}

export async function runDecodeTable(): Promise<void> {
  await loadDecodersForNode();
  await syntheticTable();
  await corpusTable();
  await workerTimingTable();
}

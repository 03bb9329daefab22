/**
 * Per-frame QR decode cost and success in Node, on the same generated frames (a 6-digit OTP, a
 * loyalty ID and a phone number, sensor noise σ 6), for: @zxing/library on the full luma frame,
 * @zxing/library on the 2×2-averaged half-size frame, the same then a quarter-size frame when the
 * half found nothing (what the capture worker does; downscale time included), and ZXing-C++ as WebAssembly (zxing-wasm, fast options) as the yardstick.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { downscaleLuma2x } from '../../electron/capture/luma-frame';
import { decodeQr, decodeQrPyramid } from '../../electron/capture/qr-decoder';
import { qrFrame } from '../../test/helpers/qr-frames';

const SIZES: Array<[number, number, number]> = [
  [640, 480, 4],
  [1280, 720, 6],
  [1920, 1080, 9],
];
const PAYLOADS = ['123456', '4711fc2a-3a8f-414f-a9e7-44dd5231dca7', 'https://qr.vipps.no/28/2/01/031/4712345678?v=1'];
const FRAMES_PER_SIZE = Number(process.env.BENCH_FRAMES ?? 60);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function toRgba(luma: Uint8ClampedArray): Uint8ClampedArray<ArrayBuffer> {
  const rgba = new Uint8ClampedArray(luma.length * 4);
  for (let i = 0; i < luma.length; i++) rgba.set([luma[i]!, luma[i]!, luma[i]!, 255], i * 4);
  return rgba;
}

export async function runDecodeTable(): Promise<void> {
  const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
  await prepareZXingModule({ overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) }, fireImmediately: true });
  const wasmOptions = { formats: ['QRCode' as const], tryHarder: false, tryRotate: false, tryInvert: false, maxNumberOfSymbols: 1 };

  console.log(`QR decode per frame in Node, ${FRAMES_PER_SIZE} frames per size, noise σ 6 (ms median, share decoded):`);
  console.log('| frame | @zxing/library full | @zxing/library 2× | @zxing/library 2×, then 4× (the kiosk) | zxing-wasm |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const [width, height, modulePx] of SIZES) {
    const runs = { full: [] as number[], half: [] as number[], pyramid: [] as number[], wasm: [] as number[] };
    const ok = { full: 0, half: 0, pyramid: 0, wasm: 0 };
    for (let i = 0; i < FRAMES_PER_SIZE; i++) {
      const text = PAYLOADS[i % PAYLOADS.length]!;
      const luma = qrFrame(text, { width, height, modulePx, noise: 6, seed: i + 1 });
      const rgba = toRgba(luma);

      let started = performance.now();
      if (decodeQr({ data: luma, width, height }) === text) ok.full++;
      runs.full.push(performance.now() - started);

      started = performance.now();
      if (decodeQr(downscaleLuma2x(luma, width, height)) === text) ok.half++;
      runs.half.push(performance.now() - started);

      started = performance.now();
      if (decodeQrPyramid(downscaleLuma2x(luma, width, height)) === text) ok.pyramid++;
      runs.pyramid.push(performance.now() - started);

      started = performance.now();
      const [result] = await readBarcodes({ data: rgba, width, height, colorSpace: 'srgb' }, wasmOptions);
      runs.wasm.push(performance.now() - started);
      if (result?.text === text) ok.wasm++;
    }
    const cell = (key: keyof typeof runs) => `${median(runs[key]).toFixed(1)} ms, ${Math.round((100 * ok[key]) / FRAMES_PER_SIZE)}%`;
    console.log(`| ${width}×${height} | ${cell('full')} | ${cell('half')} | ${cell('pyramid')} | ${cell('wasm')} |`);
  }
}

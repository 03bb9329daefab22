/**
 * The capture page's worker, where all the camera's work happens, off the page's thread (in
 * the web shell that thread is the customer UI's): it reads the camera's frames from the
 * stream the page hands over, keeps `fps` of them a second, takes each one's luma, decodes it
 * when worth it (frame-scanner.ts) and sends the page only decoded text, whether a code is in
 * view that it cannot decode (when that changes), a small preview twice a second, and word when
 * the frames stop.
 */
import type { PageMessage, WorkerMessage } from './capture-messages';
import { FrameScanner } from './frame-scanner';
import { previewJpeg } from './preview-jpeg';
import { budgetForFps, QrPipeline } from './qr-pipeline';
import { QR_PASSES } from './qr-passes';
import { videoFrameLuma } from './video-frame-luma';
import { loadZxingCpp } from './zxing-cpp';
import { MAX_DECODE_TIMES } from '../shared/capture-limits';
import { ZXING_READER_WASM } from './zxing-wasm-binary';

const PREVIEW_INTERVAL_MS = 500;
/** Decode times go to main this often, at most this many at a time (the contract's limit). */
const TIMES_INTERVAL_MS = 5000;
/**
 * Frames arriving are told this often, as one count (main restarts a capture page whose frames
 * stopped for 10 s): one message every 2 s, never one per frame.
 */
const FRAMES_INTERVAL_MS = 2000;
/**
 * A frame is kept when this share of the interval has passed since the last one kept: camera
 * frames jitter, and a 10 fps camera's frame due at 100 ms that came at 99.8 ms would otherwise
 * be dropped, and the next one taken 100 ms late.
 */
const PACING_SHARE = 0.8;

const post = (message: WorkerMessage): void => self.postMessage(message);

const pipeline = new QrPipeline({ passes: QR_PASSES, budgetMs: budgetForFps(10) });
const scanner = new FrameScanner({ pipeline });
/** Until ZXing-C++ is in, frames are not decoded; if it cannot load, @zxing/library alone decodes. */
const decoderReady = loadZxingCpp(ZXING_READER_WASM).catch((error: unknown) => {
  post({ type: 'decoder-degraded', detail: `ZXingCppUnavailable: ${String((error as Error).message ?? error)}`.slice(0, 120) });
  return null;
});
let degradedScanner: FrameScanner | null = null;

let reading: { generation: number; reader: ReadableStreamDefaultReader<VideoFrame> } | null = null;
let lastPreviewAt = -Infinity;
let decodeTimes: number[] = [];
let lastTimesAt = 0;
let framesArrived = 0;
let lastFramesAt = 0;
/** What the page was last told: a code in view that cannot be decoded. */
let unread = false;

self.onmessage = (event: MessageEvent<PageMessage>) => {
  const message = event.data;
  void reading?.reader.cancel().catch(() => undefined);
  reading = null;
  if (message.type === 'frames') {
    const mine = { generation: message.generation, reader: message.readable.getReader() };
    reading = mine;
    unread = false; // a new camera: main starts over too
    pipeline.setBudget(budgetForFps(message.fps));
    void pump(mine, 1000 / message.fps);
  }
};

async function pump(mine: NonNullable<typeof reading>, intervalMs: number): Promise<void> {
  // Frames are read, and counted for the heartbeat, from the first one: a slow PC still compiling
  // ZXing-C++ is not a camera that stopped. Until the decoder is in, they are let go unread.
  const ready: { decoder: FrameScanner | null } = { decoder: null };
  void decoderReady.then((cpp) => (ready.decoder = cpp === null ? degraded() : scanner));
  let nextAt = 0;
  while (reading === mine) {
    const { value: frame, done } = await mine.reader.read().catch(() => ({ value: undefined, done: true as const }));
    if (done || !frame) break;
    const now = performance.now();
    framesArrived += 1; // every frame the camera delivered, kept or not
    if (now - lastFramesAt >= FRAMES_INTERVAL_MS) {
      lastFramesAt = now;
      post({ type: 'frames', count: framesArrived });
      framesArrived = 0;
    }
    const decoder = ready.decoder;
    if (now < nextAt || !decoder) {
      frame.close();
      continue;
    }
    nextAt = now + intervalMs * PACING_SHARE;
    try {
      const luma = await videoFrameLuma(frame);
      frame.close(); // before the decode: the camera's buffer pool is small
      const decoded = await decoder.scan(luma);
      if (decoded?.text) post({ type: 'decoded', text: decoded.text });
      if (decoded && decoded.unread !== null && decoded.unread !== unread) post({ type: 'unread', seen: (unread = decoded.unread) });
      if (decoded && decodeTimes.length < MAX_DECODE_TIMES) decodeTimes.push(decoded.ms / 1000);
      if (decodeTimes.length && now - lastTimesAt >= TIMES_INTERVAL_MS) {
        lastTimesAt = now;
        post({ type: 'decode-times', seconds: decodeTimes });
        decodeTimes = [];
      }
      if (now - lastPreviewAt >= PREVIEW_INTERVAL_MS) {
        lastPreviewAt = now;
        const jpeg = await previewJpeg(luma).catch(() => null);
        if (jpeg) post({ type: 'preview', jpeg });
      }
    } catch {
      frame.close(); // one frame that cannot be read is skipped, not the end of scanning
    }
  }
  if (reading === mine) post({ type: 'ended', generation: mine.generation });
}

/** @zxing/library's pass alone, for a worker whose WebAssembly would not load. */
function degraded(): FrameScanner {
  degradedScanner ??= new FrameScanner({ pipeline: new QrPipeline({ passes: QR_PASSES.filter((pass) => pass.name === 'zxing-half'), budgetMs: Infinity }) });
  return degradedScanner;
}

/**
 * The capture page's worker: luma frame → 2×2 average → (changed since the last fruitless
 * decode?) → QR decode, off the page's thread. Also makes a small JPEG of the scene twice a
 * second for the ready screen's preview.
 */
import { FrameChangeDetector } from './frame-change';
import { downscaleLuma2x, rgbaToLuma, type LumaFrame } from './luma-frame';
import { decodeQrPyramid } from './qr-decoder';
import type { FrameMessage, WorkerAnswer } from './capture-messages';

const PREVIEW_INTERVAL_MS = 500;
const PREVIEW_WIDTH = 240;
/** Larger previews are dropped: they must fit the bridge's message limit. */
export const MAX_PREVIEW_BASE64 = 60_000;
/**
 * For this long after a code was read, every frame is decoded, changed or not: main must keep
 * seeing a code that stays in view, or its 3 s duplicate window would lapse and the same code
 * identify twice.
 */
const KEEP_DECODING_MS = 5000;

const change = new FrameChangeDetector();
let lastPreviewAt = -Infinity;
let lastDecodedAt = -Infinity;

self.onmessage = async (event: MessageEvent<FrameMessage>) => {
  const answer: WorkerAnswer = { text: null, preview: null };
  try {
    const half = toHalfLuma(event.data);
    const now = performance.now();
    const changed = change.changed(half);
    if (changed || now - lastDecodedAt < KEEP_DECODING_MS) {
      answer.text = decodeQrPyramid(half);
      if (answer.text) lastDecodedAt = now;
    }
    if (now - lastPreviewAt >= PREVIEW_INTERVAL_MS) {
      lastPreviewAt = now;
      const jpeg = await jpegThumbnail(half).catch(() => null);
      answer.preview = jpeg && jpeg.length <= MAX_PREVIEW_BASE64 ? jpeg : null;
    }
  } finally {
    self.postMessage(answer); // always answer: the page waits for it before sending a frame
  }
};

function toHalfLuma(frame: FrameMessage): LumaFrame {
  const bytes = new Uint8Array(frame.buffer, frame.offset);
  if (frame.planar) return downscaleLuma2x(bytes, frame.width, frame.height, frame.stride);
  const luma = rgbaToLuma(bytes, frame.width, frame.height); // channel order matters little for black and white
  return downscaleLuma2x(luma.data, frame.width, frame.height);
}

async function jpegThumbnail(frame: LumaFrame): Promise<string> {
  const step = Math.max(1, Math.floor(frame.width / PREVIEW_WIDTH));
  const width = Math.floor(frame.width / step);
  const height = Math.floor(frame.height / step);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const value = frame.data[y * step * frame.width + x * step]!;
      rgba.set([value, value, value, 255], (y * width + x) * 4);
    }
  }
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d context');
  context.putImageData(new ImageData(rgba, width, height), 0, 0);
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.6 });
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

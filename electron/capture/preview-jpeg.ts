/** The ready screen's preview: a small greyscale JPEG of the scene, made in the capture worker. */
import type { LumaFrame } from './luma-frame';

const PREVIEW_WIDTH = 240;
/** Larger previews are dropped: they must fit the bridge's message limit. */
export const MAX_PREVIEW_BASE64 = 60_000;

/** Base64 JPEG about PREVIEW_WIDTH wide, or null when it would be too large. */
export async function previewJpeg(frame: LumaFrame): Promise<string | null> {
  const step = Math.max(1, Math.floor(frame.width / PREVIEW_WIDTH));
  const width = Math.floor(frame.width / step);
  const height = Math.floor(frame.height / step);
  const stride = frame.stride ?? frame.width;
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const value = frame.data[y * step * stride + x * step]!;
      rgba.set([value, value, value, 255], (y * width + x) * 4);
    }
  }
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.putImageData(new ImageData(rgba, width, height), 0, 0);
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.6 });
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const base64 = btoa(binary);
  return base64.length <= MAX_PREVIEW_BASE64 ? base64 : null;
}

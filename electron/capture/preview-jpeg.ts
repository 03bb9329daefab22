/**
 * The ready screen's preview, made in the capture worker: only the aiming area (a centred square,
 * `AIMING_AREA_SHARE` of the frame's shorter side, where the ready screen draws its aiming frame),
 * cropped here at the camera's own pixels, so nothing of the people behind the customer ever
 * leaves the capture page. A greyscale JPEG, at most `PREVIEW_MAX_SIDE` square (smoothly scaled
 * down from a larger crop, never blown up: not blocky), for the screen only.
 */
import type { LumaFrame } from './luma-frame';

/** The aiming area's side, as a share of the frame's shorter side (ready.css: the aiming frame's 22 % inset). */
export const AIMING_AREA_SHARE = 0.56;
/** The preview's largest side in pixels: sharp on the ready screen's aiming frame, small on the bridge. */
export const PREVIEW_MAX_SIDE = 400;
/** Larger previews are dropped: they must fit the bridge's message limit. */
export const MAX_PREVIEW_BASE64 = 60_000;

/** Where the aiming area lies in a `width`×`height` frame. */
export function aimingArea(width: number, height: number): { left: number; top: number; side: number } {
  const side = Math.max(1, Math.round(Math.min(width, height) * AIMING_AREA_SHARE));
  return { left: Math.floor((width - side) / 2), top: Math.floor((height - side) / 2), side };
}

/** Base64 JPEG of the aiming area, or null when it would be too large. */
export async function previewJpeg(frame: LumaFrame): Promise<string | null> {
  const { left, top, side } = aimingArea(frame.width, frame.height);
  const stride = frame.stride ?? frame.width;
  const rgba = new Uint8ClampedArray(side * side * 4);
  for (let y = 0; y < side; y++) {
    const row = (top + y) * stride + left;
    for (let x = 0; x < side; x++) {
      const value = frame.data[row + x]!;
      const at = (y * side + x) * 4;
      rgba[at] = value;
      rgba[at + 1] = value;
      rgba[at + 2] = value;
      rgba[at + 3] = 255;
    }
  }
  const crop = new OffscreenCanvas(side, side);
  const cropContext = crop.getContext('2d');
  if (!cropContext) return null;
  cropContext.putImageData(new ImageData(rgba, side, side), 0, 0);
  let canvas = crop;
  if (side > PREVIEW_MAX_SIDE) {
    canvas = new OffscreenCanvas(PREVIEW_MAX_SIDE, PREVIEW_MAX_SIDE);
    const context = canvas.getContext('2d');
    if (!context) return null;
    context.imageSmoothingQuality = 'high';
    context.drawImage(crop, 0, 0, PREVIEW_MAX_SIDE, PREVIEW_MAX_SIDE);
  }
  // A busy scene makes a larger JPEG: a lower quality before giving the frame up.
  for (const quality of [0.7, 0.5]) {
    const base64 = await jpegBase64(canvas, quality);
    if (base64.length <= MAX_PREVIEW_BASE64) return base64;
  }
  return null;
}

async function jpegBase64(canvas: OffscreenCanvas, quality: number): Promise<string> {
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

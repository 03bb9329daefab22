/**
 * A still image as the camera would show it: the image's luma (BT.601, as the capture page's
 * RGBA fallback computes it) placed at its own scale in the middle of a mid-grey frame, scaled
 * down to fit when it is larger than the frame. What `npm run decode`, the corpus test and the
 * benchmark feed the capture pipeline, so all three measure the same thing.
 */
import sharp from 'sharp';
import type { LumaFrame } from '../../electron/capture/luma-frame';
import { rgbaToLuma } from '../../electron/capture/luma-frame';

/** The grey a frame is filled with around the image (a neutral counter top). */
export const BACKGROUND_LUMA = 128;

export interface FrameSize {
  width: number;
  height: number;
}

/** Decoded image pixels, as luma. */
export async function readImageLuma(path: string, fit?: FrameSize): Promise<LumaFrame> {
  let image = sharp(path, { failOn: 'error' }).flatten({ background: { r: BACKGROUND_LUMA, g: BACKGROUND_LUMA, b: BACKGROUND_LUMA } });
  if (fit) image = image.resize({ width: fit.width, height: fit.height, fit: 'inside', withoutEnlargement: true });
  const { data, info } = await image.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return rgbaToLuma(data, info.width, info.height);
}

/** The image centred in a `size` frame of mid-grey. */
export function centreInFrame(image: LumaFrame, size: FrameSize): LumaFrame {
  const data = new Uint8ClampedArray(size.width * size.height).fill(BACKGROUND_LUMA);
  const left = Math.floor((size.width - image.width) / 2);
  const top = Math.floor((size.height - image.height) / 2);
  for (let y = 0; y < image.height; y++) {
    data.set(image.data.subarray(y * image.width, (y + 1) * image.width), (top + y) * size.width + left);
  }
  return { data, width: size.width, height: size.height };
}

/** A `size` frame holding the image at `path`, as the camera would see it held up at the middle. */
export async function photoFrame(path: string, size: FrameSize): Promise<LumaFrame> {
  return centreInFrame(await readImageLuma(path, size), size);
}

/** Parses `WxH` (e.g. `1280x720`). */
export function parseFrameSize(text: string): FrameSize | null {
  const match = /^(\d{2,5})[x×](\d{2,5})$/.exec(text.trim());
  if (!match) return null;
  const width = Number(match[1]);
  const height = Number(match[2]);
  return width >= 16 && height >= 16 && width <= 8192 && height <= 8192 ? { width, height } : null;
}

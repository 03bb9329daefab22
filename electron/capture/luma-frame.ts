/**
 * Camera frames as the decoders want them: the luma (Y) plane only, 8 bits a pixel. A camera's
 * plane may be padded (`stride` bytes a row, at least `width`). Runs in the capture worker and
 * in Node (tests, benchmarks, `npm run decode`): no DOM, no Node.
 */

export interface LumaFrame {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
  /** Bytes per row; `width` when absent. */
  stride?: number;
}

/**
 * Averages each 2×2 block of an 8-bit plane (an odd last row or column is dropped). Measured
 * here (shared/CAMERA-NOTES.md): averaging halves sensor noise, which is what breaks
 * @zxing/library's block-contrast test on dim webcams.
 */
export function downscaleLuma2x(source: Uint8Array | Uint8ClampedArray, width: number, height: number, stride = width): LumaFrame & { data: Uint8ClampedArray } {
  const outWidth = width >> 1;
  const outHeight = height >> 1;
  const out = new Uint8ClampedArray(outWidth * outHeight);
  for (let y = 0; y < outHeight; y++) {
    const top = 2 * y * stride;
    const bottom = top + stride;
    const row = y * outWidth;
    for (let x = 0; x < outWidth; x++) {
      const left = 2 * x;
      // +2 rounds to nearest; every term is a byte, so the sum fits easily.
      out[row + x] = (source[top + left]! + source[top + left + 1]! + source[bottom + left]! + source[bottom + left + 1]! + 2) >> 2;
    }
  }
  return { data: out, width: outWidth, height: outHeight };
}

/** The 2×2-averaged half-size frame of any frame, padded or not. */
export function halfFrame(frame: LumaFrame): LumaFrame & { data: Uint8ClampedArray } {
  return downscaleLuma2x(frame.data, frame.width, frame.height, frame.stride ?? frame.width);
}

/** Luma from RGBA pixels (the canvas fallback where a camera gives no planar frames). BT.601 weights. */
export function rgbaToLuma(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): LumaFrame & { data: Uint8ClampedArray } {
  const out = new Uint8ClampedArray(width * height);
  for (let i = 0, p = 0; i < out.length; i++, p += 4) {
    out[i] = (77 * rgba[p]! + 150 * rgba[p + 1]! + 29 * rgba[p + 2]! + 128) >> 8;
  }
  return { data: out, width, height };
}

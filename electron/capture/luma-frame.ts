/**
 * Camera frames as the decoder wants them: the luma (Y) plane only, averaged 2×2 down to half
 * size. Measured here (shared/CAMERA-NOTES.md): averaging halves sensor noise, which is what
 * breaks the QR binarizer's block-contrast test on dim webcams, and cuts the pixels to decode
 * by four. Runs in the capture page (a worker) and in Node (tests, benchmarks): no DOM, no Node.
 */

export interface LumaFrame {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/**
 * Averages each 2×2 block of an 8-bit plane. `stride` is the source's bytes per row (camera
 * planes are often padded); an odd last row or column is dropped.
 */
export function downscaleLuma2x(source: Uint8Array | Uint8ClampedArray, width: number, height: number, stride = width): LumaFrame {
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

/** Luma from RGBA pixels (the canvas fallback where a camera gives no planar frames). BT.601 weights. */
export function rgbaToLuma(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): LumaFrame {
  const out = new Uint8ClampedArray(width * height);
  for (let i = 0, p = 0; i < out.length; i++, p += 4) {
    out[i] = (77 * rgba[p]! + 150 * rgba[p + 1]! + 29 * rgba[p + 2]! + 128) >> 8;
  }
  return { data: out, width, height };
}

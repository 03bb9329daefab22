/**
 * Tells whether a frame differs from the last one decoded without result, so an empty counter
 * (the same scene, frame after frame) is not decoded again and again. Compares a sparse grid of
 * points, each the mean of a 2×2 block (sensor noise moves single pixels, not the mean of four
 * as much): a code held up changes many of them; noise changes each only a little.
 */
import type { LumaFrame } from './luma-frame';

export interface FrameChangeOptions {
  /** Grid points per side. */
  grid?: number;
  /** A point has changed when its luma moved more than this. */
  pixelThreshold?: number;
  /** The frame has changed when more than this share of points changed. */
  changedShare?: number;
  /** Decode anyway after this many skipped frames: a code on a still stand may fail once. */
  maxSkipped?: number;
}

export class FrameChangeDetector {
  private previous: Uint8Array | null = null;
  private readonly grid: number;
  private readonly pixelThreshold: number;
  private readonly changedShare: number;
  private readonly maxSkipped: number;
  private skipped = 0;

  constructor(options: FrameChangeOptions = {}) {
    this.grid = options.grid ?? 24;
    this.pixelThreshold = options.pixelThreshold ?? 24;
    this.changedShare = options.changedShare ?? 0.02;
    this.maxSkipped = options.maxSkipped ?? 10;
  }

  /** True when the frame is worth decoding; remembers it as the new reference when it is. */
  changed(frame: LumaFrame): boolean {
    return this.check(frame) !== 'same';
  }

  /**
   * `changed`: a new scene; `recheck`: the same scene, but `maxSkipped` frames were skipped
   * (worth a quick look); `same`: skip it. The frame becomes the reference unless `same`.
   */
  check(frame: LumaFrame): 'changed' | 'recheck' | 'same' {
    const sample = this.sample(frame);
    const previous = this.previous;
    if (!previous || previous.length !== sample.length) {
      this.previous = sample;
      return 'changed';
    }
    let changed = 0;
    for (let i = 0; i < sample.length; i++) if (Math.abs(sample[i]! - previous[i]!) > this.pixelThreshold) changed++;
    const same = changed <= sample.length * this.changedShare;
    if (same && this.skipped < this.maxSkipped) {
      this.skipped++;
      return 'same';
    }
    this.previous = sample;
    this.skipped = 0;
    return same ? 'recheck' : 'changed';
  }

  /** Forget the reference (e.g. after a successful decode, so the same code is seen again). */
  reset(): void {
    this.previous = null;
  }

  private sample(frame: LumaFrame): Uint8Array {
    const out = new Uint8Array(this.grid * this.grid);
    const stride = frame.stride ?? frame.width;
    const data = frame.data;
    for (let gy = 0; gy < this.grid; gy++) {
      const y = Math.min(frame.height - 2, Math.floor(((gy + 0.5) * frame.height) / this.grid));
      for (let gx = 0; gx < this.grid; gx++) {
        const x = Math.min(frame.width - 2, Math.floor(((gx + 0.5) * frame.width) / this.grid));
        const at = y * stride + x;
        out[gy * this.grid + gx] = (data[at]! + data[at + 1]! + data[at + stride]! + data[at + stride + 1]! + 2) >> 2;
      }
    }
    return out;
  }
}

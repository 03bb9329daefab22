/**
 * Tells whether a frame differs from the last one decoded without result, so an empty counter
 * (the same scene, frame after frame) is not decoded again and again. Compares a sparse grid of
 * pixels: a code held up changes many of them; sensor noise changes each only a little.
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
    const sample = this.sample(frame);
    const previous = this.previous;
    if (!previous || previous.length !== sample.length) {
      this.previous = sample;
      return true;
    }
    let changed = 0;
    for (let i = 0; i < sample.length; i++) if (Math.abs(sample[i]! - previous[i]!) > this.pixelThreshold) changed++;
    if (changed <= sample.length * this.changedShare && this.skipped < this.maxSkipped) {
      this.skipped++;
      return false;
    }
    this.previous = sample;
    this.skipped = 0;
    return true;
  }

  /** Forget the reference (e.g. after a successful decode, so the same code is seen again). */
  reset(): void {
    this.previous = null;
  }

  private sample(frame: LumaFrame): Uint8Array {
    const out = new Uint8Array(this.grid * this.grid);
    for (let gy = 0; gy < this.grid; gy++) {
      const y = Math.floor(((gy + 0.5) * frame.height) / this.grid);
      for (let gx = 0; gx < this.grid; gx++) {
        const x = Math.floor(((gx + 0.5) * frame.width) / this.grid);
        out[gy * this.grid + gx] = frame.data[y * frame.width + x]!;
      }
    }
    return out;
  }
}

/**
 * What the capture worker does with each frame it keeps: decode it when it is worth it, else
 * skip it. Worth it: the scene changed since the last fruitless decode, the pipeline still owes
 * the scene some of its passes, or a code was read in the last few seconds. An unchanged scene
 * gets a quick look (the first pass only) every so often: every pass has had it already.
 */
import { FrameChangeDetector } from './frame-change';
import type { LumaFrame } from './luma-frame';
import type { FrameDecode, QrPipeline } from './qr-pipeline';

/**
 * For this long after a code was read, every frame is decoded, changed or not: main must keep
 * seeing a code that stays in view, or its 3 s duplicate window would lapse and the same code
 * identify twice.
 */
export const KEEP_DECODING_MS = 5000;

export interface FrameScannerOptions {
  pipeline: QrPipeline;
  change?: FrameChangeDetector;
  now?: () => number;
}

export class FrameScanner {
  private readonly change: FrameChangeDetector;
  private readonly now: () => number;
  private lastReadAt = -Infinity;

  constructor(private readonly options: FrameScannerOptions) {
    this.change = options.change ?? new FrameChangeDetector();
    this.now = options.now ?? (() => performance.now());
  }

  /** The frame's decode, or null when it was skipped. */
  async scan(frame: LumaFrame): Promise<FrameDecode | null> {
    const now = this.now();
    const scene = this.change.check(frame);
    const pipeline = this.options.pipeline;
    const reading = now - this.lastReadAt < KEEP_DECODING_MS;
    if (scene === 'same' && !pipeline.pending && !reading) return null;
    const decoded = await pipeline.decode(frame, { firstPassOnly: scene === 'recheck' && !pipeline.pending && !reading });
    if (decoded.text !== null) this.lastReadAt = now;
    return decoded;
  }
}

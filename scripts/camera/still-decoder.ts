/**
 * The capture worker's decoding, in Node, for still images: the same frame scanner, pipeline
 * and passes, with ZXing-C++'s WebAssembly read from node_modules instead of embedded. A still
 * image is a code held motionless in view: the worker decodes the frames that follow the first
 * as long as its pipeline still owes the scene a pass (qr-pipeline.ts), so here the same frame
 * is offered again until the code is read or every pass has had it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FrameScanner } from '../../electron/capture/frame-scanner';
import type { LumaFrame } from '../../electron/capture/luma-frame';
import { budgetForFps, QrPipeline, type FrameDecode } from '../../electron/capture/qr-pipeline';
import { QR_PASSES } from '../../electron/capture/qr-passes';
import { loadZxingCpp } from '../../electron/capture/zxing-cpp';

/** The capture worker's default: `scanners.camera.fps`. */
export const DEFAULT_FPS = 10;

export async function loadDecodersForNode(): Promise<void> {
  await loadZxingCpp(readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm')));
}

export interface StillDecode {
  text: string | null;
  /** One entry per frame the worker would have decoded. */
  frames: FrameDecode[];
}

/** A fresh worker's view of one still scene: its decodes, frame by frame. */
export async function decodeStill(frame: LumaFrame, fps = DEFAULT_FPS): Promise<StillDecode> {
  const pipeline = new QrPipeline({ passes: QR_PASSES, budgetMs: budgetForFps(fps) });
  const scanner = new FrameScanner({ pipeline });
  const frames: FrameDecode[] = [];
  do {
    const decoded = await scanner.scan(frame);
    if (!decoded) break;
    frames.push(decoded);
    if (decoded.text !== null) return { text: decoded.text, frames };
  } while (pipeline.pending);
  return { text: null, frames };
}

/**
 * The capture worker's worst frames: scenes that differ from frame to frame (someone moving in
 * front of the camera, so each one is decoded) with no code to end the passes early, followed by
 * real photographs. For the worker's timing test and the benchmark that prints its figures.
 */
import type { LumaFrame } from '../../electron/capture/luma-frame';
import { photoFrame } from '../../scripts/camera/photo-frame';
import { corpusImages } from '../../scripts/camera/qr-corpus';
import { sceneFrame } from './qr-frames';

export async function busyFrames(width: number, height: number, photos = 30): Promise<LumaFrame[]> {
  const frames: LumaFrame[] = [];
  for (let seed = 1; seed <= 12; seed++) {
    // A new noise field each time, and a bright patch that moves.
    const data = sceneFrame(width, height, 6, seed);
    for (let y = 0; y < height / 4; y++) data.fill(230, (y + seed * 10) * width + seed * 40, (y + seed * 10) * width + seed * 40 + width / 4);
    frames.push({ data, width, height });
  }
  for (const image of corpusImages().slice(0, photos)) frames.push(await photoFrame(image.path, { width, height }));
  return frames;
}

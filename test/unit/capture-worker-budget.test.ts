/**
 * The capture worker never holds a frame longer than a frame interval at 10 fps (100 ms), even
 * on its worst frames (busy-scenes.ts), at 720p and 1080p. The measured figures, far below, are
 * printed by `npm run bench`, not asserted here. Each frame's cost is the CPU time this process
 * spent on it, not the wall clock: on a machine that other processes load (CI beside a busy
 * core), the wall clock would measure them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { FrameScanner } from '../../electron/capture/frame-scanner';
import { budgetForFps, QrPipeline } from '../../electron/capture/qr-pipeline';
import { QR_PASSES } from '../../electron/capture/qr-passes';
import { loadDecodersForNode } from '../../scripts/camera/still-decoder';
import { busyFrames } from '../helpers/busy-scenes';

const FPS = 10;
const FRAME_INTERVAL_MS = 1000 / FPS;

beforeAll(() => loadDecodersForNode());

describe('the capture worker at 10 fps', () => {
  it.each([
    [1280, 720],
    [1920, 1080],
  ])('never spends a frame interval on one %i×%i frame: scenes that change every frame, and photos', async (width, height) => {
    const frames = await busyFrames(width, height);
    // The process's CPU time also holds V8's own threads (concurrent GC, optimising compiles),
    // which a loaded machine schedules in bursts: each frame's cost is the lesser of two runs
    // of the whole sequence, each with a scanner of its own (noise only ever adds).
    const costs = frames.map(() => Infinity);
    for (let run = 0; run < 2; run += 1) {
      const scanner = new FrameScanner({ pipeline: new QrPipeline({ passes: QR_PASSES, budgetMs: budgetForFps(FPS) }) });
      for (const [index, frame] of frames.entries()) {
        const started = process.cpuUsage();
        await scanner.scan(frame);
        const spent = process.cpuUsage(started);
        costs[index] = Math.min(costs[index] ?? Infinity, (spent.user + spent.system) / 1000);
      }
    }
    expect(Math.max(...costs)).toBeLessThan(FRAME_INTERVAL_MS);
  }, 60_000);
});

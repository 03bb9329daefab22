/**
 * The capture pipeline's scheduling, with passes that take the time a test says on a fake
 * clock: the first pass runs on every frame, the others only when it found nothing and while the
 * frame's budget lasts (a pass not measured yet runs alone); what does not fit runs on the next
 * frames; a pass that cannot fit at all still runs, alone, on the frame after one that ran none.
 */
import { describe, expect, it } from 'vitest';
import { FrameScanner, KEEP_DECODING_MS } from '../../electron/capture/frame-scanner';
import type { LumaFrame } from '../../electron/capture/luma-frame';
import { budgetForFps, QrPipeline } from '../../electron/capture/qr-pipeline';
import type { DecodePass } from '../../electron/capture/qr-passes';

const FRAME: LumaFrame = { data: new Uint8Array(64 * 64).fill(128), width: 64, height: 64 };

function fakePasses(costs: Record<string, number>, reads: Record<string, string> = {}) {
  let clock = 0;
  const passes: DecodePass[] = Object.entries(costs).map(([name, cost]) => ({
    name,
    run: async () => {
      clock += cost;
      return reads[name] ?? null;
    },
  }));
  return { passes, now: () => clock, advance: (ms: number) => (clock += ms) };
}

/** Decodes the same frame until the pipeline owes it nothing; each frame's passes. */
async function round(pipeline: QrPipeline): Promise<Array<{ ran: string[]; ms: number }>> {
  const frames = [await pipeline.decode(FRAME)];
  while (pipeline.pending) frames.push(await pipeline.decode(FRAME));
  return frames.map(({ ran, ms }) => ({ ran, ms }));
}

describe('QrPipeline', () => {
  it('runs only the first pass when it reads the code', async () => {
    const fake = fakePasses({ fast: 5, harder: 20, histogram: 10 }, { fast: 'code' });
    const pipeline = new QrPipeline({ passes: fake.passes, budgetMs: 50, now: fake.now });
    expect(await pipeline.decode(FRAME)).toEqual({ text: 'code', pass: 'fast', ran: ['fast'], ms: 5, unread: false });
    expect(pipeline.pending).toBe(false);
  });

  it('runs each pass not measured yet on a frame of its own, then what fits together', async () => {
    const fake = fakePasses({ fast: 5, inverted: 10, harder: 20, half: 5 });
    const pipeline = new QrPipeline({ passes: fake.passes, budgetMs: 50, now: fake.now });
    expect((await round(pipeline)).map((frame) => frame.ran)).toEqual([['fast'], ['inverted'], ['fast'], ['harder'], ['fast'], ['half']]);
    expect((await round(pipeline)).map((frame) => frame.ran)).toEqual([['fast', 'inverted', 'harder', 'half']]);
  });

  it('stops at the pass that reads the code, and the next frame starts afresh', async () => {
    const reads: Record<string, string> = {};
    const fake = fakePasses({ fast: 5, inverted: 10, harder: 20, half: 5 }, reads);
    const pipeline = new QrPipeline({ passes: fake.passes, budgetMs: 50, now: fake.now });
    await round(pipeline); // learns the costs
    reads.harder = 'small code';
    expect(await pipeline.decode(FRAME)).toMatchObject({ text: 'small code', pass: 'harder', ran: ['fast', 'inverted', 'harder'] });
    expect(pipeline.pending).toBe(false);
    delete reads.harder;
    expect((await pipeline.decode(FRAME)).ran).toEqual(['fast', 'inverted', 'harder', 'half']);
  });

  it('defers what would overrun the budget to the next frames, which also run the first pass', async () => {
    const fake = fakePasses({ fast: 10, harder: 30, histogram: 20, half: 15 });
    const pipeline = new QrPipeline({ passes: fake.passes, budgetMs: 50, now: fake.now });
    await round(pipeline);
    const frames = await round(pipeline);
    expect(frames.map((frame) => frame.ran)).toEqual([
      ['fast', 'harder'],
      ['fast', 'histogram', 'half'],
    ]);
    expect(Math.max(...frames.map((frame) => frame.ms))).toBeLessThanOrEqual(50);
  });

  it('never starves a pass that cannot fit: the frame after one that ran none runs it alone', async () => {
    const fake = fakePasses({ fast: 20, harder: 40 });
    const pipeline = new QrPipeline({ passes: fake.passes, budgetMs: 30, now: fake.now });
    await round(pipeline); // learns the costs
    expect(await round(pipeline)).toEqual([
      { ran: ['fast'], ms: 20 },
      { ran: ['harder'], ms: 40 },
    ]);
  });

  it('gives a frame 40% of the frame interval', () => {
    expect(budgetForFps(10)).toBe(40);
    expect(budgetForFps(25)).toBe(16);
  });
});

describe('FrameScanner', () => {
  it('skips an unchanged scene once the pipeline owes it nothing, and decodes every frame for a while after a read', async () => {
    const reads: Record<string, string> = {};
    const fake = fakePasses({ fast: 10, harder: 30 }, reads);
    const scanner = new FrameScanner({ pipeline: new QrPipeline({ passes: fake.passes, budgetMs: 100, now: fake.now }), now: fake.now });
    expect((await scanner.scan(FRAME))?.ran).toEqual(['fast']); // the first frame
    expect((await scanner.scan(FRAME))?.ran).toEqual(['harder']); // unchanged, but owed a pass
    expect(await scanner.scan(FRAME)).toBeNull(); // the same empty scene
    reads.fast = 'code';
    fake.advance(1000);
    const still = { ...FRAME, data: new Uint8Array(64 * 64).fill(20) }; // a code appears
    expect((await scanner.scan(still))?.text).toBe('code');
    expect((await scanner.scan(still))?.text).toBe('code'); // unchanged, but a code was just read
    fake.advance(KEEP_DECODING_MS);
    expect(await scanner.scan(still)).toBeNull();
  });
});

describe('an unchanged scene', () => {
  it('gets a quick look (the first pass only) after maxSkipped frames, not a whole round again', async () => {
    const fake = fakePasses({ fast: 10, harder: 30 });
    const scanner = new FrameScanner({ pipeline: new QrPipeline({ passes: fake.passes, budgetMs: 100, now: fake.now }), now: fake.now });
    const ran: Array<string[] | null> = [];
    for (let i = 0; i < 14; i++) ran.push((await scanner.scan(FRAME))?.ran ?? null);
    // The detector counts the owed frame as skipped (it was the same scene): the 11th is looked at.
    expect(ran).toEqual([['fast'], ['harder'], ...Array(9).fill(null), ['fast'], null, null]);
  });
});

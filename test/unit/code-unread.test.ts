/**
 * "A code seen but not read": ZXing-C++ reports a QR code it found but could not decode
 * (zxing-wasm's `returnErrors`), the pipeline says so once a round of its passes has read
 * nothing, and main shows the customer a hint after a few seconds of it, never on a guess:
 * an empty or busy scene never starts one, a read or the code leaving ends it.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FrameScanner } from '../../electron/capture/frame-scanner';
import type { LumaFrame } from '../../electron/capture/luma-frame';
import { budgetForFps, QrPipeline } from '../../electron/capture/qr-pipeline';
import { QR_PASSES, UNREAD, type DecodePass } from '../../electron/capture/qr-passes';
import { findUnreadQrZxingCpp } from '../../electron/capture/zxing-cpp';
import { HINT_AFTER_MS, UnreadCodeHint } from '../../electron/core/camera/unread-hint';
import { ConfigSchema } from '../../electron/core/config/config-schema';
import { createCamera } from '../../electron/core/parts/camera';
import { decodeStill, loadDecodersForNode } from '../../scripts/camera/still-decoder';
import { busyFrames } from '../helpers/busy-scenes';
import { qrFrame, sceneFrame } from '../helpers/qr-frames';

const LOYALTY_ID = '4711fc2a-3a8f-414f-a9e7-44dd5231dca7';
const FRAME: LumaFrame = { data: new Uint8Array(64 * 64).fill(128), width: 64, height: 64 };

function pass(name: string, answer: string | null | typeof UNREAD): DecodePass {
  return { name, run: async () => answer };
}

describe('the pipeline: a round of passes that read nothing says whether any found a code', () => {
  it('is unknown mid-round, true at the end of a round in which a pass found a code it could not decode', async () => {
    let clock = 0;
    const slow = (name: string, answer: string | null | typeof UNREAD): DecodePass => ({ name, run: async () => ((clock += 30), answer) });
    const pipeline = new QrPipeline({ passes: [slow('fast', null), slow('inverted', null), slow('unread', UNREAD)], budgetMs: 40, now: () => clock });
    const frames = [await pipeline.decode(FRAME)];
    while (pipeline.pending) frames.push(await pipeline.decode(FRAME));
    expect(frames.map((frame) => frame.unread)).toEqual([...frames.slice(1).map(() => null), true]);
    expect(frames.at(-1)?.ran).toContain('unread');
  });

  it('is false at the end of a round in which no pass found anything, and false when a code is read', async () => {
    const empty = new QrPipeline({ passes: [pass('fast', null), pass('unread', null)], budgetMs: Infinity });
    expect(await empty.decode(FRAME)).toMatchObject({ text: null, unread: false });
    const reading = new QrPipeline({ passes: [pass('fast', null), pass('inverted', 'code'), pass('unread', UNREAD)], budgetMs: Infinity });
    expect(await reading.decode(FRAME)).toMatchObject({ text: 'code', unread: false });
  });

  it('a quick look at an unchanged scene (the first pass only) says nothing either way', async () => {
    const pipeline = new QrPipeline({ passes: [pass('fast', null), pass('unread', UNREAD)], budgetMs: Infinity });
    expect(await pipeline.decode(FRAME, { firstPassOnly: true })).toMatchObject({ ran: ['fast'], unread: null });
  });
});

describe('ZXing-C++ on real frames', () => {
  beforeAll(() => loadDecodersForNode());

  it('a damaged code (30 % of its data modules flipped) is found but not read: the still decode ends its round with unread', async () => {
    for (const [width, height, modulePx] of [
      [640, 480, 6],
      [1280, 720, 8],
    ] as const) {
      const frame = { data: qrFrame(LOYALTY_ID, { width, height, modulePx, noise: 3, damage: 0.3, seed: 3 }), width, height };
      const still = await decodeStill(frame);
      expect(still.text).toBeNull();
      expect(still.frames.at(-1)).toMatchObject({ unread: true });
      expect(await findUnreadQrZxingCpp(frame)).toBe('unread');
    }
  });

  it('the same code undamaged is read by the first pass, with unread false', async () => {
    const frame = { data: qrFrame(LOYALTY_ID, { width: 1280, height: 720, modulePx: 8, noise: 3, seed: 3 }), width: 1280, height: 720 };
    const still = await decodeStill(frame);
    expect(still.text).toBe(LOYALTY_ID);
    expect(still.frames).toEqual([expect.objectContaining({ pass: 'fast', unread: false })]);
  });

  it('never on scenes without a code: an empty counter, and scenes that change every frame', async () => {
    const scanner = new FrameScanner({ pipeline: new QrPipeline({ passes: QR_PASSES, budgetMs: budgetForFps(10) }) });
    const frames = [...(await busyFrames(1280, 720, 0)), { data: sceneFrame(1280, 720, 6, 99), width: 1280, height: 720 }];
    const verdicts: Array<boolean | null> = [];
    for (let round = 0; round < 3; round++) for (const frame of frames) verdicts.push((await scanner.scan(frame))?.unread ?? null);
    expect(verdicts).toContain(false); // rounds did end
    expect(verdicts).not.toContain(true);
  }, 60_000);
});

describe('UnreadCodeHint: the customer is told after a few seconds of a code in view unread', () => {
  afterEach(() => vi.useRealTimers());

  it('appears after HINT_AFTER_MS of unread, not before; news of the same does not restart the wait', () => {
    vi.useFakeTimers();
    const changes: boolean[] = [];
    const hint = new UnreadCodeHint((shown) => changes.push(shown));
    hint.unread(true);
    vi.advanceTimersByTime(HINT_AFTER_MS - 500);
    hint.unread(true);
    expect(hint.current()).toBe(false);
    vi.advanceTimersByTime(500);
    expect(hint.current()).toBe(true);
    expect(changes).toEqual([true]);
  });

  it('goes at once when the code leaves, is read, or the camera stops; and the wait then starts over', () => {
    vi.useFakeTimers();
    const changes: boolean[] = [];
    const hint = new UnreadCodeHint((shown) => changes.push(shown));
    hint.unread(true);
    vi.advanceTimersByTime(HINT_AFTER_MS);
    hint.unread(false); // gone
    expect(hint.current()).toBe(false);
    hint.unread(true);
    vi.advanceTimersByTime(HINT_AFTER_MS - 1);
    hint.clear(); // read after all, before the hint
    vi.advanceTimersByTime(HINT_AFTER_MS);
    expect(hint.current()).toBe(false);
    expect(changes).toEqual([true, false]);
  });
});

describe('the camera part: the hint follows the capture page and the scans', () => {
  afterEach(() => vi.useRealTimers());

  function camera() {
    const config = ConfigSchema.parse({});
    const scans: string[] = [];
    const hints: boolean[] = [];
    const part = createCamera({ config: () => config, scan: (text) => void scans.push(text), log: { info() {}, warn() {}, error() {} } });
    part.onHint((hint) => hints.push(hint.codeNotRead));
    return { part, scans, hints };
  }

  it('only while the camera runs; a decoded code and a camera that stops each end it', () => {
    vi.useFakeTimers();
    const { part, scans, hints } = camera();
    part.codeUnread(true); // the camera is not running: nothing to believe
    vi.advanceTimersByTime(HINT_AFTER_MS);
    expect(part.hint()).toEqual({ codeNotRead: false });

    part.feed.setState({ state: 'running', detail: null });
    part.codeUnread(true);
    vi.advanceTimersByTime(HINT_AFTER_MS);
    expect(part.hint()).toEqual({ codeNotRead: true });
    part.scan(LOYALTY_ID);
    expect(part.hint()).toEqual({ codeNotRead: false });
    expect(scans).toEqual([LOYALTY_ID]);

    part.codeUnread(true);
    vi.advanceTimersByTime(HINT_AFTER_MS);
    part.feed.setState({ state: 'unavailable', detail: 'Ended' });
    expect(part.hint()).toEqual({ codeNotRead: false });
    expect(hints).toEqual([true, false, true, false]);
  });
});

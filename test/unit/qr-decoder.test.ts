/** The camera path's frame-to-luminance step and decoders, on generated frames. */
import { beforeAll, describe, expect, it } from 'vitest';
import { FrameChangeDetector } from '../../electron/capture/frame-change';
import { downscaleLuma2x, halfFrame, rgbaToLuma } from '../../electron/capture/luma-frame';
import { decodeQr } from '../../electron/capture/qr-decoder';
import { readQrZxingCpp, toPgm } from '../../electron/capture/zxing-cpp';
import { decodeStill, loadDecodersForNode } from '../../scripts/camera/still-decoder';
import { qrFrame, sceneFrame } from '../helpers/qr-frames';

beforeAll(() => loadDecodersForNode());

const LOYALTY_ID = '4711fc2a-3a8f-414f-a9e7-44dd5231dca7';

describe('downscaleLuma2x', () => {
  it('averages each 2×2 block, rounding to nearest', () => {
    const plane = Uint8Array.from([0, 4, 10, 10, 2, 3, 10, 11, 255, 255, 1, 2, 255, 254, 3, 4]);
    const out = downscaleLuma2x(plane, 4, 4);
    expect([out.width, out.height]).toEqual([2, 2]);
    expect([...out.data]).toEqual([2, 10, 255, 3]);
  });

  it('honours a padded stride and drops an odd last row and column', () => {
    // 3×3 pixels in rows of 5 bytes (2 bytes of padding filled with 99 that must be ignored).
    const plane = Uint8Array.from([10, 20, 30, 99, 99, 30, 40, 50, 99, 99, 60, 70, 80, 99, 99]);
    const out = downscaleLuma2x(plane, 3, 3, 5);
    expect([out.width, out.height, ...out.data]).toEqual([1, 1, 25]);
    expect([...halfFrame({ data: plane, width: 3, height: 3, stride: 5 }).data]).toEqual([25]);
  });
});

describe('toPgm (how a frame reaches ZXing-C++)', () => {
  it('writes a binary PGM header and the rows without their padding', () => {
    const plane = Uint8Array.from([1, 2, 99, 3, 4, 99]);
    const pgm = toPgm({ data: plane, width: 2, height: 2, stride: 3 });
    expect(new TextDecoder().decode(pgm.subarray(0, 11))).toBe('P5\n2 2\n255\n');
    expect([...pgm.subarray(11)]).toEqual([1, 2, 3, 4]);
  });

  it('reads a code from a padded camera plane as from a packed one', async () => {
    const width = 640;
    const height = 480;
    const packed = qrFrame(LOYALTY_ID, { width, height, modulePx: 4, noise: 4 });
    const padded = new Uint8Array((width + 64) * height).fill(255);
    for (let y = 0; y < height; y++) padded.set(packed.subarray(y * width, (y + 1) * width), y * (width + 64));
    expect(await readQrZxingCpp({ data: packed, width, height })).toBe(LOYALTY_ID);
    expect(await readQrZxingCpp({ data: padded, width, height, stride: width + 64 })).toBe(LOYALTY_ID);
    expect(decodeQr({ data: padded, width, height, stride: width + 64 })).toBe(LOYALTY_ID);
  });

  it('one buffer, reused: each PGM holds its own frame (inverted or not, any size), and reads started together each read their own', async () => {
    const inverted = [...toPgm({ data: Uint8Array.from([0, 255, 10, 20]), width: 2, height: 2 }, true).subarray(11)];
    expect(inverted).toEqual([255, 0, 245, 235]);
    expect([...toPgm({ data: Uint8Array.from([0, 255, 10, 20]), width: 2, height: 2 }).subarray(11)]).toEqual([0, 255, 10, 20]);
    expect(new TextDecoder().decode(toPgm({ data: new Uint8Array(12), width: 4, height: 3 }).subarray(0, 11))).toBe('P5\n4 3\n255\n');
    const codes = ['123456', LOYALTY_ID, 'https://qr.vipps.no/28/2/01/031/4712345678?v=1'];
    const frames = codes.map((code, index) => ({ data: qrFrame(code, { width: 640, height: 480, modulePx: 4, inverted: index === 1 }), width: 640, height: 480 }));
    expect(await Promise.all(frames.map((frame, index) => readQrZxingCpp(frame, { invert: index === 1 })))).toEqual(codes);
  });
});

describe('rgbaToLuma', () => {
  it('weights red, green and blue as BT.601 does', () => {
    const out = rgbaToLuma(Uint8Array.from([255, 255, 255, 255, 0, 0, 0, 255, 255, 0, 0, 255, 0, 255, 0, 255]), 4, 1);
    expect([...out.data]).toEqual([255, 0, 77, 149]);
  });
});

describe('decodeQr', () => {
  it.each([
    ['640×480', 640, 480, 4],
    ['1280×720', 1280, 720, 6],
    ['1920×1080', 1920, 1080, 8],
  ])('reads a loyalty ID from a %s frame, full size and downscaled', (_label, width, height, modulePx) => {
    const frame = qrFrame(LOYALTY_ID, { width, height, modulePx });
    expect(decodeQr({ data: frame, width, height })).toBe(LOYALTY_ID);
    expect(decodeQr(downscaleLuma2x(frame, width, height))).toBe(LOYALTY_ID);
  });

  it('reads a code held at an angle', () => {
    const frame = qrFrame('123456', { width: 1280, height: 720, modulePx: 10, angle: 20 });
    expect(decodeQr(downscaleLuma2x(frame, 1280, 720))).toBe('123456');
  });

  it('reads through dim-webcam noise once downscaled (averaging halves the noise)', () => {
    let decoded = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const frame = qrFrame(LOYALTY_ID, { width: 1280, height: 720, modulePx: 6, noise: 8, seed });
      if (decodeQr(downscaleLuma2x(frame, 1280, 720)) === LOYALTY_ID) decoded++;
    }
    expect(decoded).toBeGreaterThanOrEqual(9);
  });

  it.each([4, 6, 8, 10, 12])('the capture pipeline reads a long code (a Vipps URL) whose modules are %i px in a 720p frame', async (modulePx) => {
    const url = 'https://qr.vipps.no/28/2/01/031/4712345678?v=1';
    const frame = qrFrame(url, { width: 1280, height: 720, modulePx, noise: 4, seed: modulePx });
    expect((await decodeStill({ data: frame, width: 1280, height: 720 })).text).toBe(url);
  });

  it('finds nothing in an empty scene, noisy or not', async () => {
    expect(decodeQr({ data: sceneFrame(640, 480), width: 640, height: 480 })).toBeNull();
    expect(decodeQr(downscaleLuma2x(sceneFrame(1280, 720, 8), 1280, 720))).toBeNull();
    expect((await decodeStill({ data: sceneFrame(1920, 1080, 8), width: 1920, height: 1080 })).text).toBeNull();
  });
});

describe('FrameChangeDetector', () => {
  it('skips the same empty scene under fresh noise, and sees a code appear', () => {
    const detector = new FrameChangeDetector();
    const frame = (data: Uint8ClampedArray) => downscaleLuma2x(data, 1280, 720);
    expect(detector.changed(frame(sceneFrame(1280, 720, 6, 1)))).toBe(true); // first frame: nothing to compare
    for (let seed = 2; seed < 8; seed++) expect(detector.changed(frame(sceneFrame(1280, 720, 6, seed)))).toBe(false);
    expect(detector.changed(frame(qrFrame('123456', { width: 1280, height: 720, modulePx: 10, noise: 6, seed: 9 })))).toBe(true);
  });

  it('decodes an unchanged scene again after maxSkipped frames (a code on a stand that failed once)', () => {
    const detector = new FrameChangeDetector({ maxSkipped: 3 });
    const frame = downscaleLuma2x(qrFrame('123456', { width: 640, height: 480, modulePx: 5 }), 640, 480);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(() => detector.changed(frame))).toEqual([true, false, false, false, true, false, false, false]);
  });

  it('after a reset, the next frame is decoded again (a code still in view keeps being seen)', () => {
    const detector = new FrameChangeDetector();
    const frame = downscaleLuma2x(sceneFrame(640, 480), 640, 480);
    detector.changed(frame);
    expect(detector.changed(frame)).toBe(false);
    detector.reset();
    expect(detector.changed(frame)).toBe(true);
  });
});

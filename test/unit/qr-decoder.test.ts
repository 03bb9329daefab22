/** The camera path's frame-to-luminance step and decoder, on generated frames. */
import { describe, expect, it } from 'vitest';
import { FrameChangeDetector } from '../../electron/capture/frame-change';
import { downscaleLuma2x, rgbaToLuma } from '../../electron/capture/luma-frame';
import { decodeQr, decodeQrPyramid } from '../../electron/capture/qr-decoder';
import { qrFrame, sceneFrame } from '../helpers/qr-frames';

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

  it.each([4, 6, 8, 10, 12])('reads a long code (a Vipps URL) whose modules are %i px in a 720p frame, by trying a quarter-size frame too', (modulePx) => {
    const url = 'https://qr.vipps.no/28/2/01/031/4712345678?v=1';
    const frame = qrFrame(url, { width: 1280, height: 720, modulePx, noise: 4, seed: modulePx });
    expect(decodeQrPyramid(downscaleLuma2x(frame, 1280, 720))).toBe(url);
  });

  it('finds nothing in an empty scene, noisy or not', () => {
    expect(decodeQr({ data: sceneFrame(640, 480), width: 640, height: 480 })).toBeNull();
    expect(decodeQr(downscaleLuma2x(sceneFrame(1280, 720, 8), 1280, 720))).toBeNull();
    expect(decodeQrPyramid(downscaleLuma2x(sceneFrame(1920, 1080, 8), 1920, 1080))).toBeNull();
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

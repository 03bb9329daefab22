/**
 * The capture pipeline against real photographs nobody here made: the shared corpus (ZXing-C++'s
 * black-box QR sets), each image at its own scale in the middle of a mid-grey 1280×720 frame, as
 * `npm run decode` places it. ZXing-C++'s own suite requires 110 of these 113 (its README).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { photoFrame } from '../../scripts/camera/photo-frame';
import { corpusImages } from '../../scripts/camera/qr-corpus';
import { decodeStill, loadDecodersForNode } from '../../scripts/camera/still-decoder';

const REQUIRED = 110;

beforeAll(() => loadDecodersForNode());

describe('the shared corpus of real QR photographs', () => {
  it(`reads at least ${REQUIRED} of them in 1280×720 frames, each with exactly its text`, async () => {
    const images = corpusImages();
    expect(images).toHaveLength(113);
    const misses: string[] = [];
    const wrong: string[] = [];
    for (const image of images) {
      const { text } = await decodeStill(await photoFrame(image.path, { width: 1280, height: 720 }));
      if (text === null) misses.push(image.path);
      else if (text !== image.text) wrong.push(`${image.path}: ${JSON.stringify(text)}`);
    }
    console.log(`camera pipeline, real photographs in 1280×720 frames: ${images.length - misses.length - wrong.length} of ${images.length} read; missed: ${misses.join(', ') || 'none'}`);
    expect(wrong).toEqual([]); // a wrong text is worse than none: it would identify someone else
    expect(images.length - misses.length).toBeGreaterThanOrEqual(REQUIRED);
  }, 120_000);
});

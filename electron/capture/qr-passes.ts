/**
 * The capture pipeline's decode passes, in the order a frame gets them. Measured on the shared
 * corpus of real photographs (113 images, each in the middle of a 1280×720 frame): the first
 * pass alone reads 106; the others each read what no pass before them can; the last reads
 * nothing more but tells whether a code was in view unread. README, "The camera".
 */
import { halfFrame, type LumaFrame } from './luma-frame';
import { decodeQr } from './qr-decoder';
import { findUnreadQrZxingCpp, readQrZxingCpp } from './zxing-cpp';

/** A pass's answer that a code is in view which it found but could not decode. */
export const UNREAD = Object.freeze({ unread: true as const });

export interface DecodePass {
  /** Short and stable: it names the pass in the benchmark and the worker's timings. */
  name: string;
  /** The code's text, null for none, or UNREAD. */
  run(frame: LumaFrame): Promise<string | null | typeof UNREAD>;
}

export const QR_PASSES: readonly DecodePass[] = [
  {
    // ZXing-C++ at full resolution, as its own "fast" options: a local-average binarizer, rows
    // sampled a few apart, its own 3× pyramid for codes held close. Small codes keep their pixels.
    name: 'fast',
    run: (frame) => readQrZxingCpp(frame),
  },
  {
    // The frame inverted, as fast: a phone in dark mode shows light modules on dark.
    name: 'inverted',
    run: (frame) => readQrZxingCpp(frame, { invert: true }),
  },
  {
    // Every row scanned: small codes in large frames fall between the rows the fast pass reads.
    name: 'harder',
    run: (frame) => readQrZxingCpp(frame, { tryHarder: true }),
  },
  {
    // One threshold for the whole picture: artistic codes with a photograph inside them
    // defeat a local average.
    name: 'histogram',
    run: (frame) => readQrZxingCpp(frame, { tryHarder: true, binarizer: 'GlobalHistogram' }),
  },
  {
    // @zxing/library on the 2×2 average: averaging halves sensor noise, and it reads codes
    // with round finder patterns that ZXing-C++ passes over.
    name: 'zxing-half',
    run: async (frame) => decodeQr(halfFrame(frame)),
  },
  {
    // ZXing-C++ as fast, asked to return what it found but could not decode (`returnErrors`):
    // whether a code is in view that no pass reads, for the customer's hint ("tilt the phone").
    // A pass of its own, last: with `returnErrors` and one symbol wanted, ZXing-C++ stops at the
    // first code it fails on, and on the corpus the fast pass would read 6 fewer of 113 (measured).
    name: 'unread',
    run: async (frame) => {
      const found = await findUnreadQrZxingCpp(frame);
      return found === 'unread' ? UNREAD : found;
    },
  },
];

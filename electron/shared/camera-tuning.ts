/**
 * What the camera offers and what the capture page applied (camera-tuning.ts in electron/capture),
 * for the staff health view and the log: resolution, frame rate, focus and exposure. Numbers and
 * the MediaStream Image Capture spec's mode names only, never a device label or a frame.
 */
import { z } from 'zod';

const dimension = z.number().finite().min(0).max(100_000).nullable();
const mode = z.string().max(32);
const modes = z.array(mode).max(8);

export const CameraTuningSchema = z.strictObject({
  /** The track's getCapabilities(): the largest resolution and frame rate, the modes it lists. */
  offered: z.strictObject({
    width: dimension,
    height: dimension,
    frameRate: dimension,
    focusModes: modes,
    exposureModes: modes,
    /** The focus distance range (the spec: "usually … meters"; some webcams use their own units). */
    focusDistance: z.strictObject({ min: z.number().finite(), max: z.number().finite() }).nullable(),
  }),
  /** The track's getSettings() after applyConstraints. */
  applied: z.strictObject({
    width: dimension,
    height: dimension,
    frameRate: dimension,
    focusMode: mode.nullable(),
    exposureMode: mode.nullable(),
    focusDistance: z.number().finite().nullable(),
  }),
  /** applyConstraints refused what was asked (a DOMException name): the camera runs on its defaults. */
  problem: z.string().max(120).nullable(),
});
export type CameraTuning = z.infer<typeof CameraTuningSchema>;

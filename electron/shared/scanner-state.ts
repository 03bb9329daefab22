/** What the scanners are doing, for staff and the log (never what they scanned). */
import { z } from 'zod';

/**
 * Where a scan came from: a scanner, the customer typing their code on the keypad, or
 * `npm run scan` (`command`: on the sandbox or in development).
 */
export type ScannerKind = 'keyboard' | 'camera' | 'serial' | 'keypad' | 'command';

/** What a wired scanner's connection is doing. */
export type SerialState =
  | { state: 'off'; detail: null }
  | { state: 'opening'; detail: null }
  | { state: 'open'; detail: null }
  /** It could not be opened or went away; `detail` says why, in words for staff. */
  | { state: 'retrying'; detail: string };

/** What the capture page reports of the camera (for staff and logs; never frames). */
export const CameraStateSchema = z.strictObject({
  state: z.enum(['starting', 'running', 'unavailable', 'off']),
  /** Why it is unavailable, e.g. "NotFoundError": a DOMException name, no device labels. */
  detail: z.string().max(120).nullable(),
});
export type CameraState = z.infer<typeof CameraStateSchema>;

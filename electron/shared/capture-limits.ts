/** Limits the capture worker and the contract share (a file of its own: the worker bundles no zod). */

/** Decode times the worker sends main in one message, at most. */
export const MAX_DECODE_TIMES = 100;

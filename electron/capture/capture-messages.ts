/** Messages between the capture page and its worker. */

/** Page → worker. */
export type PageMessage =
  /** A camera was opened: read its frames (the readable of a MediaStreamTrackProcessor), `fps` of them a second. */
  | { type: 'frames'; readable: ReadableStream<VideoFrame>; fps: number; generation: number }
  /** The camera was closed: stop reading. */
  | { type: 'stop' };

/** Worker → page. */
export type WorkerMessage =
  /** A code was read. */
  | { type: 'decoded'; text: string }
  /** A small JPEG of the scene (base64), twice a second, for the ready screen. */
  | { type: 'preview'; jpeg: string }
  /** The frames of `generation` stopped coming (the camera ended, or failed). */
  | { type: 'ended'; generation: number }
  /** How many frames arrived since the last such message, every 2 s while they arrive (main's stall watch). */
  | { type: 'frames'; count: number }
  /** Seconds spent on each frame decoded lately, every few seconds (for main's metrics). */
  | { type: 'decode-times'; seconds: number[] }
  /** A code is in view that the decoder finds but cannot decode (true), or no longer (false): on change only. */
  | { type: 'unread'; seen: boolean }
  /** ZXing-C++ could not be loaded: only @zxing/library decodes (logged by main as the camera's detail). */
  | { type: 'decoder-degraded'; detail: string };

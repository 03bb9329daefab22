/** Messages between the capture page and its worker. */

export interface FrameMessage {
  buffer: ArrayBuffer;
  /** Byte offset of the luma plane (planar formats) or of the pixels (RGBA/BGRA). */
  offset: number;
  width: number;
  height: number;
  /** Bytes per row of the luma plane. */
  stride: number;
  /** I420/NV12-style frames: the first plane is luma. Otherwise four bytes per pixel. */
  planar: boolean;
}

export interface WorkerAnswer {
  text: string | null;
  /** Base64 JPEG, when one was due. */
  preview: string | null;
}

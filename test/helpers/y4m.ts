/**
 * Writes a Y4M video (Chromium's fake camera file format: a text header, then `FRAME\n` and
 * the Y, U and V planes of each frame, 4:2:0) from luma frames. Chroma is neutral grey.
 */
import { createWriteStream } from 'node:fs';

export async function writeY4m(file: string, width: number, height: number, fps: number, frames: Iterable<Uint8ClampedArray>): Promise<void> {
  const out = createWriteStream(file);
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const write = (chunk: string | Uint8Array) => new Promise<void>((resolve, reject) => out.write(chunk, (error) => (error ? reject(error) : resolve())));
  await write(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`);
  for (const luma of frames) {
    await write('FRAME\n');
    await write(new Uint8Array(luma.buffer, luma.byteOffset, luma.byteLength));
    await write(chroma);
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/**
 * Cuts a scanner's character stream into scans: on the configured suffix, else on CR/LF (any
 * mix), with the configured prefix stripped from the front of each. The buffer is capped so a
 * device that never sends a line end cannot grow it without bound; an overlong frame is voided
 * up to its end, never cut into a shorter "scan".
 */
import { MAX_SCAN_LENGTH } from './parse-scan';

export interface FramerOptions {
  prefix: string | null;
  suffix: string | null;
  onFrame(text: string): void;
}

const LINE_END = /\r\n|\r|\n/;

export class ScanFramer {
  private buffer = '';
  private overflowed = false;

  constructor(private readonly options: FramerOptions) {}

  push(chunk: string): void {
    this.buffer += chunk;
    for (;;) {
      const end = this.findEnd();
      if (!end) break;
      const frame = this.buffer.slice(0, end.index);
      this.buffer = this.buffer.slice(end.index + end.length);
      // Over the cap, whether it came in one chunk or many: void, like the parser's `tooLong`.
      const voided = this.overflowed || frame.length > MAX_SCAN_LENGTH;
      this.overflowed = false;
      if (!voided) this.emit(frame);
    }
    if (this.buffer.length > MAX_SCAN_LENGTH) {
      this.buffer = '';
      this.overflowed = true;
    }
  }

  private findEnd(): { index: number; length: number } | null {
    const { suffix } = this.options;
    if (suffix) {
      const index = this.buffer.indexOf(suffix);
      return index < 0 ? null : { index, length: suffix.length };
    }
    // A CR ends a frame at once; should its LF come in the next chunk, it ends an empty frame, dropped.
    const match = LINE_END.exec(this.buffer);
    return match ? { index: match.index, length: match[0].length } : null;
  }

  private emit(frame: string): void {
    const { prefix, suffix } = this.options;
    // A scanner that sends CR LF after its suffix leaves them in front of the next frame.
    const body = suffix ? frame.replace(/^[\r\n]+/, '') : frame;
    const text = prefix && body.startsWith(prefix) ? body.slice(prefix.length) : body;
    if (text.trim() !== '') this.options.onFrame(text);
  }
}

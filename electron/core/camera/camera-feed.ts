/**
 * Main's view of the camera: the state the capture page reports, what the camera offers and what
 * was applied (for staff), and the latest small preview for the ready screen. Frames never come
 * here, only decoded text (as scans) and a thumbnail.
 */
import type { CameraTuning } from '../../shared/camera-tuning';
import type { CameraState, Preview } from '../../shared/contract';

type PreviewListener = (preview: Preview) => void;

export class CameraFeed {
  private current: CameraState = { state: 'off', detail: null };
  private currentTuning: CameraTuning | null = null;
  private readonly listeners = new Set<PreviewListener>();
  /** While a picture of the screen is taken: no preview on it (issue 25: a preview frame goes to the screen only). */
  private hidden = 0;

  constructor(private readonly onStateChange: (state: CameraState) => void = () => undefined) {}

  state(): CameraState {
    return this.current;
  }

  setState(next: CameraState): void {
    const changed = next.state !== this.current.state || next.detail !== this.current.detail;
    this.current = next;
    if (next.state !== 'running') {
      this.emit(null); // no stale picture of a camera that went away
      this.currentTuning = null; // nor its settings: the next start reports its own
    }
    if (changed) this.onStateChange(next);
  }

  /** What the camera offers and what was applied, for staff (null until a camera runs). */
  tuning(): CameraTuning | null {
    return this.currentTuning;
  }

  setTuning(tuning: CameraTuning): void {
    this.currentTuning = tuning;
  }

  /** A JPEG from the capture page, already checked to be base64 of bounded size. */
  setPreview(jpegBase64: string): void {
    if (this.current.state === 'running' && this.hidden === 0) this.emit({ image: `data:image/jpeg;base64,${jpegBase64}` });
  }

  /**
   * Runs `capture` (a screenshot for the support desk) with the preview taken off the screen
   * first, `settleMs` for the page to draw that, and back on with the next frame afterwards.
   */
  async withPreviewHidden<T>(capture: () => Promise<T>, settleMs = 300): Promise<T> {
    this.hidden += 1;
    try {
      this.emit(null);
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      return await capture();
    } finally {
      this.hidden -= 1;
    }
  }

  onPreview(listener: PreviewListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(preview: Preview): void {
    for (const listener of this.listeners) listener(preview);
  }
}

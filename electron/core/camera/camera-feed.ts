/**
 * Main's view of the camera: the state the capture page reports, and the latest small preview
 * for the ready screen. Frames never come here, only decoded text (as scans) and a thumbnail.
 */
import type { CameraState, Preview } from '../../shared/contract';

type PreviewListener = (preview: Preview) => void;

export class CameraFeed {
  private current: CameraState = { state: 'off', detail: null };
  private readonly listeners = new Set<PreviewListener>();

  constructor(private readonly onStateChange: (state: CameraState) => void = () => undefined) {}

  state(): CameraState {
    return this.current;
  }

  setState(next: CameraState): void {
    const changed = next.state !== this.current.state || next.detail !== this.current.detail;
    this.current = next;
    if (next.state !== 'running') this.emit(null); // no stale picture of a camera that went away
    if (changed) this.onStateChange(next);
  }

  /** A JPEG from the capture page, already checked to be base64 of bounded size. */
  setPreview(jpegBase64: string): void {
    if (this.current.state === 'running') this.emit({ image: `data:image/jpeg;base64,${jpegBase64}` });
  }

  onPreview(listener: PreviewListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(preview: Preview): void {
    for (const listener of this.listeners) listener(preview);
  }
}

import { readyText } from '../messages';
import { useSessionStore } from '../session-store';

export function ReadyScreen() {
  const preview = useSessionStore((state) => state.preview);
  return (
    <section className="screen ready">
      <div className="scan-target" aria-hidden="true">
        {/* The camera's picture, fed by main, so customers can aim their code; else a QR glyph. */}
        {preview ? <img className="camera-preview" src={preview.image} alt="" data-testid="camera-preview" /> : <div className="qr-glyph" />}
        <div className="aiming-frame" />
      </div>
      <div role="status" aria-live="polite">
        <h1>{readyText.title}</h1>
        <p className="lead">{readyText.body}</p>
      </div>
    </section>
  );
}

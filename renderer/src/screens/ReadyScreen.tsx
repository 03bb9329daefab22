import { readyText } from '../messages';

export function ReadyScreen() {
  return (
    <section className="screen ready">
      <div className="scan-target" aria-hidden="true">
        <div className="qr-glyph" />
      </div>
      <div role="status" aria-live="polite">
        <h1>{readyText.title}</h1>
        <p className="lead">{readyText.body}</p>
      </div>
    </section>
  );
}

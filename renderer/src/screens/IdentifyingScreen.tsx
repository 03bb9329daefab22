import { identifyingText } from '../messages';

export function IdentifyingScreen() {
  return (
    <section className="screen identifying" aria-busy="true">
      <div className="spinner" aria-hidden="true" />
      <div role="status" aria-live="polite">
        <h1>{identifyingText.title}</h1>
        <p className="lead">{identifyingText.body}</p>
      </div>
    </section>
  );
}

import { startingText } from '../messages';

/** Shown until main has answered; a page without a working bridge stays here. */
export function StartingScreen() {
  return (
    <section className="screen starting">
      <p className="lead">{startingText}</p>
    </section>
  );
}

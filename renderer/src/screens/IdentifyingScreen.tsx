/**
 * The moment a code is read (main publishes `identifying` as the scan reaches it, before the back
 * end answers): the scan frame flashes with a tick, "Got it, you can lower your phone", and a
 * short read tone (use-result-sounds.ts); then a spinner while the membership is found. A second
 * read while waiting flashes again (`readKey`). With reduced motion the frame is filled, not flashed.
 */
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import { useFocusOnArrival } from '../hooks/use-focus-on-arrival';

export function IdentifyingScreen({ typed, readKey }: { typed: boolean; readKey: number }) {
  const { t } = useTranslation();
  const heading = useFocusOnArrival<HTMLHeadingElement>();
  return (
    <section className="screen identifying" aria-busy="true">
      <div key={readKey} className="read-frame" data-testid="read-frame" aria-hidden="true">
        <Icon name="check" />
      </div>
      <h1 ref={heading} tabIndex={-1}>
        {typed ? t('identifying.gotItTyped') : t('identifying.gotIt')}
      </h1>
      <div className="identifying-wait">
        <div className="spinner" aria-hidden="true" />
        <p className="lead">{t('identifying.body')}</p>
      </div>
    </section>
  );
}

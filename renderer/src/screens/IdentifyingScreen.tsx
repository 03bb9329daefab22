import { useTranslation } from 'react-i18next';
import { useFocusOnArrival } from '../hooks/use-focus-on-arrival';

export function IdentifyingScreen() {
  const { t } = useTranslation();
  const heading = useFocusOnArrival<HTMLHeadingElement>();
  return (
    <section className="screen identifying" aria-busy="true">
      <div className="spinner" aria-hidden="true" />
      <h1 ref={heading} tabIndex={-1}>
        {t('identifying.title')}
      </h1>
      <p className="lead">{t('identifying.body')}</p>
    </section>
  );
}

import { useTranslation } from 'react-i18next';

export function IdentifyingScreen() {
  const { t } = useTranslation();
  return (
    <section className="screen identifying" aria-busy="true">
      <div className="spinner" aria-hidden="true" />
      <h1>{t('identifying.title')}</h1>
      <p className="lead">{t('identifying.body')}</p>
    </section>
  );
}

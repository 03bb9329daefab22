import { useTranslation } from 'react-i18next';

/** Shown until main has answered; a page without a working bridge stays here. */
export function StartingScreen() {
  const { t } = useTranslation();
  return (
    <section className="screen starting">
      <p className="lead">{t('common.starting')}</p>
    </section>
  );
}

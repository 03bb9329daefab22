/** The top bar: the chain's logo and its loyalty programme's name (config `brand`). */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../session-store';

export function BrandBar() {
  const { t } = useTranslation();
  const brand = useSessionStore((state) => state.appearance?.brand);
  const name = brand?.programName ?? t('common.defaultProgramName');
  // The window's title too (task switchers, screen readers' page name): the programme's, in the current language.
  useEffect(() => {
    document.title = name;
  }, [name]);
  return (
    <header className="brand-bar">
      {brand?.logo ? <img className="brand-logo" src={brand.logo} alt="" /> : <span className="brand-mark" aria-hidden="true" />}
      <span className="brand-name">{name}</span>
    </header>
  );
}

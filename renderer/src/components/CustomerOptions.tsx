/**
 * The customer's own options on the ready screen: the language (each named in its own language)
 * and larger text with high contrast. Real buttons: reachable with Tab, pressed with Enter, big
 * enough for any finger; `aria-pressed` says which is on.
 */
import { useTranslation } from 'react-i18next';
import { pickLanguage, toggleHighContrast, useCustomerStore } from '../customer-store';
import { LANGUAGES } from '../i18n/i18n';
import { Icon } from './Icon';

export function CustomerOptions({ language }: { language: string }) {
  const { t } = useTranslation();
  const highContrast = useCustomerStore((state) => state.highContrast);
  return (
    <nav className="customer-options" aria-label={t('options.label')}>
      <div className="option-group" role="group" aria-label={t('options.language')}>
        <Icon name="globe" className="option-icon" />
        {LANGUAGES.map((option) => (
          <button key={option.code} type="button" className="option-button" lang={option.code} aria-pressed={option.code === language} onClick={() => pickLanguage(option.code)}>
            {option.name}
          </button>
        ))}
      </div>
      <button type="button" className="option-button contrast-toggle" aria-pressed={highContrast} title={t('options.contrastHint')} onClick={toggleHighContrast}>
        <Icon name="text" className="option-icon" />
        {t('options.contrastOn')}
      </button>
    </nav>
  );
}

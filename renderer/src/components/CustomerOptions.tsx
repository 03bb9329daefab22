/**
 * The customer's own options on the ready screen: the language (each named in its own language,
 * one of them chosen: a radio group) and larger text with high contrast (a toggle). Real buttons:
 * reachable with Tab, pressed with Enter, big enough for any finger; the chosen language carries
 * a check mark as well as its colour.
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
      <div className="option-group" role="radiogroup" aria-label={t('options.language')}>
        <Icon name="globe" className="option-icon" />
        {LANGUAGES.map((option) => {
          const chosen = option.code === language;
          return (
            <button key={option.code} type="button" role="radio" className="option-button" lang={option.code} aria-checked={chosen} onClick={() => pickLanguage(option.code)}>
              {chosen && <Icon name="check" className="option-check" />}
              {option.name}
            </button>
          );
        })}
      </div>
      <button type="button" className="option-button contrast-toggle" aria-pressed={highContrast} onClick={toggleHighContrast}>
        <Icon name="text" className="option-icon" />
        {t('options.contrastOn')}
      </button>
    </nav>
  );
}

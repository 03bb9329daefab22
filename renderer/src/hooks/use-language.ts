/** The language the page shows now (i18n/language-sync.ts keeps i18next on it). */
import { useTranslation } from 'react-i18next';

export function useLanguage(): string {
  return useTranslation().i18n.language;
}

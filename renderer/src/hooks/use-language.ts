/**
 * Applies the language: the customer's pick, else the configured one; staff screens always use
 * the configured one. Also sets `<html lang>`, so screen readers speak it in the right voice.
 */
import { useEffect } from 'react';
import { supportedLanguage } from '../i18n/translator';
import { CATALOGUES, i18n } from '../i18n/i18n';
import { useCustomerStore } from '../customer-store';
import { useSessionStore } from '../session-store';

export function useLanguage(staffOpen: boolean): string {
  const configured = useSessionStore((state) => state.appearance?.locale ?? 'en');
  const picked = useCustomerStore((state) => state.language);
  const language = supportedLanguage(!staffOpen && picked ? picked : configured, Object.keys(CATALOGUES));
  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [language]);
  return language;
}

/**
 * Keeps i18next's language and `<html lang>` equal to the effective language: the customer's
 * pick, else the configured one; staff screens always the configured one. It runs in the
 * stores' own update, before React renders, so no screen is ever drawn (or announced) in the
 * language it is leaving.
 */
import { useCustomerStore } from '../customer-store';
import { useSessionStore } from '../session-store';
import { useStaffStore } from '../staff/staff-store';
import { CATALOGUES, i18n } from './i18n';
import { supportedLanguage } from './translator';

export function effectiveLanguage(): string {
  const configured = useSessionStore.getState().appearance?.locale ?? 'en';
  const picked = useCustomerStore.getState().language;
  const staffOpen = useStaffStore.getState().phase !== 'closed';
  return supportedLanguage(!staffOpen && picked ? picked : configured, Object.keys(CATALOGUES));
}

export function syncLanguage(): () => void {
  const apply = () => {
    const language = effectiveLanguage();
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  };
  apply();
  const unsubscribe = [useCustomerStore.subscribe(apply), useSessionStore.subscribe(apply), useStaffStore.subscribe(apply)];
  return () => unsubscribe.forEach((stop) => stop());
}

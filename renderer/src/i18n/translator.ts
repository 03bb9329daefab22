/**
 * An i18next instance over the catalogues, initialised synchronously (the catalogues are bundled,
 * nothing is fetched). Numbers and dates go through i18next's Intl-based formatter, so "2,750"
 * in English is "2 750" in Norwegian without a line of our own.
 */
import i18next, { type i18n, type ThirdPartyModule } from 'i18next';
import type { Catalogue } from './catalogue';

export const FALLBACK_LANGUAGE = 'en';

export function createTranslator(catalogues: Record<string, Catalogue>, language: string, plugins: ThirdPartyModule[] = []): i18n {
  const instance = i18next.createInstance();
  for (const plugin of plugins) instance.use(plugin);
  void instance.init({
    resources: Object.fromEntries(Object.entries(catalogues).map(([code, catalogue]) => [code, { translation: catalogue }])),
    lng: language,
    fallbackLng: FALLBACK_LANGUAGE,
    supportedLngs: Object.keys(catalogues),
    initAsync: false,
    // React escapes what it renders; escaping here too would show "&amp;" to customers.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/** The catalogue's code for a configured tag: "nb" and "nb-NO" are "nb"; "no" is Bokmål; unknown: English. */
export function supportedLanguage(tag: string, available: readonly string[]): string {
  const lower = tag.toLowerCase();
  if (available.includes(lower)) return lower;
  const base = lower.split('-')[0] ?? '';
  if (available.includes(base)) return base;
  if (base === 'no' && available.includes('nb')) return 'nb';
  return FALLBACK_LANGUAGE;
}

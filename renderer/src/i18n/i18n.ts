/**
 * The UI's languages: every file in ./locales is one (adding a language is adding a file; its
 * `meta.name` is what the picker shows). The page's one i18next instance is bound to React here.
 */
import { initReactI18next } from 'react-i18next';
import type { Catalogue } from './catalogue';
import { createTranslator, FALLBACK_LANGUAGE } from './translator';

const files = import.meta.glob<{ default: Catalogue }>('./locales/*.ts', { eager: true });

export const CATALOGUES: Record<string, Catalogue> = Object.fromEntries(
  Object.entries(files).map(([file, module]) => [file.replace(/^.*\/([^/]+)\.ts$/, '$1'), module.default]),
);

/** Languages for the picker, English first, then by code. */
export const LANGUAGES = Object.entries(CATALOGUES)
  .map(([code, catalogue]) => ({ code, name: catalogue.meta.name }))
  .sort((a, b) => (a.code === FALLBACK_LANGUAGE ? -1 : b.code === FALLBACK_LANGUAGE ? 1 : a.code.localeCompare(b.code)));

export const i18n = createTranslator(CATALOGUES, FALLBACK_LANGUAGE, [initReactI18next]);

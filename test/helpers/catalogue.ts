/**
 * The UI's words as the tests expect to see them: the same catalogues and i18next formatting
 * the page uses, so a test reads "what the English screen says", not a copy of it.
 */
import en from '../../renderer/src/i18n/locales/en';
import nb from '../../renderer/src/i18n/locales/nb';
import { createTranslator } from '../../renderer/src/i18n/translator';

export const CATALOGUES = { en, nb };

/** `t` in English, e.g. `english('staff.wrongPin', { count: 3 })`. */
export const english = createTranslator(CATALOGUES, 'en').t;
export const norwegian = createTranslator(CATALOGUES, 'nb').t;

/**
 * A language's catalogue has the English one's shape: every key, every string. It may add the
 * plural forms its own language needs (`_zero`, `_two`, `_few`, `_many` beside `_one` and
 * `_other`; i18next picks them with Intl.PluralRules). test/unit/catalogues.test.ts checks both.
 */
import type en from './locales/en';

type ExtraPlural = `${string}_${'zero' | 'two' | 'few' | 'many'}`;
type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> } & { [key: ExtraPlural]: string };

export type Catalogue = Strings<typeof en>;

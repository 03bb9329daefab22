/**
 * A language's catalogue has exactly the English one's shape: every key, every string. A
 * missing or extra key is a type error here and a failing test (test/unit/catalogues.test.ts).
 */
import type en from './locales/en';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export type Catalogue = Strings<typeof en>;

/**
 * The languages: every catalogue has exactly English's keys, the same placeholders in each
 * string, and nothing empty; numbers and dates come out in each language's own way.
 */
import { describe, expect, it } from 'vitest';
import { createTranslator, supportedLanguage } from '../../renderer/src/i18n/translator';
import type { FieldIssue, IssueCode } from '../../electron/shared/staff-view';
import { issueText } from '../../renderer/src/staff/issue-text';
import { CATALOGUES, english, norwegian } from '../helpers/catalogue';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [leaf, text] of leaves(value, path)) out.set(leaf, text);
  }
  return out;
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)/g)].map((match) => match[1]).sort();
const en = leaves(CATALOGUES.en as unknown as Tree);

describe.each(Object.entries(CATALOGUES).filter(([code]) => code !== 'en'))('the %s catalogue', (_code, catalogue) => {
  const strings = leaves(catalogue as unknown as Tree);

  const base = (key: string) => key.replace(PLURAL_SUFFIX, '');

  it('has every English key and no other (plural forms aside)', () => {
    expect([...new Set([...strings.keys()].map(base))].sort()).toEqual([...new Set([...en.keys()].map(base))].sort());
  });

  it('has every plural form its language needs', () => {
    const categories = new Intl.PluralRules(_code).resolvedOptions().pluralCategories;
    for (const plural of new Set([...en.keys()].filter((key) => PLURAL_SUFFIX.test(key)).map(base))) {
      for (const category of categories) expect(strings.has(`${plural}_${category}`), `${plural}_${category}`).toBe(true);
    }
  });

  it('uses the same placeholders in every string', () => {
    for (const [key, text] of strings) {
      const reference = en.get(key) ?? en.get(`${base(key)}_other`) ?? '';
      expect({ key, placeholders: placeholders(text) }).toEqual({ key, placeholders: placeholders(reference) });
    }
  });

  it('has no empty string', () => {
    for (const [key, text] of strings) expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
  });
});

describe('formatting by language', () => {
  it('points: "14,464 points" in English, "14 464 poeng" in Norwegian (a no-break space)', () => {
    expect(english('member.points', { amount: 14464 })).toBe('14,464 points');
    expect(norwegian('member.points', { amount: 14464 })).toBe('14\u00a0464 poeng');
    expect(english('member.points', { amount: 2750 })).toBe('2,750 points');
    expect(norwegian('member.points', { amount: 2750 })).toBe('2\u00a0750 poeng');
  });

  it('plurals follow the language', () => {
    expect(english('staff.wrongPin', { count: 1 })).toContain('1 try left');
    expect(english('staff.wrongPin', { count: 3 })).toContain('3 tries left');
    expect(norwegian('staff.pinEntered', { count: 1 })).toBe('1 siffer tastet');
    expect(norwegian('staff.pinEntered', { count: 4 })).toBe('4 sifre tastet');
  });

  it('dates and times: the staff health view in each language', () => {
    const at = new Date(2026, 10, 30, 14, 5, 9);
    expect(english('staff.health.startedAt', { at })).toBe('11/30/26, 2:05:09 PM');
    expect(norwegian('staff.health.startedAt', { at })).toBe('30.11.2026, 14:05:09');
  });

  it('a language without a catalogue falls back to English; "no" and "nb-NO" are Bokmål', () => {
    const available = Object.keys(CATALOGUES);
    expect(supportedLanguage('nb', available)).toBe('nb');
    expect(supportedLanguage('nb-NO', available)).toBe('nb');
    expect(supportedLanguage('no', available)).toBe('nb');
    expect(supportedLanguage('de', available)).toBe('en');
    expect(createTranslator(CATALOGUES, 'de').t('common.done')).toBe('Done');
  });
});

describe('what main says is wrong with a setting, in the staff screen\'s language', () => {
  const issues: FieldIssue[] = [
    { field: 'idleResetSeconds', message: 'Too small: expected number to be >=3', code: 'tooSmall', params: { minimum: 3 } },
    { field: 'storeId', message: 'Invalid input: expected string, received number', code: 'wrongType', params: { expected: 'string' } },
    { field: 'identify.token', message: 'missing (…)', code: 'missing', params: { envName: 'KIOSK_IDENTIFY_TOKEN' } },
    { field: 'identify.token', message: 'The web shell cannot store secrets…', code: 'secretStorage', params: { storage: 'webShell' } },
    { field: 'scanners.keyboard.layout', message: 'Invalid option', code: 'oneOf', params: { options: 'us, no, de, host' } },
  ];

  it('is said in Norwegian on a Norwegian kiosk, with its values', () => {
    expect(issues.map((issue) => issueText(norwegian, issue))).toEqual([
      'må være minst 3',
      'må være tekst',
      'mangler (sett den i filen, i ansattmodus eller i KIOSK_IDENTIFY_TOKEN)',
      'Nettskallet kan ikke lagre hemmeligheter: de kommer bare fra konfigurasjonsfilen eller miljøet.',
      'må være en av: us, no, de, host',
    ]);
    expect(issueText(english, issues[0]!)).toBe('must be at least 3');
  });

  it('keeps main\'s words for a problem without a code', () => {
    expect(issueText(norwegian, { field: '(staff settings)', message: 'Staff settings in /x are invalid' })).toBe('Staff settings in /x are invalid');
  });

  it('every code main can send has its words in every catalogue', () => {
    const codes: IssueCode[] = ['unknownField', 'tooSmall', 'tooBig', 'tooShort', 'tooLong', 'empty', 'wrongType', 'notInteger', 'oneOf', 'httpsUrl', 'colour', 'languageTag', 'pinHash', 'controlCharacters', 'missing', 'missingNoStaff', 'sharedSecretShort', 'locked', 'secretFromEnv', 'secretNewOrigin', 'secretWithoutUrl'];
    for (const catalogue of Object.values(CATALOGUES)) for (const code of codes) expect(typeof (catalogue.staff.issues as Record<string, unknown>)[code], code).toBe('string');
  });
});

/**
 * The languages: every catalogue has exactly English's keys, the same placeholders in each
 * string, and nothing empty; numbers and dates come out in each language's own way.
 */
import { describe, expect, it } from 'vitest';
import { createTranslator, supportedLanguage } from '../../renderer/src/i18n/translator';
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

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)/g)].map((match) => match[1]).sort();
const en = leaves(CATALOGUES.en as unknown as Tree);

describe.each(Object.entries(CATALOGUES).filter(([code]) => code !== 'en'))('the %s catalogue', (_code, catalogue) => {
  const strings = leaves(catalogue as unknown as Tree);

  it('has every English key and no other', () => {
    expect([...strings.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it('uses the same placeholders in every string', () => {
    for (const [key, text] of en) expect({ key, placeholders: placeholders(strings.get(key) ?? '') }).toEqual({ key, placeholders: placeholders(text) });
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

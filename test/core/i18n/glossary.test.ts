// The one vocabulary and the way dates are written.
import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, GLOSSARY, term, Term } from '../../../core/i18n/index.ts';
import { englishLeaks } from '../../support/user-words.ts';

describe('glossary', () => {
  it('gives each concept one word per language', () => {
    expect(term('onServer', 'vi')).toBe('Trên máy chủ');
    expect(term('signOut', 'en')).toBe('Sign out');
    expect(Term('plan', 'vi')).toBe('Kế hoạch');
    const vi = Object.values(GLOSSARY).map((t) => t.vi.toLowerCase());
    expect(new Set(vi).size).toBe(vi.length);
  });

  it('uses no internal code or English system word in its Vietnamese terms', () => {
    const leaks = Object.entries(GLOSSARY)
      .filter(([key]) => key !== 'product')
      .flatMap(([, t]) => englishLeaks(t.vi));
    expect(leaks).toEqual([]);
  });
});

describe('dates as an official writes them', () => {
  it('writes moments in Vietnam time and days as dd/mm/yyyy', () => {
    expect(formatDateTime('2026-12-05T10:49:00Z')).toBe('05/12/2026 17:49');
    expect(formatDateTime('2026-12-31T20:00:00Z')).toBe('01/01/2027 03:00');
    expect(formatDateTime('not a date')).toBe('not a date');
    expect(formatDay('2026-12-31')).toBe('31/12/2026');
  });
});

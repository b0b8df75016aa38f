// isDecomposed and tidyWhitespace: their fast paths answer exactly as the slow definitions do.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDecomposed } from '../../../core/text/normalize.ts';
import { tidyWhitespace } from '../../../core/validate/rules/text.ts';

/** Vietnamese-looking text: letters with and without marks, both forms of each mark, spaces, tabs, line breaks. */
const PIECES = [
  'a',
  'hoà',
  'hòa',
  'ho\u0300a',
  'Đ',
  'ư\u0309',
  'ữ',
  ' ',
  '  ',
  '\t',
  '\u00a0',
  '\n',
  ' \n ',
  '\n\n',
  '–',
  '“',
  '₫',
  'Ω',
  '\u2126',
  '\u212b',
  'x\u0323',
  '.',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((xs) => xs.join(''));

describe('isDecomposed', () => {
  it('is "differs from its NFC form", on Vietnamese-like and arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'binary' })), (s) => isDecomposed(s) === (s !== s.normalize('NFC'))),
      { numRuns: 2000, seed: 57 },
    );
  });

  it('tells typed-decomposed text from composed text', () => {
    expect(isDecomposed('Văn hóa')).toBe(false);
    expect(isDecomposed('Văn hóa'.normalize('NFD'))).toBe(true);
    expect(isDecomposed('\u2126')).toBe(true); // Ohm sign: a singleton that NFC maps to Ω
  });
});

describe('tidyWhitespace', () => {
  const slow = (s: string) =>
    s
      .replace(/[ \t\u00a0]+/g, ' ')
      .replace(/ *\n[ \n]*/g, '\n')
      .trim();
  it('returns the text itself when nothing needs tidying, and the same result as the full rewrite otherwise', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string()), (s) => tidyWhitespace(s) === slow(s)),
      { numRuns: 2000, seed: 57 },
    );
  });
});

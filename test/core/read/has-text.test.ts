// hasText: the reader's blank test, which must answer exactly what `s.trim() !== ''` answers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasText } from '../../../core/read/text-grid.ts';

describe('hasText', () => {
  it('answers what trim() answers, for every kind of white space', () => {
    const spaces = [
      ' ',
      '\t',
      '\n',
      '\r',
      '\v',
      '\f',
      '\u00a0',
      '\u1680',
      '\u2000',
      '\u200a',
      '\u2028',
      '\u2029',
      '\u202f',
      '\u205f',
      '\u3000',
      '\ufeff',
      '\u0085',
      '\u200b',
    ];
    const other = ['a', 'Đ', '1', '-', '~', '\u007f', '中'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...spaces, ...other), { maxLength: 8 }), (chars) => {
        const s = chars.join('');
        expect(hasText(s)).toBe(s.trim() !== '');
      }),
      { numRuns: 2000 },
    );
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 6 }), (s) => hasText(s) === (s.trim() !== '')));
  });
});

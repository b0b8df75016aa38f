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
    // Letters either side of the fast paths' bounds (U+00A0 … U+2000, U+1680 inside) as well as plain ones.
    const other = ['a', 'Đ', 'Ẩ', '1', '-', '~', '\u007f', '\u0080', '\u009f', '\u00a1', '\u167f', '\u1681', '\u1fff', '中'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...spaces, ...other), { maxLength: 8 }), (chars) => {
        const s = chars.join('');
        expect(hasText(s)).toBe(s.trim() !== '');
      }),
      { numRuns: 2000 },
    );
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 6 }), (s) => hasText(s) === (s.trim() !== '')));
  });

  it('answers what trim() answers for every first UTF-16 code unit, alone or before a space', () => {
    for (let c = 0; c <= 0xffff; c++) {
      for (const s of [String.fromCharCode(c), `${String.fromCharCode(c)} `]) {
        if (hasText(s) !== (s.trim() !== '')) expect.fail(`U+${c.toString(16)}`);
      }
    }
  });
});

// Ordinals: Roman, Arabic, hierarchical, Vietnamese letters, dashes — parsed with their written style, formatted back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatOrdinal, intToRoman, parseOrdinal, romanToInt } from '../../../core/text/ordinal.ts';

describe('parseOrdinal', () => {
  it.each([
    ['I', 'roman', 1, ''],
    ['VI.', 'roman', 6, '.'],
    ['III', 'roman', 3, ''],
    [' XIV. ', 'roman', 14, '.'],
    ['1', 'arabic', 1, ''],
    ['12.', 'arabic', 12, '.'],
    ['3)', 'arabic', 3, ')'],
    ['05', 'arabic', 5, ''],
    ['a)', 'letter', 1, ')'],
    ['đ)', 'letter', 5, ')'],
    ['e)', 'letter', 6, ')'],
    ['b.', 'letter', 2, '.'],
    ['(c)', 'letter', 3, ')'],
    ['C)', 'letter', 3, ')'],
    ['D.', 'letter', 4, '.'],
    ['-', 'dash', null, ''],
    ['–', 'dash', null, ''],
    ['+', 'plus', null, ''],
    ['•', 'bullet', null, ''],
  ] as const)('%j → %s %s', (text, style, value, trailing) => {
    expect(parseOrdinal(text)).toMatchObject({ style, value, trailing });
  });

  it('reads hierarchical numbers with their path', () => {
    expect(parseOrdinal('1.2')).toEqual({ text: '1.2', style: 'hierarchical', value: 2, path: [1, 2], trailing: '' });
    expect(parseOrdinal('2.1.3.')).toMatchObject({ style: 'hierarchical', path: [2, 1, 3], trailing: '.' });
  });

  it('returns null for words, header labels and empty cells', () => {
    for (const s of ['', '  ', 'TT', 'STT', 'Ghi chú', 'Nội dung', 'IIII', 'VX', '1,5', 'abc']) expect(parseOrdinal(s), s).toBeNull();
  });

  it('keeps the text as written', () => {
    expect(parseOrdinal(' VI. ')!.text).toBe('VI.');
  });
});

describe('Roman numerals', () => {
  it('round-trip 1…3999', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 3999 }), (n) => romanToInt(intToRoman(n)) === n));
  });

  it('reject non-canonical forms', () => {
    expect(romanToInt('IIII')).toBeNull();
    expect(romanToInt('IC')).toBeNull();
    expect(romanToInt('vi')).toBe(6);
  });
});

describe('formatOrdinal', () => {
  it('writes numbers in the ordinal’s own style', () => {
    expect(formatOrdinal(parseOrdinal('II.')!, 3)).toBe('III.');
    expect(formatOrdinal(parseOrdinal('II')!, 4)).toBe('IV');
    expect(formatOrdinal(parseOrdinal('4.')!, 5)).toBe('5.');
    expect(formatOrdinal(parseOrdinal('d)')!, 5)).toBe('đ)');
    expect(formatOrdinal(parseOrdinal('B)')!, 3)).toBe('C)');
    expect(formatOrdinal(parseOrdinal('1.2')!, 7)).toBe('1.7');
  });

  it('parse(format(o, n)) has value n for every numbered style', () => {
    const likes = ['I.', 'I', '1.', '1', 'a)', '2.1'].map((s) => parseOrdinal(s)!);
    fc.assert(
      fc.property(fc.constantFrom(...likes), fc.integer({ min: 1, max: 26 }), (like, n) => {
        if (like.style === 'roman' && n > 49) return true;
        return parseOrdinal(formatOrdinal(like, n))?.value === n;
      }),
    );
  });
});

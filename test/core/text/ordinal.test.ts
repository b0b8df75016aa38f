// Ordinals: Roman, Arabic, hierarchical, Vietnamese letters, dashes — parsed with their written style, formatted back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ordinal } from '../../../core/model/appendix.ts';
import { formatOrdinal, intToRoman, parseOrdinal, romanToInt } from '../../../core/text/ordinal.ts';

/** parseOrdinal as first written (normalize, trim, then regular expressions): the fast paths must agree with it. */
function parseOrdinalByDefinition(input: string): Ordinal | null {
  const text = input.normalize('NFC').trim();
  if (text === '') return null;
  if (/^[-–—‒−]+$/.test(text)) return { text, style: 'dash', value: null, trailing: '' };
  if (/^\++$/.test(text)) return { text, style: 'plus', value: null, trailing: '' };
  if (/^[•·●○◦▪*]$/.test(text)) return { text, style: 'bullet', value: null, trailing: '' };
  const m = /^\(?([^\s.)]+(?:\.[^\s.)]+)*)\s*([.):]?)$/u.exec(text);
  if (!m) return null;
  const body = m[1]!;
  const trailing = m[2]!;
  if (/^\d{1,4}$/.test(body)) return { text, style: 'arabic', value: Number(body), trailing };
  if (/^\d{1,4}(?:\.\d{1,4})+$/.test(body)) {
    const path = body.split('.').map(Number);
    return { text, style: 'hierarchical', value: path[path.length - 1]!, path, trailing };
  }
  const romanPath = /^([IVXLC]+)((?:\.\d{1,4})+)$/.exec(body);
  const head = romanPath ? romanToInt(romanPath[1]!) : null;
  if (romanPath && head !== null && head <= 49) {
    const path = [head, ...romanPath[2]!.slice(1).split('.').map(Number)];
    return { text, style: 'hierarchical', value: path[path.length - 1]!, path, romanHead: true, trailing };
  }
  const roman = /^[IVXLC]+$/.test(body) ? romanToInt(body) : null;
  if (roman !== null && roman <= 49 && !(body.length === 1 && trailing === ')' && roman > 1)) {
    return { text, style: 'roman', value: roman, trailing };
  }
  const letter = 'abcdđefghijklmnopqrstuvwxyz'.indexOf(body.toLowerCase());
  if (body.length === 1 && letter >= 0) return { text, style: 'letter', value: letter + 1, trailing };
  return null;
}

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

  it('agrees with its definition on every text (the plain-number and ASCII fast paths)', () => {
    // Digits, the punctuation around them, Roman and Vietnamese letters, spaces of several kinds and a decomposed
    // accent, so texts near a fast path's edge ("12:", "12345", " 3.", "1.2)", "d\u0303)") come up often.
    const pieces = [
      '0',
      '1',
      '2',
      '9',
      '.',
      ')',
      '(',
      ':',
      ',',
      ' ',
      '\u00a0',
      '\t',
      'I',
      'V',
      'X',
      'a',
      'd',
      'đ',
      'd\u0303',
      '-',
      '+',
      '•',
      '\u007f',
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ maxLength: 6 })), (s) => {
        expect(parseOrdinal(s)).toStrictEqual(parseOrdinalByDefinition(s));
      }),
      { numRuns: 5_000 },
    );
    for (let n = 0; n <= 12_000; n += 7) {
      for (const s of [String(n), `${n}.`, `${n})`, `${n}:`, ` ${n}`, `${n} `, `(${n})`]) {
        expect(parseOrdinal(s), s).toStrictEqual(parseOrdinalByDefinition(s));
      }
    }
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

// splitHeading's quick refusal (a first character that cannot open a number) against the pattern alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headingOf, splitHeading } from '../../../core/read/heading.ts';
import { parseOrdinal } from '../../../core/text/ordinal.ts';

const PREFIX = /^\s*(\(?(?:[IVXLC]+(?:\.\d{1,3})*|\d{1,3}(?:\.\d{1,3})*|[a-zđ])\s*[.):]?)\s+(\S.*)$/su;

/** The definition: the pattern on the NFC text, the prefix an ordinal, punctuation after a bare number or letter. */
function definition(text: string): { tt: string; rest: string } | null {
  const m = PREFIX.exec(text.normalize('NFC'));
  if (!m) return null;
  const tt = m[1]!.replace(/\s+/g, '');
  const o = parseOrdinal(tt);
  if (!o) return null;
  if (o.style === 'letter' && o.trailing === '') return null;
  if (o.style === 'arabic' && o.trailing === '') return null;
  return { tt, rest: m[2]!.trim() };
}

// Spaces of every kind, what opens a number, what does not, and characters NFC changes (marks, the Kelvin sign).
const CHARS = [
  ' ',
  '\t',
  '\n',
  '\u00a0',
  '\u2000',
  '\u3000',
  '\ufeff',
  '(',
  ')',
  '.',
  ':',
  '1',
  '2',
  '0',
  'I',
  'V',
  'X',
  'L',
  'C',
  'a',
  'b',
  'đ',
  'Đ',
  'T',
  'K',
  'ễ',
  'e\u0302\u0303',
  '\u0301',
  '\u212a',
  '\u2160',
  'Xã hội số',
  'Rà soát',
];

describe('splitHeading', () => {
  it('answers what the pattern answers, whatever the first character', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CHARS), { maxLength: 10 }), (parts) => {
        const text = parts.join('');
        expect(splitHeading(text)).toEqual(definition(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('splits the headings real tables write', () => {
    expect(splitHeading('II. Xã hội số')).toEqual({ tt: 'II.', rest: 'Xã hội số' });
    expect(splitHeading('  a) Hạ tầng số')).toEqual({ tt: 'a)', rest: 'Hạ tầng số' });
    expect(splitHeading('Triển khai nền tảng số')).toBeNull();
    expect(headingOf('III.1 Nhóm ứng dụng')).toBe('subgroup');
  });
});

// core/validate/rules/text-scan.ts: the character scans answer exactly as the checks' own expressions do.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasWordArtifact } from '../../../../core/read/list-form.ts';
import { isDecomposed } from '../../../../core/text/normalize.ts';
import { isLetterAt, plainlyClean, styledEnds } from '../../../../core/validate/rules/text-scan.ts';
import { tidyWhitespace } from '../../../../core/validate/rules/text.ts';

/** Cell-like text: Vietnamese letters both composed and decomposed, spaces of every kind, brackets, formula starts. */
const PIECES = [
  'a',
  'Hóa',
  'hoá',
  'ho\u0300a',
  'thủy',
  'THUỶ',
  'của',
  'qua',
  'Đ',
  'ư\u0309',
  'x',
  '1',
  ' ',
  '  ',
  '\t',
  '\u00a0',
  '\u2028',
  '\u3000',
  '\n',
  ' \n',
  '\n\n',
  '\r\n',
  '–',
  '“',
  '₫',
  'Ω',
  '\u2126',
  '[bookmark: x]',
  '[',
  '{ PAGE }',
  '=',
  '@',
  '-',
  '+',
  '.',
  'ß',
  '\u0085',
  '日',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }).map((xs) => xs.join(''));
const anyText = fc.oneof(text, fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ maxLength: 12 }));

/** What the text checks would find in a cell, by their own definitions (formulaStart's trigger included). */
function checksFind(s: string): boolean {
  const t = s.trimStart();
  return hasWordArtifact(s) || isDecomposed(s) || tidyWhitespace(s) !== s || /^([=@]|[-+](?=[^\s\d+-]))/.test(t);
}

const STYLED_END = /[oòóõỏọuùúũủụ][aàáãảạeèéẽẻẹyỳýỹỷỵ](?!\p{L})/giu;

function endsByRegex(s: string): number[] {
  return [...s.matchAll(STYLED_END)].map((m) => m.index);
}

/** The scan's matches, or null when it leaves the text to the expression. */
function endsByScan(s: string): number[] | null {
  const out: number[] = [];
  return styledEnds(s, out) ? out : null;
}

describe('plainlyClean', () => {
  it('never passes a text any text check would report', () => {
    fc.assert(
      fc.property(anyText, (s) => !plainlyClean(s) || !checksFind(s)),
      { numRuns: 5000, seed: 20 },
    );
  });

  it('passes ordinary cells and sends the others to the checks', () => {
    expect(['Phòng Văn hóa - Xã hội', 'Quý III/2026', 'Dòng 1\nDòng 2', 'Văn phòng HĐND – UBND xã'].map(plainlyClean)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect([' a', 'a  b', 'a\u00a0b', '=SUM(A1)', '- Nội dung', 'ho\u0300a', '[bookmark: x]', ''].map(plainlyClean)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('styledEnds', () => {
  it('finds the tone-style expression’s matches in every text it accepts', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const ends = endsByScan(s);
        return ends === null || JSON.stringify(ends) === JSON.stringify(endsByRegex(s));
      }),
      { numRuns: 5000, seed: 21 },
    );
  });

  it('tells letters as \\p{L} does in known text (no surrogate pairs there)', () => {
    fc.assert(
      fc.property(anyText, (s) => endsByScan(s) === null || [...s].every((ch, i) => isLetterAt(s, i) === /\p{L}/u.test(ch))),
      { numRuns: 2000, seed: 22 },
    );
  });

  it('reads words ending in oa, oe, uy and refuses decomposed text', () => {
    expect(endsByScan('Số hóa, hoà giải, của, khỏe')).toEqual([4, 9, 19, 25]);
    expect(endsByScan('ho\u0300a')).toBe(null);
    expect(endsByScan('Văn hóa – Xã hội ₫')).toEqual([5]);
    expect(endsByScan('hoa')).toEqual([1]);
  });
});

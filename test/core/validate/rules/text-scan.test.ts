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

/** plainlyClean as it was first written, one character at a time: the definition the expression must keep. */
function cleanByLoop(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  const first = s.charCodeAt(0);
  if (first <= 0x20 || first === 0x3d || first === 0x40 || first === 0x2d || first === 0x2b) return false;
  if (s.charCodeAt(n - 1) <= 0x20) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x7f) {
      if (c === 0x20 || c === 0x0a) {
        const next = s.charCodeAt(i + 1);
        if (next === 0x20 || next === 0x0a) return false;
      } else if (c < 0x20 || c === 0x5b || c === 0x7b) return false;
      continue;
    }
    if (c <= 0xa0) return false;
    const known = c < 0x1f00 ? c <= 0x2ff || (c >= 0x1e00 && c <= 0x1eff) : isQuiet(c);
    if (!known) return false;
  }
  return true;
}

function isQuiet(c: number): boolean {
  return (c >= 0x2010 && c <= 0x206f && c !== 0x2028 && c !== 0x2029 && c !== 0x202f && c !== 0x205f) || c === 0x20ab;
}

describe('plainlyClean', () => {
  it('never passes a text any text check would report', () => {
    fc.assert(
      fc.property(anyText, (s) => !plainlyClean(s) || !checksFind(s)),
      { numRuns: 5000, seed: 20 },
    );
  });

  it('answers as the scan it replaced, character by character, on any UTF-16 text', () => {
    // Code units at the edges of what the scan knows, and any others.
    const EDGES = [
      0x09, 0x0a, 0x0d, 0x1f, 0x20, 0x2b, 0x2d, 0x3d, 0x40, 0x5a, 0x5b, 0x5c, 0x7a, 0x7b, 0x7c, 0x7e, 0x7f, 0x85, 0xa0, 0xa1, 0x2ff, 0x300,
      0x301, 0x1dff, 0x1e00, 0x1eff, 0x1f00, 0x200f, 0x2010, 0x2027, 0x2028, 0x2029, 0x202a, 0x202f, 0x2030, 0x205e, 0x205f, 0x2060, 0x206f,
      0x2070, 0x20aa, 0x20ab, 0x20ac, 0xd800, 0xdc00, 0xffff, 0x61, 0xf3, 0x1ea1,
    ];
    const unit = fc.oneof(fc.constantFrom(...EDGES), fc.integer({ min: 0, max: 0xffff }));
    const units = fc.array(unit, { maxLength: 8 }).map((xs) => String.fromCharCode(...xs));
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          units,
          fc.tuple(text, units, text).map((xs) => xs.join('')),
        ),
        (s) => {
          expect(plainlyClean(s)).toBe(cleanByLoop(s));
        },
      ),
      { numRuns: 10_000, seed: 21 },
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

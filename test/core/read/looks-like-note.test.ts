// looksLikeNote folds only the start of a long text: it must answer what folding the whole text answers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeNote } from '../../../core/read/classify-row.ts';
import { fold } from '../../../core/text/fold.ts';

const NOTE_RE = /^(ghi chu|luu y|chu thich|nguon|\*|\(\*\)|tm\b|t\/m\b|noi nhan|chu tich|pho chu tich|ki ten|nguoi lap)/;

/** The definition: the whole text folded. */
const byDefinition = (s: string) => NOTE_RE.test(fold(s)) || /^\(\*+\)|^\*/.test(s.trim());

describe('looksLikeNote', () => {
  it('answers what the whole text folded answers', () => {
    // Note openings, words that fold near them (ký/kỹ, TM/TMx), separators and marks, to cross the 48-character cut.
    const pieces = ['Ghi chú', 'Lưu ý', 'Chủ tịch', 'Phó chủ tịch', 'Ký tên', 'ký', 'KÝ', 'ky', 'TM', 'T/M', 'tmx', 'Nơi nhận'];
    const more = ['Người lập', 'nguồn', '(*)', '*', ' ', '  ', '.', ':', '-', '&', 'y', 'qu', 'bcd', 'Đ', '\u0301', '中', '😀'];
    const words = fc.constantFrom(...pieces, ...more, 'a', 'xây dựng', 'kế hoạch', '\n', '\t', '%', '/', '1');
    fc.assert(
      fc.property(fc.array(words, { maxLength: 40 }), (parts) => {
        const s = parts.join('');
        expect(looksLikeNote(s)).toBe(byDefinition(s));
      }),
      { numRuns: 5000 },
    );
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => looksLikeNote(s) === byDefinition(s)));
  });

  it('cuts near the 48th character without changing the answer', () => {
    for (let pad = 0; pad < 60; pad++) {
      for (const tail of ['ky', 'kyz', 'tm', 'tmx', 'Ghi chú', ' y', '&x']) {
        for (const head of ['', 'Ghi chú ', 'TM ', 'Ký ', '- ', '*** ', 'ky', 'k'.repeat(30)]) {
          const s = `${head}${' '.repeat(pad)}${tail}${'b'.repeat(pad % 7)}`;
          expect(looksLikeNote(s)).toBe(byDefinition(s));
        }
      }
    }
  });
});

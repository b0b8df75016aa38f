// core/validate/rules/duplicates-words.ts: each text's word ids spell fold(text)'s words, though only distinct written
// pieces are folded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordIds } from '../../../../core/validate/rules/duplicates-words.ts';
import { fold } from '../../../../core/text/fold.ts';

const spelled = (texts: string[]) => {
  const { ids, start, words } = wordIds(texts);
  return texts.map((_, t) => Array.from(ids.subarray(start[t]!, start[t + 1]!), (id) => words[id]!));
};
const folded = (text: string) =>
  fold(text)
    .split(' ')
    .filter((w) => w !== '');

describe('wordIds', () => {
  it('spells each text as fold does: punctuation, "&", đ, tone marks, a final y, line breaks, characters fold has no table for', () => {
    const texts = [
      'Triển khai hóa đơn điện tử (nhiệm vụ 17)',
      'Kỹ thuật & quý,Thủy lợi;quy hoạch\tĐẦU TƯ\nxây-dựng',
      'Tiếng Việt 中文 ΑΣ emoji 😀 quý/năm 50%',
      'Hoà  hòa Hòa\r\nhoà',
      '',
      '   ',
      'Triển khai hóa đơn điện tử (nhiệm vụ 18)',
    ];
    expect(spelled(texts)).toEqual(texts.map(folded));
    // The same word written two ways is one id.
    const { ids, start } = wordIds(['Hoà hòa']);
    expect(ids[start[0]!]).toBe(ids[start[0]! + 1]);
  });

  it('spells any table of texts as fold does (property)', () => {
    const pieces = [
      'Kỹ',
      'quý',
      'ky/nam',
      'Thủy',
      'đ',
      'Đ',
      '&',
      'A&B',
      '(n',
      '17)',
      '.',
      ',',
      '-',
      'ΑΣ',
      'σ',
      '中',
      '😀',
      'é',
      'e\u0301',
      'Y',
      'y',
      'qu',
      'hoà',
      '50%',
    ];
    const text = fc
      .array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(' ', '', '  ', '\t', '\n', '\r\n')), { maxLength: 12 })
      .map((parts) => parts.map(([p, sep]) => p + sep).join(''));
    fc.assert(
      fc.property(fc.array(fc.oneof(text, fc.string()), { maxLength: 20 }), (texts) => {
        expect(spelled(texts)).toEqual(texts.map(folded));
      }),
      { numRuns: 300 },
    );
  });
});

// textTones counts styled words by their last two letters: it must answer what styling each word found by the
// definition's expression answers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textTones } from '../../../core/validate/rules/text.ts';
import { toneStyleOf } from '../../../core/text/tone-style.ts';

const STYLED_END = /[oòóõỏọuùúũủụ][aàáãảạeèéẽẻẹyỳýỹỷỵ](?!\p{L})/giu;

/** The definition: each match's word (letters back from it), in the NFC text, styled by toneStyleOf. */
function byDefinition(raw: string) {
  const text = raw.normalize('NFC');
  let old = 0;
  let neu = 0;
  let oldWord: string | null = null;
  let newWord: string | null = null;
  for (const m of text.matchAll(STYLED_END)) {
    let start = m.index;
    while (start > 0 && /\p{L}/u.test(text[start - 1]!)) start--;
    const word = text.slice(start, m.index + 2);
    const style = toneStyleOf(word);
    if (style === 'old') {
      old++;
      oldWord ??= word;
    } else if (style === 'new') {
      neu++;
      newWord ??= word;
    }
  }
  return { old, neu, oldWord, newWord };
}

describe('textTones', () => {
  it('answers what styling each word of the definition answers', () => {
    const vowels = [...'oòóõỏọuùúũủụaàáãảạeèéẽẻẹyỳýỹỷỵ', ...'OÒÓÕỎỌUÙÚŨỦỤAÀÁÃẢẠEÈÉẼẺẸYỲÝỸỶỴ'];
    const other = [...'qQhkthnđĐôơưâêăiíìx', ' ', ',', '-', '\n', '1', '\u0301', '\u0300', '–', '中', 'ß', 'İ'];
    const words = ['hoà', 'hòa', 'thuỷ', 'thủy', 'quý', 'quỳ', 'khoẻ', 'khỏe', 'Hoá', 'HÓA', 'của', 'QUẢ', 'Thuỵ'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...vowels, ...other, ...words), { maxLength: 30 }), (parts) => {
        const s = parts.join('');
        expect(textTones(s)).toEqual(byDefinition(s));
      }),
      { numRuns: 20000 },
    );
  });

  it('counts the words of ordinary task text', () => {
    const s = 'Hoàn thiện quy hoạch thủy lợi, hoà giải; khỏe mạnh và khoẻ; quà của Thuỷ';
    expect(textTones(s)).toEqual(byDefinition(s));
    expect(textTones(s)).toEqual({ old: 2, neu: 3, oldWord: 'thủy', newWord: 'hoà' });
  });
});

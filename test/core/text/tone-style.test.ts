// Tone-mark placement: hòa/thủy (old) versus hoà/thuỷ (new), and words that do not tell.
import { describe, expect, it } from 'vitest';
import { toneStyleOf } from '../../../core/text/tone-style.ts';

describe('toneStyleOf', () => {
  it.each([
    ['hòa', 'old'],
    ['Hóa', 'old'],
    ['thủy', 'old'],
    ['Ủy', 'old'],
    ['khỏe', 'old'],
    ['tòa', 'old'],
    ['hoà', 'new'],
    ['HOÁ', 'new'],
    ['thuỷ', 'new'],
    ['uỷ', 'new'],
    ['khoẻ', 'new'],
    ['toà', 'new'],
  ] as const)('%s is %s', (word, style) => {
    expect(toneStyleOf(word)).toBe(style);
  });

  it('is null for words written one way only', () => {
    for (const w of ['hoàn', 'hoạch', 'quý', 'quỳ', 'hoa', 'thuy', 'mùa', 'của', 'người', 'xã', 'Nội', 'tuyên', 'khuyến', '']) {
      expect(toneStyleOf(w), w).toBeNull();
    }
  });

  it('reads decomposed (NFD) input the same', () => {
    expect(toneStyleOf('hoà'.normalize('NFD'))).toBe('new');
    expect(toneStyleOf('hòa'.normalize('NFD'))).toBe('old');
  });
});

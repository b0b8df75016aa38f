// The folding key: NFC, case, tone marks, đ→d, "&" ≡ "và", y ≡ i after a consonant; never for display.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, foldByRules, foldTight, sameFolded } from '../../../core/text/fold.ts';

describe('fold', () => {
  it.each([
    ['Phòng Văn hoá – Xã hội', 'phong van hoa xa hoi'],
    ['Phòng VH- XH xã', 'phong vh xh xa'],
    ['ĐẢNG ỦY', 'dang uy'],
    ['Kinh tế & Hạ tầng', 'kinh te va ha tang'],
    ['Quý III/2025', 'qui iii/2025'],
    ['kỹ thuật', 'ki thuat'],
    ['Thuỷ lợi', 'thuy loi'],
  ])('%s → %s', (input, key) => {
    expect(fold(input)).toBe(key);
  });

  it('folds NFC and NFD input alike, and hoà ≡ hòa, quý ≡ quí', () => {
    expect(fold('Hoà bình'.normalize('NFD'))).toBe(fold('Hòa bình'));
    expect(sameFolded('quý', 'quí')).toBe(true);
    expect(sameFolded('Ủy ban', 'uỷ ban')).toBe(true);
    expect(foldTight('Số  TT')).toBe('sott');
  });

  it('is idempotent and yields only a-z, digits, %, / and single spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const k = fold(s);
        return fold(k) === k && /^[a-z0-9%/]*(?: [a-z0-9%/]+)*$/.test(k);
      }),
    );
  });

  it('agrees for every Vietnamese letter with its base letter', () => {
    const letters = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ';
    for (const ch of letters) {
      const base = fold(ch);
      expect(base, ch).toMatch(/^[aeiouyd]$|^i$/);
      expect(fold(ch.toUpperCase()), ch).toBe(base);
    }
  });

  it('answers what the chain of normalizations answers, whatever the text (the per-character table and its fallback)', () => {
    const vietnamese = 'aàáảãạăằắẳẵặâầấẩẫậđĐeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ';
    const ascii = 'abcdefghijklmnopqrstuvwxyzQUYKY0123456789 &%/-–.,()\n\t';
    const alphabet = [
      ...vietnamese,
      ...vietnamese.toUpperCase(),
      ...ascii,
      '\u0301',
      '\u0323',
      '\u00a0',
      'ǅ',
      'æ',
      'ß',
      'İ',
      'Σ',
      '中',
      '😀',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (chars) => {
        const s = chars.join('');
        expect(fold(s)).toBe(foldByRules(s));
        expect(fold(s.normalize('NFD'))).toBe(foldByRules(s.normalize('NFD')));
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => {
        expect(fold(s)).toBe(foldByRules(s));
      }),
      { numRuns: 3000 },
    );
  });
});

// lex: folded words, digit runs and normalized separators.
import { describe, expect, it } from 'vitest';
import { lex } from '../../../core/deadline/lexer.ts';

describe('lex', () => {
  it('folds words, keeps numbers with their length, and maps separators', () => {
    expect(lex('Quý III /2025')).toEqual([
      { kind: 'word', value: 'qui' },
      { kind: 'word', value: 'iii' },
      { kind: 'sep', value: '/' },
      { kind: 'num', value: 2025, digits: 4 },
    ]);
    expect(lex('Tháng 07,8')).toEqual([
      { kind: 'word', value: 'thang' },
      { kind: 'num', value: 7, digits: 2 },
      { kind: 'sep', value: ',' },
      { kind: 'num', value: 8, digits: 1 },
    ]);
  });

  it('treats every dash as "-", ";" as ",", "&" as "và", and drops brackets', () => {
    expect(lex('2025 – 2026; (a) & b').map((t) => t.value)).toEqual([2025, '-', 2026, ',', 'a', 'va', 'b']);
    expect(lex('a\u2014b\u2212c').map((t) => t.value)).toEqual(['a', '-', 'b', '-', 'c']);
  });

  it('folds spelling variants alike (tones, đ, hàng/hằng, quý/quí/quy, NFD input)', () => {
    const words = (s: string) => lex(s).map((t) => t.value);
    expect(words('Hằng năm')).toEqual(words('hàng NĂM'));
    expect(words('Quý')).toEqual(words('Quí'));
    expect(words('Quý')).toEqual(words('Quy'));
    expect(words('Định kỳ'.normalize('NFD'))).toEqual(['dinh', 'ki']);
  });

  it('makes unreadable material a separator the grammar rejects, and never overflows on long digit runs', () => {
    expect(lex('年')).toEqual([{ kind: 'sep', value: '年' }]);
    const [big] = lex('99999999999999999999');
    expect(big).toMatchObject({ kind: 'num', digits: 20 });
    expect(Number.isNaN(big!.value)).toBe(true);
    expect(lex('   ')).toEqual([]);
  });
});

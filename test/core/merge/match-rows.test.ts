// matchRows and its parts: id, exact, same-TT and content tiers; the shingle index agrees with all pairs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendixKey, appendixKeys, matchRows } from '../../../core/merge/index.ts';
import { similarPairs } from '../../../core/merge/similar-pairs.ts';
import { shingle, similarity } from '../../../core/merge/similarity.ts';
import type { AppendixRow } from '../../../core/model/appendix.ts';
import { BASE, inserting, withCell } from './fixtures.ts';
import { appendixOf, planOf, type RowSpec } from './plan-of.ts';

const rows = (specs: RowSpec[], ids?: (string | undefined)[]): AppendixRow[] => appendixOf(specs, ids ? { ids } : {}).rows;
const pairs = (m: Map<number, number>) => [...m].sort((x, y) => x[0] - y[0]);

describe('similarity', () => {
  it('is word-bigram Dice, or containment for texts of four bigrams or more', () => {
    expect(shingle('Xây dựng kế hoạch').shingles).toEqual(['xay dung', 'dung ke', 'ke hoach']);
    expect(similarity(shingle('Tổ chức hội nghị tổng kết'), shingle('Tổ chức hội nghị sơ kết'))).toBeCloseTo(0.6);
    const short = shingle('Rà soát thủ tục hành chính cấp xã');
    expect(similarity(short, shingle('Rà soát thủ tục hành chính cấp xã, đề xuất cắt giảm thành phần hồ sơ'))).toBe(1);
    expect(similarity(shingle('Hội nghị'), shingle('Hội nghị tổng kết năm'))).toBeCloseTo(0.4);
    expect(similarity(shingle(''), short)).toBe(0);
  });

  it('finds the same pairs through the index as by comparing all pairs (property)', () => {
    const words = ['xây', 'dựng', 'kế', 'hoạch', 'số', 'hóa', 'dữ', 'liệu', 'phối', 'hợp', 'triển', 'khai', 'nền', 'tảng', 'xã'];
    const doc = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 10 }).map((w) => shingle(w.join(' ')));
    fc.assert(
      fc.property(fc.array(doc, { maxLength: 20 }), fc.array(doc, { maxLength: 20 }), fc.constantFrom(0.6, 0.8), (a, b, t) => {
        expect(similarPairs(a, b, t, { exhaustive: false })).toEqual(similarPairs(a, b, t, { exhaustive: true }));
      }),
      { numRuns: 300 },
    );
  });
});

describe('matchRows', () => {
  it('matches a re-read table to itself, row for row', () => {
    const r = rows(BASE);
    expect(pairs(matchRows(r, r))).toEqual(BASE.map((_, i) => [i, i]));
  });

  it('follows tasks through an insertion that renumbered them', () => {
    const after = inserting(withCell(withCell(withCell(BASE, 4, 'tt', 2), 5, 'tt', 3), 6, 'tt', 4), 4, [
      1,
      'Ban hành quy chế vận hành cổng thông tin điện tử',
    ]);
    expect(pairs(matchRows(rows(BASE), rows(after)))).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 5],
      [5, 6],
      [6, 7],
    ]);
  });

  it('matches an edited task by TT and similarity, and an edited renumbered task by similarity alone', () => {
    const edited = withCell(BASE, 2, 'content', 'Tuyên truyền về chuyển đổi số trên loa truyền thanh và trang thông tin điện tử của xã');
    expect(matchRows(rows(BASE), rows(edited)).get(2)).toBe(2);
    const moved = withCell(
      withCell(BASE, 6, 'tt', 7),
      6,
      'content',
      'Triển khai thanh toán không dùng tiền mặt cho các hộ kinh doanh, tiểu thương',
    );
    expect(matchRows(rows(BASE), rows(moved)).get(6)).toBe(6);
    const rewritten = withCell(BASE, 6, 'content', 'Mở lớp bình dân học vụ số');
    expect(matchRows(rows(BASE), rows(rewritten)).has(6)).toBe(false);
  });

  it('matches by id only when both rows have one', () => {
    const a = rows(
      BASE,
      BASE.map((_, i) => `t${i}`),
    );
    const b = rows(
      withCell(BASE, 5, 'content', 'Nội dung khác hẳn'),
      BASE.map((_, i) => (i === 6 ? 'x' : `t${i}`)),
    );
    const m = matchRows(a, b);
    expect(m.get(5)).toBe(5);
    expect(m.has(6)).toBe(false);
    // One side without ids: content decides.
    expect(pairs(matchRows(a, rows(BASE)))).toEqual(BASE.map((_, i) => [i, i]));
  });

  it('pairs identical texts in table order, preferring the same TT', () => {
    const same = 'Báo cáo kết quả thực hiện định kỳ';
    const base: RowSpec[] = [
      ['I', 'Nhóm 1'],
      [1, same, 'A'],
      [2, same, 'B'],
      [3, 'Khác', 'C'],
    ];
    const renumbered: RowSpec[] = [
      ['I', 'Nhóm 1'],
      [1, 'Mới'],
      [2, same, 'A'],
      [3, same, 'B'],
      [4, 'Khác', 'C'],
    ];
    expect(pairs(matchRows(rows(base), rows(renumbered)))).toEqual([
      [0, 0],
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
    const firstDeleted: RowSpec[] = [
      ['I', 'Nhóm 1'],
      [2, same, 'B'],
      [3, 'Khác', 'C'],
    ];
    expect(pairs(matchRows(rows(base), rows(firstDeleted)))).toEqual([
      [0, 0],
      [2, 1],
      [3, 2],
    ]);
  });

  it('matches each row at most once and never structural rows', () => {
    const a = rows([
      [1, 'Xây dựng kế hoạch'],
      [2, 'Xây dựng kế hoạch'],
    ]);
    const b = [
      ...rows([[1, 'Xây dựng kế hoạch']]),
      { kind: 'blank', tt: null, fields: {}, source: { sheet: 'PL II', row: 9, cells: {} } } as AppendixRow,
    ];
    expect(pairs(matchRows(a, b))).toEqual([[0, 0]]);
  });

  it('keeps up with large tables without comparing all pairs', () => {
    const specs: RowSpec[] = Array.from({ length: 3000 }, (_, i) => [
      i + 1,
      `Nhiệm vụ số ${i} về chuyển đổi số tại thôn ${i % 37} giai đoạn ${i % 11}`,
    ]);
    // Every task renumbered and edited: only the content tier can pair them, through the shingle index.
    const edited = specs.map(([tt, c]): RowSpec => [Number(tt) + 1, `${c} năm 2026`]);
    const m = matchRows(rows(specs), rows(edited));
    expect(m.size).toBe(3000);
    expect([...m].every(([i, j]) => i === j)).toBe(true);
  });
});

describe('appendixKey', () => {
  it('is the kind and folded sheet, numbered for a second table of a kind on one sheet', () => {
    const a = appendixOf([], { sheet: 'PL Ⅱ - Nhiệm vụ' });
    expect(appendixKey({ ...a, sheet: 'Phụ lục II' }, 0)).toBe('tasks:phu luc ii');
    expect(appendixKey({ ...a, sheet: 'Phụ lục II' }, 1)).toBe('tasks:phu luc ii#2');
    const plan = {
      appendices: [...planOf([]).appendices, ...planOf([]).appendices, { ...planOf([]).appendices[0]!, kind: 'indicators' as const }],
    };
    expect(appendixKeys(plan)).toEqual(['tasks:pl ii', 'tasks:pl ii#2', 'indicators:pl ii']);
  });
});

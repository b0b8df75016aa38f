// duplicate-task: near duplicates found without comparing all pairs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppendixRow } from '../../../core/model/appendix.ts';
import { findDuplicates } from '../../../core/validate/rules/duplicates.ts';

const row = (n: number, content: string): AppendixRow => ({ kind: 'task', tt: String(n), fields: { content }, source: { sheet: 'S', row: n, cells: {} } });

describe('findDuplicates', () => {
  it('pairs identical and near-identical tasks', () => {
    const rows = [
      row(1, 'Triển khai các nền tảng số quốc gia, nền tảng số dùng chung của các ngành, lĩnh vực, vùng theo quy định.'),
      row(2, 'Triển khai các nền tảng số quốc gia, nền tảng số dùng chung của ngành, lĩnh vực, vùng theo danh mục đã được các cơ quan trung ương ban hành bảo đảm hoạt động thống nhất, liên thông của các ngành, lĩnh vực, địa phương trên môi trường số.'),
      row(3, 'Xây dựng kế hoạch nâng cao năng lực số cho người dân vùng đồng bào dân tộc thiểu số và miền núi.'),
      row(4, 'Xây dựng Kế hoạch nâng cao năng lực số cho người dân vùng đồng bào dân tộc thiểu số và miền núi'),
      row(5, 'Phối hợp xây dựng Kế hoạch phát triển khoa học, công nghệ, đổi mới sáng tạo lĩnh vực công tác dân tộc, tôn giáo.'),
    ];
    expect(findDuplicates(rows).map(([a, b]) => [a.source.row, b.source.row])).toEqual([[1, 2], [3, 4]]);
  });

  it('finds a pair at exactly the threshold (4 of 5 word pairs shared)', () => {
    const rows = [row(1, 'kế hợp hóa dựng nền xây xây'), row(2, 'kế hợp hóa dựng nền triển'), row(3, 'xây dữ xây khai xây khai'), row(4, 'tảng xây hoạch xây dữ xây')];
    expect(findDuplicates(rows).map(([a, b]) => [a.source.row, b.source.row])).toEqual([[1, 2]]);
  });

  it('agrees with the all-pairs definition on random tables (property)', () => {
    const words = ['xây', 'dựng', 'kế', 'hoạch', 'số', 'hóa', 'dữ', 'liệu', 'phối', 'hợp', 'triển', 'khai', 'nền', 'tảng'];
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...words), { minLength: 6, maxLength: 12 }), { minLength: 2, maxLength: 25 }), (docs) => {
        const rows = docs.map((d, i) => row(i + 1, d.join(' ')));
        const fast = new Set(findDuplicates(rows).map(([a, b]) => `${a.source.row}-${b.source.row}`));
        const bigrams = (s: string) => { const w = s.split(' '); const out = new Set<string>(); for (let i = 0; i + 1 < w.length; i++) out.add(`${w[i]} ${w[i + 1]}`); return out; };
        const slow = new Set<string>();
        for (let i = 0; i < rows.length; i++) for (let j = i + 1; j < rows.length; j++) {
          const a = bigrams(rows[i]!.fields.content!); const b = bigrams(rows[j]!.fields.content!);
          const [s, l] = a.size <= b.size ? [a, b] : [b, a];
          let shared = 0; for (const x of s) if (l.has(x)) shared++;
          if (shared / s.size >= 0.8) slow.add(`${i + 1}-${j + 1}`);
        }
        expect(fast).toEqual(slow);
      }),
      { numRuns: 200 },
    );
  });

  it('finds every planted duplicate in a large table full of shared boilerplate', () => {
    // 1,500 tasks built from the same phrases (the shape that made a small posting cap lose 60% of true pairs),
    // with 30 tasks repeated later in the table under another number (so no rare word pair gives them away).
    const verbs = ['Triển khai', 'Xây dựng', 'Nâng cấp', 'Số hóa', 'Tuyên truyền về', 'Đào tạo về'];
    const things = ['nền tảng số dùng chung', 'cơ sở dữ liệu dân cư', 'hóa đơn điện tử', 'chữ ký số', 'bản đồ số'];
    const places = ['tại bộ phận một cửa', 'tại các thôn, khu dân cư', 'trong trường học', 'tại trạm y tế'];
    const who = ['ưu tiên công chức', 'ưu tiên học sinh', 'cho người cao tuổi', 'cho hộ kinh doanh'];
    const rows: AppendixRow[] = [];
    for (let i = 0; i < 1500; i++) {
      const text = `${verbs[i % 6]} ${things[(i >> 1) % 5]} ${places[(i >> 2) % 4]}, ${who[(i >> 3) % 4]} (nhiệm vụ ${i + 1}, đợt ${i % 97})`;
      rows.push(row(i + 1, text));
    }
    const planted = Array.from({ length: 30 }, (_, k) => 17 + k * 41);
    for (const [k, src] of planted.entries()) rows.push(row(1501 + k, rows[src - 1]!.fields.content!.replace(`nhiệm vụ ${src},`, `nhiệm vụ ${1501 + k},`)));
    const found = new Set(findDuplicates(rows).map(([a, b]) => `${a.source.row}-${b.source.row}`));
    for (const [k, src] of planted.entries()) expect(found.has(`${src}-${1501 + k}`)).toBe(true);
  });
});

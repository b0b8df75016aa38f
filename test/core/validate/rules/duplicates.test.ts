// core/validate/rules/duplicates.ts: duplicate-task on small sheets (the exact list), and the near duplicates behind
// it, found without comparing all pairs and confirmed as the same task (not the same template).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppendixRow } from '../../../../core/model/appendix.ts';
import { gridFromValues } from '../../../../core/model/grid.ts';
import { findDuplicates, findSimilar } from '../../../../core/validate/rules/duplicates.ts';
import { check, H, issuesOf, task, TEXTS } from './sheet.ts';
import { row, similarByAllPairs } from './similar-pairs.ts';

const pairs = (rows: AppendixRow[]) => findDuplicates(rows).map(([a, b]) => [a.source.row, b.source.row]);

describe('duplicate-task', () => {
  it('a task written again, with a word added or word for word: reported at the later copy, against each earlier one', () => {
    const { found, issues } = check([
      gridFromValues('S', [
        H,
        task(1, TEXTS[0]),
        task(2, TEXTS[1]),
        task(3, 'Tổ chức tuyên truyền về chuyển đổi số trên hệ thống truyền thanh của xã'),
        task(4, TEXTS[0]),
      ]),
    ]);
    expect(found).toEqual([
      ['B4', 'duplicate-task', 'warning'],
      ['B5', 'duplicate-task', 'warning'],
      ['B5', 'duplicate-task', 'warning'],
    ]);
    expect(issues.map((i) => i.params)).toEqual([
      { otherRow: 2, similarity: 0.92 },
      { otherRow: 2, similarity: 1 },
      { otherRow: 4, similarity: 0.92 },
    ]);
  });

  it('one template for different sectors, and the same indicator in two milestones, are not duplicates', () => {
    expect(
      issuesOf([
        H,
        task(1, 'Triển khai ứng dụng công nghệ thông tin và chuyển đổi số trong lĩnh vực giáo dục'),
        task(2, 'Triển khai ứng dụng công nghệ thông tin và chuyển đổi số trong lĩnh vực y tế'),
      ]),
    ).toEqual([]);
    expect(
      issuesOf([
        ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Kết quả', 'Cơ quan chủ trì theo dõi, đánh giá'],
        ['I', 'Đến năm 2025'],
        [1, 'Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình', '%', '80', 'Công an xã'],
        ['II', 'Đến năm 2030'],
        [2, 'Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình', '%', '95', 'Công an xã'],
      ]),
    ).toEqual([]);
  });
});

describe('findDuplicates', () => {
  it('pairs identical and near-identical tasks, not a short task contained in a longer one', () => {
    const rows = [
      row(1, 'Triển khai các nền tảng số quốc gia, nền tảng số dùng chung của các ngành, lĩnh vực, vùng theo quy định.'),
      row(
        2,
        'Triển khai các nền tảng số quốc gia, nền tảng số dùng chung của ngành, lĩnh vực, vùng theo danh mục đã được các cơ quan trung ương ban hành bảo đảm hoạt động thống nhất, liên thông của các ngành, lĩnh vực, địa phương trên môi trường số.',
      ),
      row(3, 'Xây dựng kế hoạch nâng cao năng lực số cho người dân vùng đồng bào dân tộc thiểu số và miền núi.'),
      row(4, 'Xây dựng Kế hoạch nâng cao năng lực số cho người dân vùng đồng bào dân tộc thiểu số và miền núi'),
      row(5, 'Phối hợp xây dựng Kế hoạch phát triển khoa học, công nghệ, đổi mới sáng tạo lĩnh vực công tác dân tộc, tôn giáo.'),
    ];
    // Rows 1 and 2 (quang-son rows 28-29) share the first 17 words, but row 1 ends "theo quy định" where row 2 goes on
    // "theo danh mục đã được các cơ quan trung ương ban hành …": 22 content words of its own, not a word added.
    expect(pairs(rows)).toEqual([[3, 4]]);
    expect(findSimilar(rows).map(([a, b]) => [a.source.row, b.source.row])).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('finds a pair at exactly the threshold (4 of 5 word pairs shared)', () => {
    const rows = [
      row(1, 'kế hợp hóa dựng nền xây xây'),
      row(2, 'kế hợp hóa dựng nền triển'),
      row(3, 'xây dữ xây khai xây khai'),
      row(4, 'tảng xây hoạch xây dữ xây'),
    ];
    expect(findSimilar(rows).map(([a, b]) => [a.source.row, b.source.row])).toEqual([[1, 2]]);
    // Candidates, not duplicates: "xây xây" in one against "triển" in the other are content words on both sides.
    expect(pairs(rows)).toEqual([]);
  });

  it('finds the same task pasted again with a typo, tone marks, spacing, a word added, small words or a new number', () => {
    const base = 'Xây dựng kế hoạch nâng cao năng lực số cho người dân vùng đồng bào dân tộc thiểu số và miền núi trên địa bàn xã';
    const copies = [
      'Xây dựng kế hoạch nâng cao năng lực số cho người dân vùng đồng bào dân tộc thiểu sô và miền núi trên địa bàn xã.', // a tone mark lost
      'Xây dựng kế hoạch nâng cao năng lưc số cho người dân vùng đồng bào dân tộc thiểu số và miền núi trên đia bàn xã', // two marks lost
      'Xây dựng kế hoạch nâng cao nănng lực số cho người dân vùng đồng bào dân tộc thiểu số và miền núi trên địa bàn xã', // a typo
      'Xây dựng kế hoạch nâng cao năng lực số cho người dân vùng đồng bào dân tộc thiểu số và miền núi trên địabàn xã', // a space lost
      'Xây dựng kế hoạch nâng cao năng lực số cho người dân vùng đồng bào dân tộc thiểu số và miền núi trên địa bàn toàn xã', // a word added
      'Xây dựng kế hoạch nâng cao năng lực số cho các người dân vùng đồng bào các dân tộc thiểu số và miền núi ở địa bàn xã', // small words
      'Xây dựng  Kế hoạch nâng cao năng lực số cho người dân vùng đồng bào dân tộc thiểu số và miền núi trên địa bàn xã (đợt 2)', // a number
      'Xây dựng kế hoạch nâng cao năng lực số cho người dân vùng đồng bào dân tộc thiểu số, miền núi trên địa bàn xã', // "và" dropped
      'Xây dựng kế hoạch nâng cao năng lực số cho người dân vùng đồng bào dân tộc thiểu số và miền núi trên địa bàn xã', // identical
    ];
    for (const copy of copies) expect(pairs([row(1, base), row(2, copy)])).toEqual([[1, 2]]);
  });

  it('does not pair parallel tasks built from one template for different sectors, objects or places', () => {
    const cases: [string, string][] = [
      [
        'Triển khai ứng dụng công nghệ thông tin và chuyển đổi số trong lĩnh vực giáo dục',
        'Triển khai ứng dụng công nghệ thông tin và chuyển đổi số trong lĩnh vực y tế',
      ],
      ['Xây dựng cơ sở dữ liệu chuyên ngành về đất đai', 'Xây dựng cơ sở dữ liệu chuyên ngành về dân cư'],
      ['Tổ chức tập huấn kỹ năng số cho cán bộ, công chức tại thôn Đông', 'Tổ chức tập huấn kỹ năng số cho cán bộ, công chức tại thôn Tây'],
      [
        'Phối hợp với Sở Tài chính rà soát danh mục dự án đầu tư công năm sau',
        'Phối hợp với Bộ Tài chính rà soát danh mục dự án đầu tư công năm sau',
      ],
    ];
    for (const [a, b] of cases) {
      expect(findSimilar([row(1, a), row(2, b)])).toHaveLength(1); // they do overlap enough to be candidates
      expect(pairs([row(1, a), row(2, b)])).toEqual([]);
    }
  });

  it('does not pair a short task with a longer one that contains it', () => {
    const short = 'Quản lý, vận hành, kết nối, chia sẻ và khai thác Hệ thống thông tin và cơ sở dữ liệu quốc gia về quy hoạch.';
    const long =
      'Bố trí nhân lực đảm bảo đủ năng lực để quản lý, vận hành, kết nối, chia sẻ và khai thác Hệ thống thông tin và cơ sở dữ liệu quốc gia về quy hoạch.';
    const longer =
      'Quản lý, vận hành, kết nối, chia sẻ và khai thác Hệ thống thông tin và cơ sở dữ liệu quốc gia về quy hoạch bảo đảm hoạt động thông suốt, liên tục.';
    expect(pairs([row(1, short), row(2, long)])).toEqual([]);
    expect(pairs([row(1, short), row(2, longer)])).toEqual([]);
  });

  it('finds no duplicate in hcm-2820 rows 18-23 and 29/32 (one template, different plans and scopes)', () => {
    const hcm = [
      [
        18,
        'Thu thập, biên tập, xây dựng cơ sở dữ liệu hồ sơ quy hoạch (cơ sở dữ liệu về quy hoạch) quy hoạch tỉnh, trên nền tảng công nghệ ứng dụng hệ thống thông tin địa lý để cập nhật vào Hệ thống theo quy định.',
      ],
      [
        19,
        'Thu thập, biên tập, xây dựng cơ sở dữ liệu hồ sơ quy hoạch (cơ sở dữ liệu về quy hoạch) quy hoạch chung, quy hoạch phân khu trên nền tảng công nghệ ứng dụng hệ thống thông tin địa lý để cập nhật vào Hệ thống theo quy định.',
      ],
      [
        20,
        'Thu thập, biên tập, tạo lập các văn bản điện tử của cơ sở dữ liệu hồ sơ quy hoạch (cơ sở dữ liệu về quy hoạch) sử dụng đất cấp xã hoặc cấp phường đang có hiệu lực (chuyển tiếp) thuộc phạm vi quản lý của các địa phương theo quy định để cập nhật vào Hệ thống theo quy định.',
      ],
      [
        21,
        'Đồng bộ hoá cơ sở dữ liệu hồ sơ quy hoạch (cơ sở dữ liệu về quy hoạch) đảm bảo thống nhất trên toàn quốc trên cơ sở chuẩn hóa trên nền tảng công nghệ ứng dụng hệ thống thông tin địa lý.',
      ],
      [
        22,
        'Thu thập, biên tập, xây dựng cơ sở dữ liệu hồ sơ quy hoạch (cơ sở dữ liệu về quy hoạch) sử dụng đất cấp xã hoặc cấp phường đang có hiệu lực (chuyển tiếp) thuộc phạm vi quản lý của các địa phương đã được chuẩn hóa trên nền tảng công nghệ ứng dụng hệ thống thông tin địa lý để cập nhật vào Hệ thống theo quy định.',
      ],
      [
        23,
        'Thu thập, biên tập, xây dựng cơ sở dữ liệu hồ sơ quy hoạch (cơ sở dữ liệu về quy hoạch) còn lại đang có hiệu lực (bao gồm cả cơ sở dữ liệu hồ sơ quy hoạch có tính chất kỹ thuật, chuyên ngành) thuộc phạm vi quản lý của các sở, ngành, địa phương trên nền tảng công nghệ ứng dụng hệ thống thông tin địa lý để cập nhật vào Hệ thống theo quy định.',
      ],
      [
        29,
        'Bố trí nhân lực đảm bảo đủ năng lực để thực hiện nhiệm vụ xây dựng, thu thập, xử lý, đồng bộ dữ liệu, cập nhật Hệ thống thông tin và cơ sở dữ liệu quốc gia về quy hoạch.\nBố trí nhân lực đảm bảo đủ năng lực để quản lý, vận hành, kết nối, chia sẻ và khai thác Hệ thống thông tin và cơ sở dữ liệu quốc gia về quy hoạch.',
      ],
      [32, 'Quản lý, vận hành, quy hoạch, kết nối, chia sẻ và khai thác Hệ thống thông tin và cơ sở dữ liệu quốc gia về quy hoạch.'],
    ] as const;
    const rows = hcm.map(([n, text]) => row(n, text));
    expect(findSimilar(rows).length).toBeGreaterThan(0); // the candidates the old rule reported
    expect(pairs(rows)).toEqual([]);
  });

  it('finds candidates exactly as the all-pairs containment definition does, on random tables (property)', () => {
    const words = ['xây', 'dựng', 'kế', 'hoạch', 'số', 'hóa', 'dữ', 'liệu', 'phối', 'hợp', 'triển', 'khai', 'nền', 'tảng'];
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...words), { minLength: 6, maxLength: 12 }), { minLength: 2, maxLength: 25 }),
        (docs) => {
          const rows = docs.map((d, i) => row(i + 1, d.join(' ')));
          const fast = new Set(findSimilar(rows).map(([a, b]) => `${a.source.row}-${b.source.row}`));
          const bigrams = (s: string) => {
            const w = s.split(' ');
            const out = new Set<string>();
            for (let i = 0; i + 1 < w.length; i++) out.add(`${w[i]} ${w[i + 1]}`);
            return out;
          };
          const slow = new Set<string>();
          for (let i = 0; i < rows.length; i++)
            for (let j = i + 1; j < rows.length; j++) {
              const a = bigrams(rows[i]!.fields.content!);
              const b = bigrams(rows[j]!.fields.content!);
              const [s, l] = a.size <= b.size ? [a, b] : [b, a];
              let shared = 0;
              for (const x of s) if (l.has(x)) shared++;
              if (shared / s.size >= 0.8) slow.add(`${i + 1}-${j + 1}`);
            }
          expect(fast).toEqual(slow);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('finds candidates and their containment exactly as all pairs do: empty and short texts, repeated words, sizes far apart (property)', () => {
    // Prefix filtering is exact only if every bound is right: texts from none to 40 words (a short one, under six
    // words, is one "pair" that only an identical short text shares), few words (many repeats, many overlaps, sizes
    // from 1 to 39 pairs), a long text made of copies of a shorter one, and thresholds that land on whole counts.
    const words = ['ke', 'hoach', 'so', 'hoa', 'du', 'lieu', 'xay', 'dung'];
    const text = fc.array(fc.constantFrom(...words), { minLength: 0, maxLength: 40 }).map((w) => w.join(' '));
    const table = fc.array(
      fc.oneof(
        { weight: 4, arbitrary: text },
        {
          weight: 1,
          arbitrary: fc.tuple(text, fc.integer({ min: 0, max: 3 })).map(([t, n]) =>
            Array(n + 1)
              .fill(t)
              .join(' '),
          ),
        },
      ),
      { minLength: 2, maxLength: 30 },
    );
    fc.assert(
      fc.property(table, fc.constantFrom(0.5, 0.75, 0.8, 0.9, 1), (docs, threshold) => {
        const rows = docs.map((d, i) => row(i + 1, d));
        const fast = findSimilar(rows, threshold).map(([a, b, sim]) => [a.source.row, b.source.row, sim]);
        expect(fast).toEqual(similarByAllPairs(docs, threshold));
      }),
      { numRuns: 300 },
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
    for (const [k, src] of planted.entries())
      rows.push(row(1501 + k, rows[src - 1]!.fields.content!.replace(`nhiệm vụ ${src},`, `nhiệm vụ ${1501 + k},`)));
    const found = new Set(findDuplicates(rows).map(([a, b]) => `${a.source.row}-${b.source.row}`));
    for (const [k, src] of planted.entries()) expect(found.has(`${src}-${1501 + k}`)).toBe(true);
  });

  it('pairs only the planted copies when the rest of a large table is one template with different details', () => {
    const verbs = ['Triển khai', 'Xây dựng', 'Nâng cấp', 'Số hóa', 'Tuyên truyền về', 'Đào tạo về'];
    const things = ['nền tảng số dùng chung', 'cơ sở dữ liệu dân cư', 'hóa đơn điện tử', 'chữ ký số', 'bản đồ số'];
    const places = ['thôn Đông', 'thôn Tây', 'khu Bắc', 'xóm Mới', 'chợ trung tâm', 'trường tiểu học', 'trạm y tế', 'nhà văn hóa'];
    const who = ['công chức', 'học sinh', 'người cao tuổi', 'hộ kinh doanh', 'đoàn viên', 'phụ nữ', 'nông dân'];
    const rows: AppendixRow[] = [];
    // 6·5·8·7 = 1,680 distinct tasks: every pair differs in a verb, an object, a place or the people it serves.
    for (let i = 0; i < 1680; i++) {
      rows.push(
        row(
          i + 1,
          `${verbs[i % 6]} ${things[Math.floor(i / 6) % 5]} tại ${places[Math.floor(i / 30) % 8]}, ưu tiên ${who[Math.floor(i / 240) % 7]} trên địa bàn xã`,
        ),
      );
    }
    rows.push(row(1681, rows[99]!.fields.content!.replace('trên địa bàn', 'trên  địa bàn toàn')));
    rows.push(row(1682, rows[499]!.fields.content!.toLowerCase().replace('ưu tiên', 'ưu tien')));
    expect(findSimilar(rows).length).toBeGreaterThan(1000); // one template: thousands of candidates
    expect(pairs(rows)).toEqual([
      [100, 1681],
      [500, 1682],
    ]);
  });

  it('a text repeated on more than 1,024 rows is boilerplate: no pairs, where a few copies are all paired', () => {
    // A crafted sheet of 4,950 rows holding one value was 12 million pairs and ran a reader out of memory.
    const many = Array.from({ length: 1100 }, (_, i) => row(i + 1, 'Họp giao ban'));
    expect(findSimilar(many)).toEqual([]);
    const few = Array.from({ length: 3 }, (_, i) => row(i + 1, 'Họp giao ban'));
    expect(findSimilar(few).map(([a, b, sim]) => [a.source.row, b.source.row, sim])).toEqual([
      [1, 2, 1],
      [1, 3, 1],
      [2, 3, 1],
    ]);
  });
});

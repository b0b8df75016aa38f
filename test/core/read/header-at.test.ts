// headerCandidateAt (labels in reused arrays, cheap rejections first) against the definition it replaced: each row's
// labels as a Map, every block and sub-header built in full, then judged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ColumnRole } from '../../../core/model/appendix.ts';
import { gridFromValues, type CellValue, type Merge } from '../../../core/model/grid.ts';
import { headerCandidateAt, isIdHeader } from '../../../core/read/find-tables.ts';
import { roleOfLabel } from '../../../core/read/header-roles.ts';
import { textGrid, type TextGrid } from '../../../core/read/text-grid.ts';
import { fold } from '../../../core/text/fold.ts';

interface Candidate {
  rows: number[];
  labels: Map<number, string>;
  idCol?: number;
}

const MAX_LABEL = 120;
const PLAN_ROLES = new Set<ColumnRole>(['tt', 'content', 'lead', 'partners', 'deadline', 'result', 'head']);
const SUB_LABELS = ['chu tri', 'phoi hop', 'bat dau', 'hoan thanh', 'ket thuc', 'nam', 'quy', 'thang', 'ngay', 'dat'];
const SUB_LABELS_MORE = ['khong dat', 'chua dat', 'tong so'];

function definition(tg: TextGrid, r: number): Candidate | null {
  const labels = new Map<number, string>();
  let idCol: number | undefined;
  for (let c = 1; c <= tg.cols; c++) {
    const s = tg.text(r, c).trim();
    if (s === '') continue;
    if (isIdHeader(s)) {
      idCol ??= c;
      continue;
    }
    if (s.length > MAX_LABEL) return null;
    labels.set(c, s);
  }
  if (labels.size < 2) return null;
  for (const block of [...columnBlocks(tg, r, labels), labels]) {
    const cand = fromLabels(tg, r, block);
    if (cand) return idCol === undefined ? cand : { ...cand, idCol };
  }
  return null;
}

function columnBlocks(tg: TextGrid, r: number, labels: Map<number, string>): Map<number, string>[] {
  const runs: Map<number, string>[] = [];
  let current = new Map<number, string>();
  const cols = [...labels.keys()].sort((a, b) => a - b);
  for (let i = 0; i < cols.length; i++) {
    const c = cols[i]!;
    const prev = cols[i - 1];
    if (prev !== undefined) {
      let gap = false;
      for (let g = prev + 1; g < c; g++) if (tg.coveredBy(r, g) === null) gap = true;
      if (gap) {
        runs.push(current);
        current = new Map();
      }
    }
    current.set(c, labels.get(c)!);
  }
  runs.push(current);
  if (runs.length < 2) return [];
  const hasRole = (run: Map<number, string>) => {
    const roles = [...run.values()].map((l) => roleOfLabel(l));
    return roles.some((x) => x !== null) && !roles.includes('content');
  };
  const at = runs.findIndex((run) => [...run.values()].some((l) => roleOfLabel(l) === 'content'));
  if (at < 0) return [];
  let lo = at;
  let hi = at;
  while (lo > 0 && hasRole(runs[lo - 1]!)) lo--;
  while (hi < runs.length - 1 && hasRole(runs[hi + 1]!)) hi++;
  if (lo === 0 && hi === runs.length - 1) return [];
  return [new Map(runs.slice(lo, hi + 1).flatMap((run) => [...run.entries()]))];
}

function rolesOf(labels: Map<number, string>): Set<ColumnRole> {
  const roles = new Set<ColumnRole>();
  for (const l of labels.values()) {
    const role = roleOfLabel(l);
    if (role) roles.add(role);
  }
  return roles;
}

function fromLabels(tg: TextGrid, r: number, labels: Map<number, string>): Candidate | null {
  const roles = rolesOf(labels);
  if (roles.size < 1) return null;
  const below = subHeaderBelow(tg, r, labels);
  const rows = [r];
  let combined = labels;
  if (below) {
    combined = below;
    rows.push(r + 1);
  }
  const finalRoles = combined === labels ? roles : rolesOf(combined);
  if (!finalRoles.has('content')) return null;
  const others = [...finalRoles].filter((x) => x !== 'content' && x !== 'tt').length;
  if (others < 2 && !(finalRoles.has('tt') && others >= 1)) return null;
  const recognized = [...combined.values()].filter((l) => roleOfLabel(l) !== null || isNumberingLabel(l)).length;
  const planRoles = new Set<ColumnRole>();
  for (const l of combined.values()) {
    const role = roleOfLabel(l);
    if (role && PLAN_ROLES.has(role) && l.length <= 60) planRoles.add(role);
  }
  if (recognized / combined.size < 0.6 && planRoles.size < 4) return null;
  const numbering = rows[rows.length - 1]! + 1;
  if (numbering <= tg.rows && isNumberingRow(tg, numbering)) rows.push(numbering);
  return { rows, labels: combined };
}

function subHeaderBelow(tg: TextGrid, r: number, parent: Map<number, string>): Map<number, string> | null {
  if (r + 1 > tg.rows) return null;
  const child = new Map<number, string>();
  const lo = Math.min(...parent.keys());
  let hi = Math.max(...parent.keys());
  for (const m of tg.grid.merges) if (m.top === r && m.left === hi && m.right > hi) hi = m.right;
  for (let c = lo; c <= Math.min(hi, tg.cols); c++) {
    const s = tg.text(r + 1, c).trim();
    if (s === '') continue;
    if (s.length > MAX_LABEL) return null;
    child.set(c, s);
  }
  if (child.size === 0) return null;
  for (const [c, s] of child) {
    const m = tg.coveredBy(r, c);
    const underMerge = m !== null && m.top === r && m.bottom === r;
    const underMergeLeft = parent.has(c) && tg.grid.merges.some((x) => x.top === r && x.left === c && x.right > c);
    if (!(underMerge || underMergeLeft || parent.get(c) === undefined)) return null;
    if (roleOfLabel(s) === null && !isSubLabel(s)) return null;
  }
  const combined = new Map(parent);
  for (const [c, s] of child) {
    const m = tg.coveredBy(r, c);
    const parentLabel = m ? tg.text(m.top, m.left).trim() : (parent.get(c) ?? '');
    combined.set(c, parentLabel && roleOfLabel(s) === null ? `${parentLabel} ${s}` : s);
  }
  return combined;
}

function isSubLabel(s: string): boolean {
  const f = fold(s);
  return [...SUB_LABELS, ...SUB_LABELS_MORE].some((p) => f === p || f.startsWith(`${p} `));
}

function isNumberingLabel(s: string): boolean {
  return /^\(?\s*\d{1,2}\s*\)?$/.test(s.trim()) || /^\(\s*[a-z]\s*\)$/i.test(s.trim());
}

function isNumberingRow(tg: TextGrid, r: number): boolean {
  let n = 0;
  for (let c = 1; c <= tg.cols; c++) {
    const s = tg.text(r, c).trim();
    if (s === '') continue;
    const m = /^\(\s*(\d{1,2})\s*\)(?:\s*=.*)?$|^(\d{1,2})$/.exec(s);
    if (!m) return false;
    if (m[2] !== undefined && Number(m[2]) !== n + 1) return false;
    n++;
  }
  return n >= 3;
}

/** A candidate as plain data, labels in column order (the Map's insertion order is not part of the answer). */
function plain(c: Candidate | null) {
  if (!c) return null;
  return { rows: c.rows, labels: [...c.labels].sort((a, b) => a[0] - b[0]), idCol: c.idCol };
}

// Cells that make headers, sub-headers, numbering rows, body rows and the traps between them.
const CELLS: CellValue[] = [
  null,
  '',
  '  ',
  'TT',
  'STT',
  'Nội dung',
  'Nội dung nhiệm vụ',
  'Nhiệm vụ',
  'Cơ quan chủ trì',
  'Chủ trì',
  'Phối hợp',
  'Cơ quan phối hợp',
  'Cơ quan thực hiện',
  'Kết quả/sản phẩm',
  'Thời gian hoàn thành',
  'Thời gian',
  'Bắt đầu',
  'Hoàn thành',
  'Năm 2026',
  'Đạt',
  'Ghi chú',
  'Chỉ tiêu',
  'Đơn vị tính',
  'Người đứng đầu',
  'Người xử lý',
  'Mã nhiệm vụ',
  'phuluc-id',
  ' Phuluc-ID ',
  '(1)',
  '(2)',
  '(3) = (1) + (2)',
  '1',
  '2',
  '3',
  '4',
  'a',
  '(a)',
  12,
  123,
  'Phòng Kinh tế',
  'Báo cáo kết quả',
  'Quý III/2025',
  ' Triển khai nhiệm vụ chuyển đổi số ',
  'Triển khai nền tảng số dùng chung cho thôn Đông và thôn Tây trên địa bàn xã (nhiệm vụ 12)',
  `${'Nội dung rất dài '.repeat(8)}`,
  'PHỤ LỤC I',
];

const HEADER_CELLS: CellValue[] = [
  null,
  'TT',
  'Nội dung',
  'Nhiệm vụ',
  'Cơ quan chủ trì',
  'Cơ quan thực hiện',
  'Phối hợp',
  'Thời gian',
  'Kết quả/sản phẩm',
  'Người đứng đầu',
  'Người xử lý',
  'Đơn vị tính',
  'Chỉ tiêu',
  'phuluc-id',
  '1',
  // Labels longer than a short label (60 characters) that still name a role.
  'Nội dung nhiệm vụ, giải pháp trọng tâm triển khai thực hiện trong giai đoạn 2026 - 2030 (chi tiết)',
  'Cơ quan, đơn vị chủ trì tham mưu, tổ chức thực hiện và chịu trách nhiệm báo cáo kết quả',
  'Thời gian hoàn thành dự kiến (ghi rõ tháng, quý hoặc năm hoàn thành nhiệm vụ được giao)',
];
const SUB_CELLS: CellValue[] = [
  null,
  null,
  'Chủ trì',
  'Phối hợp',
  'Bắt đầu',
  'Hoàn thành',
  'Năm 2026',
  'Đạt',
  'Người xử lý',
  'Kết quả',
  12,
];

/** One row, or two: a header row and the sub-labels under its empty cells (now and then under a labelled one). */
function rows(cols: number): fc.Arbitrary<CellValue[][]> {
  const of = (cells: CellValue[]) => fc.array(fc.constantFrom(...cells), { minLength: cols, maxLength: cols });
  const numbering = fc.tuple(fc.constantFrom('(n)', 'n', 'n+1'), fc.option(fc.integer({ min: 0, max: cols - 1 }))).map(([style, blank]) =>
    Array.from({ length: cols }, (_, i): CellValue => {
      if (i === blank) return null;
      return style === '(n)' ? `(${i + 1})` : String(i + (style === 'n' ? 1 : 2));
    }),
  );
  const twoRows = fc
    .tuple(of([...HEADER_CELLS, null, null, null]), of(SUB_CELLS), fc.array(fc.boolean(), { minLength: cols, maxLength: cols }))
    .map(([parent, child, stray]) => [parent, child.map((s, i) => (parent[i] === null || stray[i] ? s : null))]);
  return fc.oneof(
    { arbitrary: of(CELLS).map((r) => [r]), weight: 2 },
    { arbitrary: of(HEADER_CELLS).map((r) => [r]), weight: 2 },
    { arbitrary: of(SUB_CELLS).map((r) => [r]), weight: 1 },
    { arbitrary: numbering.map((r) => [r]), weight: 1 },
    { arbitrary: twoRows, weight: 3 },
  );
}

const gridArb = fc
  .record({
    cols: fc.integer({ min: 1, max: 12 }),
    parts: fc.integer({ min: 1, max: 4 }),
  })
  .chain(({ cols, parts }) =>
    fc.record({
      values: fc.array(rows(cols), { minLength: parts, maxLength: parts }).map((p) => p.flat()),
      merges: fc.array(
        fc
          .record({
            top: fc.integer({ min: 1, max: parts * 2 }),
            left: fc.integer({ min: 1, max: cols }),
            height: fc.constantFrom(0, 0, 0, 1),
            width: fc.integer({ min: 0, max: 3 }),
          })
          .map((m): Merge => ({ top: m.top, left: m.left, bottom: m.top + m.height, right: m.left + m.width })),
        { maxLength: 4 },
      ),
    }),
  );

describe('headerCandidateAt', () => {
  it('answers what the definition answers, on every row of small grids with merges', () => {
    fc.assert(
      fc.property(gridArb, ({ values, merges }) => {
        const tg = textGrid(gridFromValues('S', values, merges));
        for (let r = 1; r <= tg.rows; r++) expect(plain(headerCandidateAt(tg, r))).toEqual(plain(definition(tg, r)));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the headers the generator makes, with their sub-header and numbering rows', () => {
    const tg = textGrid(
      gridFromValues(
        'S',
        [
          ['TT', 'Nội dung', 'Cơ quan thực hiện', null, 'Thời gian', null, 'Người xử lý'],
          [null, null, 'Chủ trì', 'Phối hợp', 'Bắt đầu', 'Hoàn thành', null],
          ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)'],
          [1, 'Rà soát', 'Phòng Kinh tế', 'Công an xã', '2025', '2026', 'An'],
        ],
        [
          { top: 1, left: 3, bottom: 1, right: 4 },
          { top: 1, left: 5, bottom: 1, right: 6 },
        ],
      ),
    );
    const found = plain(headerCandidateAt(tg, 1));
    expect(found).toEqual(plain(definition(tg, 1)));
    expect(found?.rows).toEqual([1, 2, 3]);
    expect(headerCandidateAt(tg, 4)).toBeNull();
  });

  it('takes a numbering row of two-digit numbers under a wide header', () => {
    const labels = ['TT', 'Nội dung', 'Chủ trì', 'Phối hợp', 'Thời gian', 'Kết quả', 'Ghi chú'];
    const header = [...labels, ...Array.from({ length: 5 }, (_, i) => `Năm ${2026 + i}`)];
    const numbers = header.map((_, i) => String(i + 1));
    const tg = textGrid(gridFromValues('S', [header, numbers, [1, 'Rà soát', 'Phòng Kinh tế']]));
    expect(headerCandidateAt(tg, 1)?.rows).toEqual([1, 2]);
  });
});

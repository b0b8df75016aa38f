// Header layouts as offices write them: synonyms, case, accents, line breaks, column order, offsets, title lines,
// numbering rows, extra and id columns, headers repeated after page breaks. The table and its columns are still found.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnLetter } from '../../core/model/index.ts';
import { PlanSchema, type ColumnRole } from '../../core/model/index.ts';
import type { CellValue } from '../../core/model/index.ts';
import { gridFromValues, type Grid } from '../../core/model/index.ts';
import { encodeLegacy } from '../../core/text/index.ts';
import { readPlan } from '../../core/read/index.ts';
import { fuzz } from './support/fuzz.ts';

const SYNONYMS: Partial<Record<ColumnRole, string[]>> = {
  tt: ['TT', 'STT', 'Số TT', 'Số\nthứ tự'],
  content: ['Nội dung', 'Tên nhiệm vụ', 'Nội dung công việc', 'Nhiệm vụ', 'NỘI DUNG NHIỆM VỤ'],
  lead: ['Cơ quan chủ trì', 'Cơ quan chủ trì tham mưu/ thực hiện', 'Đơn vị chủ trì thực hiện', 'Chủ trì'],
  partners: ['Cơ quan phối hợp', 'Đơn vị\nphối hợp'],
  result: ['Kết quả', 'Sản phẩm', 'Kết quả/sản phẩm', 'Sản phẩm đầu ra'],
  deadline: ['Thời gian hoàn thành', 'Thời hạn', 'Thời gian thực hiện', 'Tiến độ'],
  note: ['Ghi chú'],
};
const OPTIONAL: ColumnRole[] = ['partners', 'result', 'deadline', 'note'];
const stripAccents = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');

const layoutArb = fc.record({
  optional: fc.subarray(OPTIONAL, { minLength: 1 }),
  order: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
  pick: fc.array(fc.nat(10), { minLength: 8, maxLength: 8 }),
  noise: fc.array(fc.record({ upper: fc.boolean(), accents: fc.boolean(), pad: fc.constantFrom('', ' ', '  ', '\n') }), {
    minLength: 8,
    maxLength: 8,
  }),
  titleLines: fc.nat(6),
  colOffset: fc.nat(3),
  numbering: fc.boolean(),
  idColumn: fc.boolean(),
  tasks: fc.integer({ min: 1, max: 25 }),
  repeatEvery: fc.option(fc.integer({ min: 3, max: 10 }), { nil: undefined }),
  /** Every cell written in a legacy encoding, with (or without) its font. */
  legacy: fc.option(fc.record({ encoding: fc.constantFrom('tcvn3' as const, 'vni' as const), font: fc.boolean() }), { nil: undefined }),
});
type Layout = typeof layoutArb extends fc.Arbitrary<infer T> ? T : never;

/** The sheet a layout describes, and where each role's column ends up. */
function build(l: Layout): { values: CellValue[][]; columns: Map<ColumnRole, number>; header: number } {
  const roles: ColumnRole[] = ['tt', 'content', 'lead', ...l.optional];
  // Shuffle everything but TT, which stays first as in every real appendix.
  const rest = roles
    .slice(1)
    .map((r, i) => ({ r, k: l.order[i]! }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.r);
  const ordered: ColumnRole[] = ['tt', ...rest];
  const labels = ordered.map((role, i) => {
    const options = SYNONYMS[role]!;
    const n = l.noise[i]!;
    let s = options[l.pick[i]! % options.length]!;
    if (!n.accents) s = stripAccents(s);
    if (n.upper) s = s.toUpperCase();
    return `${n.pad}${s}${n.pad}`;
  });
  const pad = Array<CellValue>(l.colOffset).fill(null);
  const values: CellValue[][] = [];
  for (let i = 0; i < l.titleLines; i++) values.push([...pad, i === 0 ? 'PHỤ LỤC I' : `Dòng tiêu đề ${i}`]);
  const headerRow = [...pad, ...labels, ...(l.idColumn ? [null, 'phuluc-id'] : [])];
  values.push(headerRow);
  const header = values.length;
  if (l.numbering) values.push([...pad, ...ordered.map((_, i) => `(${i + 1})`)]);
  values.push([...pad, ...ordered.map((role) => (role === 'tt' ? 'I' : role === 'content' ? 'Nhóm nhiệm vụ chuyển đổi số' : null))]);
  for (let t = 1; t <= l.tasks; t++) {
    if (l.repeatEvery && t % l.repeatEvery === 0) values.push([...pad, ...labels]);
    values.push([...pad, ...ordered.map((role) => cellFor(role, t))]);
  }
  return { values, columns: new Map(ordered.map((role, i) => [role, l.colOffset + i + 1])), header };
}

function cellFor(role: ColumnRole, t: number): CellValue {
  switch (role) {
    case 'tt':
      return t;
    case 'content':
      return `Triển khai nhiệm vụ chuyển đổi số thứ ${t} trên địa bàn xã`;
    case 'lead':
      return 'Văn phòng HĐND và UBND';
    case 'partners':
      return 'Công an xã';
    case 'result':
      return `Báo cáo số ${t}`;
    case 'deadline':
      return 'Quý IV/2026';
    default:
      return `Ghi chú ${t}`;
  }
}

/** The sheet as an old office has it: every string in TCVN3 or VNI bytes, with the matching font or none. */
function legacyGrid(values: CellValue[][], o: { encoding: 'tcvn3' | 'vni'; font: boolean }): Grid {
  const g = gridFromValues('Phụ lục', values);
  const font = o.encoding === 'tcvn3' ? '.VnTime' : 'VNI-Times';
  g.rows = g.rows.map((r) =>
    r.map((c) => (c && typeof c.v === 'string' ? { v: encodeLegacy(c.v, { encoding: o.encoding }), ...(o.font ? { font } : {}) } : c)),
  );
  return g;
}

describe('header layouts', () => {
  it('find the one table, map every role to its column, and read every task with its content and lead', () => {
    fc.assert(
      fc.property(layoutArb, (l) => {
        const { values, columns, header } = build(l);
        const { plan } = readPlan([l.legacy ? legacyGrid(values, l.legacy) : gridFromValues('Phụ lục', values)]);
        expect(PlanSchema.safeParse(plan).success).toBe(true);
        // Without the font, a short column is too little evidence to decode (core/text/legacy/detect.ts), and "Ghi chó"
        // is a fine Unicode word: such a sheet only has to be read without harm.
        if (l.legacy && !l.legacy.font) return;
        expect(plan.appendices).toHaveLength(1);
        const a = plan.appendices[0]!;
        expect(a.header.rows[0]).toBe(header);
        for (const [role, col] of columns) expect(a.columns[role], role).toBe(columnLetter(col));
        const tasks = a.rows.filter((r) => r.kind === 'task');
        expect(tasks.map((r) => r.tt)).toEqual(Array.from({ length: l.tasks }, (_, i) => String(i + 1)));
        for (const [i, r] of tasks.entries()) {
          expect(r.fields.content).toBe(cellFor('content', i + 1));
          expect(r.fields.lead).toBe('Văn phòng HĐND và UBND');
        }
        if (l.repeatEvery && l.tasks >= l.repeatEvery) expect(a.rows.some((r) => r.kind === 'repeated-header')).toBe(true);
      }),
      fuzz(0x5703, 200),
    );
  });
});

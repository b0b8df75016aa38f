// Incremental push validation gives the same stored summary as a full validation: over seeded random edit sequences
// (tasks, groups and indicators added, removed, edited and moved; tables added and dropped; the plan's reference
// changed), each revision's summary from the cache equals summarize() on the whole plan, warm cache and cold.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPlan } from '../../../cli/load-plan.ts';
import type { AppendixRow, Plan } from '../../../core/model/index.ts';
import { planTexts } from '../../../server/sync/canonical.ts';
import { clearSummaryCache, incrementalSummary, summaryCacheCounts } from '../../../server/sync/summary-cache.ts';
import { summarize } from '../../../server/sync/summary.ts';
import { fixture } from '../../support/paths.ts';

let start: Plan;

beforeAll(async () => {
  // Three tables: Quảng Sơn's indicators and tasks, and Cẩm Giàng's tasks.
  const qs = (await loadPlan(fixture('quang-son-phu-luc.xlsx'))).plan;
  const cg = (await loadPlan(fixture('cam-giang-phu-luc.xlsx'))).plan;
  start = { ...qs, appendices: [...qs.appendices, ...cg.appendices] };
});

type Edit = (plan: Plan) => Plan;

/** Change the rows of appendix `a` (modulo the count) through `f`. */
const onRows =
  (a: number, f: (rows: AppendixRow[]) => AppendixRow[]): Edit =>
  (plan) => {
    if (plan.appendices.length === 0) return plan;
    const i = a % plan.appendices.length;
    return { ...plan, appendices: plan.appendices.map((x, j) => (j === i ? { ...x, rows: f(x.rows) } : x)) };
  };
const at = (rows: AppendixRow[], r: number) => (rows.length === 0 ? -1 : r % rows.length);

// Texts an official might type: empty, a phrase already in the plan, a lead, a deadline, a target.
const TEXT = fc.constantFrom(
  '',
  'Sở Khoa học và Công nghệ',
  'UBND xã; Các phòng, ban',
  'Quý IV/2026',
  'Tháng 13/2026',
  '≥ 70%',
  'Triển khai ứng dụng chữ ký số trong toàn bộ cơ quan',
  'Hoàn thành',
);
const ROLE = fc.constantFrom('content', 'lead', 'partners', 'deadline', 'result', 'target', 'unit');

const edit: fc.Arbitrary<Edit> = fc.oneof(
  // Edit one cell of a row (a task, a group heading, an indicator).
  fc.tuple(fc.nat(), fc.nat(), ROLE, TEXT).map(([a, r, role, text]) =>
    onRows(a, (rows) => {
      const i = at(rows, r);
      return i < 0 ? rows : rows.map((x, j) => (j === i ? { ...x, fields: { ...x.fields, [role]: text } } : x));
    }),
  ),
  // Remove a row.
  fc.tuple(fc.nat(), fc.nat()).map(([a, r]) => onRows(a, (rows) => rows.filter((_, j) => j !== at(rows, r)))),
  // Copy a row elsewhere (a new task, a duplicate, a second group with the same number).
  fc.tuple(fc.nat(), fc.nat(), fc.nat()).map(([a, r, to]) =>
    onRows(a, (rows) => {
      const i = at(rows, r);
      if (i < 0) return rows;
      const out = [...rows];
      out.splice(to % (rows.length + 1), 0, { ...rows[i]!, id: `t-new-${r}-${to}` });
      return out;
    }),
  ),
  // Move a row.
  fc.tuple(fc.nat(), fc.nat(), fc.nat()).map(([a, r, to]) =>
    onRows(a, (rows) => {
      const i = at(rows, r);
      if (i < 0) return rows;
      const out = rows.filter((_, j) => j !== i);
      out.splice(to % (out.length + 1), 0, rows[i]!);
      return out;
    }),
  ),
  // Drop a table, or add one back from the starting plan.
  fc
    .nat()
    .map((a): Edit => (plan) => ({ ...plan, appendices: plan.appendices.filter((_, j) => j !== a % Math.max(1, plan.appendices.length)) })),
  fc.nat().map((a): Edit => (plan) => ({ ...plan, appendices: [...plan.appendices, start.appendices[a % start.appendices.length]!] })),
  // The plan's own reference: another year or period changes what deadlines are judged against, in every table.
  fc
    .constantFrom(2025, 2026, 2030)
    .map((year): Edit => (plan) => ({ ...plan, reference: { ...plan.reference, year, period: { from: year, to: year + 4 } } })),
);

describe('incrementalSummary', () => {
  it('equals summarize() on every revision of random edit sequences', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), fc.boolean(), (edits, cold) => {
        if (cold) clearSummaryCache();
        let plan = start;
        for (const e of edits) {
          plan = e(plan);
          expect(incrementalSummary(plan, planTexts(plan))).toEqual(summarize(plan));
        }
      }),
      { numRuns: 40, seed: 20 },
    );
  }, 240_000);

  it('validates only the tables that changed', () => {
    clearSummaryCache();
    const first = incrementalSummary(start, planTexts(start));
    expect(summaryCacheCounts()).toEqual({ hits: 0, validated: 3 });
    // One task's lead edited in the last table: the other two tables' counts are reused.
    const edited = onRows(2, (rows) => rows.map((r) => (r.kind === 'task' ? { ...r, fields: { ...r.fields, lead: 'Các sở, ngành' } } : r)))(
      start,
    );
    const second = incrementalSummary(edited, planTexts(edited));
    expect(summaryCacheCounts()).toEqual({ hits: 2, validated: 4 });
    expect({ first, second }).toEqual({ first: summarize(start), second: summarize(edited) });
    expect(second).not.toEqual(first);
  });
});

// Hand-built plans for consolidation tests: groups of tasks (and indicator sections) without going through the reader.
import type { ConsolidateInput } from '../../../core/consolidate/index.ts';
import { findCommune } from '../../../core/dvhc.ts';
import type { AppendixRow, ColumnRole, Plan } from '../../../core/model/appendix.ts';
import { intToRoman } from '../../../core/text/ordinal.ts';

export type Fields = Partial<Record<ColumnRole, string>>;

export interface GroupSpec {
  heading: string;
  /** TT of the group row; the group's position as a Roman number when left out. */
  tt?: string | null;
  tasks: Fields[];
}

export interface PlanSpec {
  groups: GroupSpec[];
  indicators?: { heading: string; items: Fields[] }[];
  year?: number;
}

function appendixRows(
  sheet: string,
  sections: { heading: string; tt: string | null; items: Fields[] }[],
  kind: 'task' | 'indicator',
): AppendixRow[] {
  const rows: AppendixRow[] = [];
  let r = 2;
  for (const s of sections) {
    rows.push({ kind: 'group', tt: s.tt, fields: { content: s.heading }, source: { sheet, row: r++, cells: {} } });
    s.items.forEach((fields, i) => {
      const row: AppendixRow = { kind, tt: String(i + 1), fields, source: { sheet, row: r++, cells: {} } };
      if (s.tt !== null) row.group = s.tt;
      rows.push(row);
    });
  }
  return rows;
}

/**
 * A plan with one tasks appendix (and an indicators appendix when given).
 * @example planOf({ groups: [{ heading: 'Hạ tầng', tasks: [{ content: 'Lắp wifi', lead: 'Công an xã' }] }] })
 */
export function planOf(spec: PlanSpec): Plan {
  const title = { lines: [], reference: {} };
  const header = { rows: [1], labels: {} };
  const tasks = spec.groups.map((g, i) => ({ heading: g.heading, tt: g.tt === undefined ? intToRoman(i + 1) : g.tt, items: g.tasks }));
  const plan: Plan = {
    appendices: [
      { kind: 'tasks', sheet: 'Nhiệm vụ', range: 'A1:F99', title, header, columns: {}, rows: appendixRows('Nhiệm vụ', tasks, 'task') },
    ],
  };
  if (spec.indicators) {
    const sections = spec.indicators.map((s, i) => ({ heading: s.heading, tt: intToRoman(i + 1), items: s.items }));
    plan.appendices.push({
      kind: 'indicators',
      sheet: 'Chỉ tiêu',
      range: 'A1:E99',
      title,
      header,
      columns: {},
      rows: appendixRows('Chỉ tiêu', sections, 'indicator'),
    });
  }
  if (spec.year !== undefined) plan.reference = { period: { from: spec.year, to: spec.year } };
  return plan;
}

/**
 * A consolidation input for the commune with this GSO code.
 * @example inputOf('10903', { groups: [] }) // Xã Cẩm Giàng, revision 1
 */
export function inputOf(code: string, spec: PlanSpec, revision = 1): ConsolidateInput {
  const commune = findCommune(code);
  if (!commune) throw new Error(`no commune ${code}`);
  return { commune, planKey: `kh-${code}`, revision, plan: planOf(spec) };
}

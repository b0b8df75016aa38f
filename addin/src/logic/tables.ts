// The tables the pane can act on, from the last read plan: where each starts, ends and which column holds what.
import { columnNumber, parseA1 } from '../../../core/model/index.ts';
import type { Appendix, AppendixKind, ColumnRole, Plan } from '../../../core/model/index.ts';

export interface TableTarget {
  /** Position in plan.appendices (the key the pane's pickers use). */
  index: number;
  kind: AppendixKind;
  sheet: string;
  range: string;
  columns: Partial<Record<ColumnRole, string>>;
  /** 1-based first and last column numbers of the table. */
  firstCol: number;
  lastCol: number;
  /** Last header row; the body starts below it. */
  headerLastRow: number;
  /** Last Excel row of the table. */
  endRow: number;
  /** Rows that are tasks or indicators. */
  items: number;
  appendix: Appendix;
}

/**
 * Every table of a plan as a target; list-form "tables" (no columns) are left out: nothing can be written into them.
 * @example tableTargets(plan).map((t) => `${t.sheet}!${t.range}`)
 */
export function tableTargets(plan: Plan | null): TableTarget[] {
  if (!plan) return [];
  const out: TableTarget[] = [];
  plan.appendices.forEach((a, index) => {
    const [tl, br] = a.range.split(':');
    const top = parseA1(tl ?? '');
    const bottom = parseA1(br ?? tl ?? '');
    if (!top || !bottom || Object.keys(a.columns).length === 0) return;
    const letters = Object.values(a.columns).filter((l): l is string => typeof l === 'string');
    const cols = letters.map(columnNumber);
    out.push({
      index,
      kind: a.kind,
      sheet: a.sheet,
      range: a.range,
      columns: a.columns,
      firstCol: Math.min(top.col, ...cols),
      lastCol: Math.max(bottom.col, ...cols),
      headerLastRow: a.header.rows.length > 0 ? Math.max(...a.header.rows) : top.row,
      endRow: bottom.row,
      items: a.rows.filter((r) => r.kind === 'task' || r.kind === 'indicator').length,
      appendix: a,
    });
  });
  return out;
}

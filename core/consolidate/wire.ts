// One plan's consolidated rows as compact JSON text, to cross from the read worker that works them out to the thread
// that merges them: arrays instead of keyed objects, no commune, plan key or revision (the receiver adds its own).
import { groupByNumber, OTHER_GROUP, type GroupRef } from './groups.ts';
import type { TaskStatus } from './status.ts';
import type { ConsolidatedIndicator, ConsolidatedRow, RowOrigin } from './types.ts';

/** What one plan's rows cross threads as: JSON text of task arrays, indicator arrays and numbers per task. */
export type RowsWire = string;

/** A row's source when its wire left sources out (a caller that never shows them): no sheet, row 0, no cells. */
export const NO_SOURCE: ConsolidatedRow['source'] = Object.freeze({ sheet: '', row: 0, cells: Object.freeze({}) });

type TaskArray = [
  ConsolidatedRow['source'] | 0,
  number,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string | null,
  TaskStatus,
  string,
];
type IndicatorArray = [ConsolidatedIndicator['source'] | 0, string, string, string, string, string, string];

/**
 * A plan's rows (commune, plan key and revision left out) and, optionally, one number per task (the row height the
 * worker measured), as JSON text. `sources: false` leaves out where each row came from (a third of the text, two
 * objects a row to parse): rowsFromWire then gives NO_SOURCE.
 * @example const wire = rowsToWire(rows, indicators, heights)
 */
export function rowsToWire(
  rows: readonly ConsolidatedRow[],
  indicators: readonly ConsolidatedIndicator[],
  perTask?: number[],
  sources = true,
): RowsWire {
  const t = rows.map((r): TaskArray => [
    sources ? r.source : 0,
    r.group.number,
    r.groupHeading,
    r.tt,
    r.content,
    r.lead,
    r.leadCanonical,
    r.partners,
    r.result,
    r.deadline,
    r.dueDate,
    r.status,
    r.statusText,
  ]);
  const i = indicators.map((x): IndicatorArray => [sources ? x.source : 0, x.groupHeading, x.tt, x.content, x.unit, x.target, x.monitor]);
  return JSON.stringify({ t, i, n: perTask ?? [] });
}

function groupOf(n: number): GroupRef {
  const g = n === 0 ? OTHER_GROUP : groupByNumber(n);
  if (!g) throw new RangeError(`rowsFromWire: no group ${n}`);
  return g;
}

/**
 * The rows rowsToWire wrote, each with `origin`'s commune, plan key and revision: the same objects, keys in the same
 * order, as planRows gives (consolidate()'s rows).
 * @example const { rows, indicators, perTask } = rowsFromWire(wire, { communeCode, communeName, planKey, revision: 0 })
 */
export function rowsFromWire(
  wire: RowsWire,
  origin: Omit<RowOrigin, 'source'>,
): { rows: ConsolidatedRow[]; indicators: ConsolidatedIndicator[]; perTask: number[] } {
  const { t, i, n } = JSON.parse(wire) as { t: TaskArray[]; i: IndicatorArray[]; n: number[] };
  const { communeCode, communeName, planKey, revision } = origin;
  const rows = t.map((a): ConsolidatedRow => ({
    communeCode,
    communeName,
    planKey,
    revision,
    source: a[0] === 0 ? NO_SOURCE : a[0],
    group: groupOf(a[1]),
    groupHeading: a[2],
    tt: a[3],
    content: a[4],
    lead: a[5],
    leadCanonical: a[6],
    partners: a[7],
    result: a[8],
    deadline: a[9],
    dueDate: a[10],
    status: a[11],
    statusText: a[12],
  }));
  const indicators = i.map((a): ConsolidatedIndicator => ({
    communeCode,
    communeName,
    planKey,
    revision,
    source: a[0] === 0 ? NO_SOURCE : a[0],
    groupHeading: a[1],
    tt: a[2],
    content: a[3],
    unit: a[4],
    target: a[5],
    monitor: a[6],
  }));
  return { rows, indicators, perTask: n };
}

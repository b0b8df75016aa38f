// Item rows: the tasks and headings that merge, diff and ids work on (structural rows never take part).
import type { AppendixRow, RowKind } from '../model/appendix.ts';

/** Continuations are already joined into their task; repeated headers and blanks carry no content of their own. */
const ITEM_KINDS: ReadonlySet<RowKind> = new Set<RowKind>(['group', 'subgroup', 'task', 'indicator', 'note']);

/**
 * Whether a row is an item (group, subgroup, task, indicator or note).
 * @example isItemRow({ kind: 'blank', tt: null, fields: {}, source: { sheet: 'S', row: 9, cells: {} } }) // false
 */
export function isItemRow(row: AppendixRow): boolean {
  return ITEM_KINDS.has(row.kind);
}

/**
 * The item rows of a table, in order.
 * @example itemRows(appendix.rows).every(isItemRow) // true
 */
export function itemRows(rows: readonly AppendixRow[]): AppendixRow[] {
  return rows.filter(isItemRow);
}

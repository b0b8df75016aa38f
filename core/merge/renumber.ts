// After a merge in which both sides renumbered tasks differently, number the merged table again in its own scheme.
import type { AppendixRow } from '../model/appendix.ts';
import { formatOrdinal, parseOrdinal } from '../text/ordinal.ts';
import { numberingScheme } from '../validate/rules/numbering.ts';

/**
 * Whether two TTs are both plain task numbers ("3", "4.", "1.2"): a disagreement between them is arithmetic
 * (each side inserted or removed other tasks), not a choice a person must make.
 * @example isTaskNumber('4.') // true
 */
export function isTaskNumber(tt: string | null): boolean {
  const o = tt === null ? null : parseOrdinal(tt);
  return o !== null && (o.style === 'arabic' || o.style === 'hierarchical');
}

/**
 * Renumber the Arabic task numbers of merged rows 1, 2, 3… continuously or restarting in each group (and
 * subgroup), as the table itself does; the written style (trailing dot) of each number is kept. Returns new rows.
 * @example renumberTasks(rows).map((r) => r.tt)
 */
export function renumberTasks(rows: AppendixRow[]): AppendixRow[] {
  const { scheme, subScheme } = numberingScheme(rows);
  let n = 0;
  return rows.map((row) => {
    if (row.kind === 'group' && scheme === 'per-group') n = 0;
    if (row.kind === 'subgroup' && subScheme === 'per-group') n = 0;
    // A TT shared through a merged cell belongs to the task above: it is not a number of its own.
    if ((row.kind !== 'task' && row.kind !== 'indicator') || row.shared?.includes('tt')) return row;
    const o = row.tt === null ? null : parseOrdinal(row.tt);
    if (!o || o.style !== 'arabic') return row;
    n++;
    if (o.value === n) return row;
    const tt = formatOrdinal(o, n);
    const out: AppendixRow = { ...row, tt, ordinal: parseOrdinal(tt) };
    if (row.fields.tt !== undefined) out.fields = { ...row.fields, tt };
    return out;
  });
}

// A row's values as merge and diff see them: `tt` plus every role of `fields`, an empty cell meaning absent.
import { COLUMN_ROLES, type AppendixRow, type ColumnRole } from '../model/appendix.ts';
import { normalizeText } from '../text/normalize.ts';

/**
 * The text of a field ('tt' is the row's TT), null when absent or blank.
 * @example fieldValue(row, 'lead') // 'Công an xã'
 */
export function fieldValue(row: AppendixRow | null, field: ColumnRole): string | null {
  const v = field === 'tt' ? row?.tt : row?.fields[field];
  return v === undefined || v === null || normalizeText(v) === '' ? null : v;
}

/**
 * 'tt', then every other role any of the rows fills, in column-role order.
 * @example fieldNames(base, theirs, mine) // ['tt', 'content', 'lead', 'deadline']
 */
export function fieldNames(...rows: (AppendixRow | null)[]): ColumnRole[] {
  const present = new Set<string>();
  for (const r of rows) if (r) for (const k of Object.keys(r.fields)) present.add(k);
  return ['tt', ...COLUMN_ROLES.filter((f) => f !== 'tt' && present.has(f))];
}

/**
 * Whether two cell texts are the same once stored alike (NFC, spaces, dashes): an edit must change more than that.
 * @example sameText('Quý III/2025 ', 'Quý III/2025') // true
 */
export function sameText(a: string | null, b: string | null): boolean {
  return normalizeText(a ?? '') === normalizeText(b ?? '');
}

/**
 * Whether any cell other than TT differs: renumbering after an insertion elsewhere is not an edit of the task.
 * @example editedBesidesTt(base, theirs) // true when theirs changed the lead agency
 */
export function editedBesidesTt(before: AppendixRow, after: AppendixRow): boolean {
  return fieldNames(before, after).some((f) => f !== 'tt' && !sameText(fieldValue(before, f), fieldValue(after, f)));
}

/**
 * Copy one field from `source` into `target` (a row of our own), with what is derived from it:
 * the ordinal with the TT, the parsed deadline with the deadline text, the legacy encoding of the cell.
 * @example takeField(merged, 'deadline', mine)
 */
export function takeField(target: AppendixRow, field: ColumnRole, source: AppendixRow): void {
  if (field === 'tt') {
    target.tt = source.tt;
    assign(target, 'ordinal', source.ordinal);
    assign(target.fields, 'tt', source.fields.tt);
  } else {
    assign(target.fields, field, source.fields[field]);
    if (field === 'deadline') assign(target, 'deadline', source.deadline);
  }
  const enc = source.encoding?.[field];
  if (enc !== undefined) target.encoding = { ...target.encoding, [field]: enc };
  else if (target.encoding?.[field] !== undefined) {
    const { [field]: _dropped, ...rest } = target.encoding;
    if (Object.keys(rest).length > 0) target.encoding = rest;
    else delete target.encoding;
  }
}

function assign<T extends object, K extends keyof T>(obj: T, key: K, value: T[K] | undefined): void {
  if (value === undefined) delete obj[key];
  else obj[key] = structuredClone(value);
}

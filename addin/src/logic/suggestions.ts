// Suggestions for a task row's empty fields: taken from the most similar tasks of the plan and from the agency
// catalog; a deadline not in canonical form gets its canonical spelling. The user confirms each before it is written.
import { DEFAULT_CATALOG } from '../../../core/agencies.ts';
import { formatDeadline, isCanonical } from '../../../core/deadline.ts';
import type { Patch, PatchValue } from '../../../core/fix/index.ts';
import type { AppendixRow } from '../../../core/model/index.ts';
import { fold } from '../../../core/text/index.ts';
import type { TableTarget } from './tables.ts';

export type SuggestRole = 'lead' | 'partners' | 'result' | 'deadline';
export const SUGGEST_ROLES: readonly SuggestRole[] = ['lead', 'partners', 'deadline', 'result'];

export type Reason =
  { kind: 'similar'; row: number; similarity: number } | { kind: 'catalog' } | { kind: 'canonical' } | { kind: 'standard' };

export interface FieldSuggestion {
  role: SuggestRole;
  /** A1 cell of the field in the row. */
  cell: string;
  /** What the cell holds now ('' when empty). */
  current: string;
  options: { value: string; reason: Reason }[];
}

const MIN_SIMILARITY = 0.2;
const MAX_OPTIONS = 4;

/** Whether a task row has something to suggest: an empty field the table has a column for, or a non-canonical deadline. */
function needsHelp(target: TableTarget, row: AppendixRow): boolean {
  if (row.kind !== 'task') return false;
  for (const role of SUGGEST_ROLES) if (target.columns[role] && !(row.fields[role] ?? '').trim()) return true;
  const d = row.fields.deadline;
  return (
    d !== undefined &&
    row.deadline !== undefined &&
    row.deadline.kind !== 'unparsed' &&
    row.deadline.kind !== 'conditional' &&
    !isCanonical(d)
  );
}

/**
 * Task rows of a table with an empty field (or a deadline to rewrite), in sheet order.
 * @example rowsToComplete(table).map((r) => r.source.row)
 */
export function rowsToComplete(target: TableTarget): AppendixRow[] {
  return target.appendix.rows.filter((r) => needsHelp(target, r));
}

function words(text: string): Set<string> {
  return new Set(
    fold(text)
      .split(' ')
      .filter((w) => w.length > 1),
  );
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / (a.size + b.size - common);
}

/** Catalog agencies the task's own text names ("… Công an xã chủ trì …"), in catalog order. */
function namedAgencies(content: string): string[] {
  const text = ` ${fold(content)} `;
  const out: string[] = [];
  for (const entry of DEFAULT_CATALOG.entries) {
    // A commune's own bodies only: "Viện" (a central unit) folds like "viên" in "đảng viên".
    if (entry.kind === 'collective' || entry.level === 'province' || entry.level === 'central') continue;
    const spellings = [entry.name, ...entry.abbreviations, ...entry.aliases].map(fold).filter((s) => s.length >= 4);
    if (spellings.some((s) => text.includes(` ${s} `))) out.push(entry.name);
  }
  return out;
}

function add(options: FieldSuggestion['options'], value: string | undefined, reason: Reason): void {
  const v = value?.trim();
  if (!v || options.length >= MAX_OPTIONS || options.some((o) => fold(o.value) === fold(v))) return;
  options.push({ value: v, reason });
}

/**
 * Suggestions for one row's fields (only fields with at least one option).
 * @example suggestFor(table, row, ['Năm 2026'])[0] // { role: 'lead', cell: 'C17', current: '', options: [...] }
 */
export function suggestFor(target: TableTarget, row: AppendixRow, standardDeadlines: readonly string[] = []): FieldSuggestion[] {
  const own = words(row.fields.content ?? '');
  const similar = target.appendix.rows
    .filter((r) => r !== row && r.kind === 'task')
    .map((r) => ({ r, s: jaccard(own, words(r.fields.content ?? '')) }))
    .filter((x) => x.s >= MIN_SIMILARITY)
    .sort((a, b) => b.s - a.s)
    .slice(0, 5);
  const out: FieldSuggestion[] = [];
  for (const role of SUGGEST_ROLES) {
    const letter = target.columns[role];
    if (!letter) continue;
    const current = (row.fields[role] ?? '').trim();
    const options: FieldSuggestion['options'] = [];
    if (current === '') {
      if (role === 'lead') for (const name of namedAgencies(row.fields.content ?? '')) add(options, name, { kind: 'catalog' });
      for (const { r, s } of similar) add(options, r.fields[role], { kind: 'similar', row: r.source.row, similarity: s });
      if (role === 'deadline') for (const d of standardDeadlines) add(options, d, { kind: 'standard' });
    } else if (
      role === 'deadline' &&
      row.deadline &&
      row.deadline.kind !== 'unparsed' &&
      row.deadline.kind !== 'conditional' &&
      !isCanonical(current)
    ) {
      add(options, formatDeadline(row.deadline), { kind: 'canonical' });
    }
    if (options.length > 0) out.push({ role, cell: row.source.cells[role] ?? `${letter}${row.source.row}`, current, options });
  }
  return out;
}

/**
 * One undoable patch writing the confirmed values; `from` is what each cell holds now, so a cell someone changed
 * meanwhile is left alone (reported stale) instead of overwritten.
 * @example suggestionPatch('PL II', [{ cell: 'C17', from: null, to: 'Công an xã' }])
 */
export function suggestionPatch(sheet: string, edits: { cell: string; from: PatchValue; to: string }[]): Patch {
  return {
    id: `suggestion@${sheet}!${edits.map((e) => e.cell).join(',')}`,
    code: 'suggestion',
    safe: false,
    ops: [{ op: 'set-cells', sheet, edits }],
  };
}

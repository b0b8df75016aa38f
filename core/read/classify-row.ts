// Row classification: group, subgroup, task/indicator, continuation, repeated header, blank or note.
import type { AppendixKind, ColumnRole, Ordinal, RowKind } from '../model/appendix.ts';
import { fold } from '../text/fold.ts';
import { hasText } from './text-grid.ts';

export interface RowView {
  row: number;
  tt: string;
  ordinal: Ordinal | null;
  fields: Partial<Record<ColumnRole, string>>;
  /** Whether the content cell is merged across the rest of the table (a heading without a number). */
  contentSpansRow: boolean;
}

/** Roles that carry a task's details; a row with one of them filled is a task, not a heading. */
const DETAIL_ROLES: ColumnRole[] = ['head', 'lead', 'partners', 'result', 'deadline', 'unit', 'target', 'monitor', 'status'];

const NOTE_RE = /^(ghi chu|luu y|chu thich|nguon|\*|\(\*\)|tm\b|t\/m\b|noi nhan|chu tich|pho chu tich|ki ten|nguoi lap)/;

export function hasDetails(v: RowView): boolean {
  // Asked of nearly every row: a loop, not a closure made per call.
  for (const r of DETAIL_ROLES) if (hasText(v.fields[r] ?? '')) return true;
  return false;
}

/**
 * Kind of a numbered or headed row; rows without TT are decided by the caller (continuation vs note),
 * which knows the row before.
 * @example classifyNumbered({ ordinal: { style: 'roman', … } … }, 'tasks') // 'group'
 */
export function classifyNumbered(v: RowView, kind: AppendixKind): RowKind {
  const item: RowKind = kind === 'indicators' ? 'indicator' : 'task';
  const o = v.ordinal;
  if (!o) return hasDetails(v) ? item : 'note';
  switch (o.style) {
    case 'roman':
      return hasDetails(v) ? item : 'group';
    case 'dash':
    case 'plus':
    case 'bullet':
    case 'letter':
      return hasDetails(v) ? item : 'subgroup';
    default:
      return item;
  }
}

/** Text that starts like the rest of a sentence: lower case, punctuation or a connector word. */
export function startsMidSentence(s: string): boolean {
  const t = s.trim();
  if (t === '') return false;
  const first = t[0]!;
  if (first !== first.toUpperCase() && first === first.toLowerCase()) return true; // lower-case letter
  return /^[,;:.)\]–-]/.test(t);
}

/** Text that stops mid-sentence: no final punctuation, or ends on a connector ("và", "của", ","). */
export function endsMidSentence(s: string): boolean {
  const t = s.trim();
  if (t === '') return false;
  if (/[,;:\-–(/]$/.test(t)) return true;
  const f = fold(t);
  return /\b(va|cua|cac|cho|voi|trong|tren|theo|tai|de|ve|nhung|la|thuoc|co|duoc|den|tu|hoac)$/.test(f);
}

/** A note row under a table: "Ghi chú: …", "(*) …", a signature block. */
export function looksLikeNote(s: string): boolean {
  return NOTE_RE.test(fold(s)) || /^\(\*+\)|^\*/.test(s.trim());
}

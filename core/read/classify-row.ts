// Row classification: group, subgroup, task/indicator, continuation, repeated header, blank or note.
import type { AppendixKind, ColumnRole, Ordinal, RowKind } from '../model/appendix.ts';
import { fold, foldCodes, foldedCodes } from '../text/fold.ts';
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
  return NOTE_RE.test(foldedStart(s)) || STARRED.test(s.trim());
}

const STARRED = /^\(\*+\)|^\*/;

/** Raw characters folded to judge how a long text starts. */
const START_CHARS = 48;
/**
 * Folded characters that start must come to: NOTE_RE reads at most 13 (12 and a word boundary), and only the last
 * word of a cut start can fold otherwise than in the whole text (its end, a y after consonants).
 */
const START_KEEPS = 24;

/**
 * What NOTE_RE sees of fold(s): a long text's start folded, when that comes to enough characters, else fold(s).
 * Folding a task's whole text to test its first words cost more, and filled fold's cache with texts not met again.
 */
function foldedStart(s: string): string {
  if (s.length <= START_CHARS) return fold(s);
  const len = foldCodes(s.slice(0, START_CHARS));
  if (len < START_KEEPS) return fold(s);
  return String.fromCharCode.apply(null, foldedCodes().subarray(0, len) as unknown as number[]);
}

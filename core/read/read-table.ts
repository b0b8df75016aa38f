// One table → an Appendix: rows classified, continuation fragments merged into the row they continue.
import type { Appendix, AppendixRow, ColumnRole } from '../model/appendix.ts';
import { a1, columnLetter, rangeA1 } from '../model/a1.ts';
import { parseDeadline } from '../deadline.ts';
import { parseOrdinal } from '../text/ordinal.ts';
import { classifyNumbered, endsMidSentence, hasDetails, looksLikeNote, startsMidSentence, type RowView } from './classify-row.ts';
import { repeatedHeaderRows, type TableSpec } from './find-tables.ts';
import type { TextGrid } from './text-grid.ts';
import { parseTitleBlock } from './title-block.ts';

const ANCHOR_KINDS = new Set(['task', 'indicator', 'group', 'subgroup']);

/**
 * Read the table `spec` found in `tg` into an Appendix.
 * @example readTable(tg, findTables(tg)[0]!).rows.filter((r) => r.kind === 'task').length
 */
export function readTable(tg: TextGrid, spec: TableSpec): Appendix {
  const sheet = tg.grid.sheet;
  const roles = (Object.keys(spec.columns) as ColumnRole[]).filter((r) => r !== 'tt');
  const rows: AppendixRow[] = [];
  let anchor: AppendixRow | null = null;
  let group: string | undefined;
  let subgroup: string | undefined;
  let lastFilled = spec.headerRows[spec.headerRows.length - 1]!;
  let repeatedUntil = 0;

  for (let r = spec.bodyStart; r <= spec.bodyEnd; r++) {
    const view = viewOf(tg, spec, roles, r);
    const cells: Partial<Record<ColumnRole, string>> = {};
    for (const [role, col] of Object.entries(spec.columns) as [ColumnRole, number][]) cells[role] = a1(r, col);
    const base: AppendixRow = {
      kind: 'blank',
      tt: view.tt === '' ? null : view.tt,
      ordinal: view.ordinal,
      fields: view.fields,
      source: { sheet, row: r, cells },
    };
    const encoding = encodingOf(tg, spec, r);
    if (encoding) base.encoding = encoding;

    if (isBlank(tg, spec, r)) {
      rows.push(base);
      continue;
    }
    lastFilled = r;
    const headerRows = repeatedUntil >= r ? 0 : repeatedHeaderRows(tg, r, spec);
    if (repeatedUntil >= r || headerRows > 0) {
      repeatedUntil = Math.max(repeatedUntil, r + headerRows - 1);
      rows.push({ ...base, kind: 'repeated-header' });
      continue;
    }

    const content = view.fields.content ?? '';
    if (view.tt !== '') {
      const kind = view.ordinal === null && content.trim() !== '' ? (spec.kind === 'indicators' ? 'indicator' : 'task') : classifyNumbered(view, spec.kind);
      const row: AppendixRow = { ...base, kind };
      if (kind === 'group') {
        group = view.tt.trim();
        subgroup = undefined;
      } else if (kind === 'subgroup') {
        subgroup = view.tt.trim();
      }
      attachGroup(row, group, subgroup);
      rows.push(row);
      if (ANCHOR_KINDS.has(kind)) anchor = row;
      continue;
    }

    // No TT: a fragment of the row above split by a page break, an unnumbered task, or a note.
    const kind = unnumberedKind(view, anchor, spec.kind);
    if (kind === 'continuation' && anchor) {
      mergeInto(anchor, view, r);
      rows.push({ ...base, kind, continues: anchor.source.row });
      continue;
    }
    const row: AppendixRow = { ...base, kind };
    if (kind === 'group') {
      group = content.trim();
      subgroup = undefined;
    }
    attachGroup(row, group, subgroup);
    rows.push(row);
    if (ANCHOR_KINDS.has(kind)) anchor = row;
  }

  // Deadlines are parsed once fragments are joined ("Thường" + "xuyên").
  const deadlineCol = spec.columns.deadline;
  for (const row of rows) {
    if ((row.kind !== 'task' && row.kind !== 'indicator') || deadlineCol === undefined) continue;
    const text = row.fields.deadline ?? '';
    const raw = tg.cell(row.source.row, deadlineCol)?.v;
    const input = raw instanceof Date && !row.mergedFrom ? raw : text;
    if (text.trim() !== '' || raw instanceof Date) row.deadline = parseDeadline(input);
  }

  if (spec.idCol !== undefined) attachIds(tg, spec.idCol, rows);
  const trimmed = trimTrailingBlanks(rows);
  const titleLines = spec.titleRows.map((row) => ({ row, text: rowText(tg, row) }));
  const columns: Partial<Record<ColumnRole, string>> = {};
  for (const [role, col] of Object.entries(spec.columns) as [ColumnRole, number][]) columns[role] = columnLetter(col);
  return {
    kind: spec.kind,
    sheet,
    range: rangeA1(spec.headerRows[0]!, spec.firstCol, Math.max(lastFilled, spec.headerRows[spec.headerRows.length - 1]!), spec.lastCol),
    title: parseTitleBlock(titleLines),
    header: { rows: spec.headerRows, labels: spec.labels },
    columns,
    ...(spec.idCol !== undefined ? { idColumn: columnLetter(spec.idCol) } : {}),
    rows: trimmed,
  };
}

const ID_KINDS = new Set(['group', 'subgroup', 'task', 'indicator', 'note']);

/** Each item row takes the id written in the add-in's id column; an id seen twice (a copied row) stays with the first. */
function attachIds(tg: TextGrid, col: number, rows: AppendixRow[]): void {
  const seen = new Set<string>();
  for (const row of rows) {
    if (!ID_KINDS.has(row.kind)) continue;
    const id = tg.text(row.source.row, col).trim();
    if (id === '' || seen.has(id)) continue;
    seen.add(id);
    row.id = id;
  }
}

function viewOf(tg: TextGrid, spec: TableSpec, roles: ColumnRole[], r: number): RowView {
  const fields: Partial<Record<ColumnRole, string>> = {};
  for (const role of roles) {
    const s = tg.text(r, spec.columns[role]!);
    if (s !== '') fields[role] = s;
  }
  const ttCol = spec.columns.tt;
  const tt = ttCol === undefined ? '' : tg.text(r, ttCol).trim();
  const contentCol = spec.columns.content!;
  const merge = tg.grid.merges.find((m) => m.top <= r && m.bottom >= r && m.left <= contentCol && m.right >= contentCol);
  return {
    row: r,
    tt,
    ordinal: tt === '' ? null : parseOrdinal(tt),
    fields,
    contentSpansRow: merge !== undefined && merge.right >= spec.lastCol && merge.right > merge.left,
  };
}

function unnumberedKind(view: RowView, anchor: AppendixRow | null, kind: 'tasks' | 'indicators'): AppendixRow['kind'] {
  const content = view.fields.content ?? '';
  if (looksLikeNote(content)) return 'note';
  if (!anchor) return content !== '' && view.contentSpansRow ? 'group' : hasDetails(view) && content !== '' ? itemOf(kind) : 'note';
  if (content === '') return 'continuation';
  if (startsMidSentence(content) || endsMidSentence(anchor.fields.content ?? '')) return 'continuation';
  // A fragment in a column whose cell above stops mid-sentence continues it, whatever its first letter.
  for (const [role, frag] of Object.entries(view.fields) as [ColumnRole, string][]) {
    if (role === 'content') continue;
    const above = anchor.fields[role] ?? '';
    if (frag.trim() !== '' && (startsMidSentence(frag) || endsMidSentence(above))) return 'continuation';
  }
  if (view.contentSpansRow && !hasDetails(view)) return 'group';
  if (hasDetails(view)) return itemOf(kind);
  return 'continuation';
}

function itemOf(kind: 'tasks' | 'indicators'): AppendixRow['kind'] {
  return kind === 'indicators' ? 'indicator' : 'task';
}

/** Join each column's fragment onto the anchor's text, one space between. */
function mergeInto(anchor: AppendixRow, view: RowView, r: number): void {
  for (const [role, frag] of Object.entries(view.fields) as [ColumnRole, string][]) {
    if (frag.trim() === '') continue;
    const before = anchor.fields[role] ?? '';
    anchor.fields[role] = before.trim() === '' ? frag.trim() : `${before.trimEnd()} ${frag.trimStart()}`;
  }
  anchor.mergedFrom = [...(anchor.mergedFrom ?? []), r];
}

function attachGroup(row: AppendixRow, group: string | undefined, subgroup: string | undefined): void {
  if (row.kind === 'group') return;
  if (group !== undefined) row.group = group;
  if (subgroup !== undefined && row.kind !== 'subgroup') row.subgroup = subgroup;
}

function isBlank(tg: TextGrid, spec: TableSpec, r: number): boolean {
  for (let c = spec.firstCol; c <= spec.lastCol; c++) if (tg.text(r, c).trim() !== '') return false;
  return true;
}

function encodingOf(tg: TextGrid, spec: TableSpec, r: number): AppendixRow['encoding'] | undefined {
  let out: AppendixRow['encoding'] | undefined;
  for (const [role, col] of Object.entries(spec.columns) as [ColumnRole, number][]) {
    const e = tg.encoding(r, col);
    if (e) (out ??= {})[role] = e;
  }
  return out;
}

function rowText(tg: TextGrid, r: number): string {
  const parts: string[] = [];
  for (let c = 1; c <= tg.cols; c++) {
    const s = tg.text(r, c).trim();
    if (s !== '') parts.push(s);
  }
  return parts.join(' ');
}

function trimTrailingBlanks(rows: AppendixRow[]): AppendixRow[] {
  let end = rows.length;
  while (end > 0 && rows[end - 1]!.kind === 'blank') end--;
  return rows.slice(0, end);
}

// One table → an Appendix: rows classified, continuation fragments merged into the row they continue.
import type { Appendix, AppendixRow, ColumnRole } from '../model/appendix.ts';
import { columnLetter, rangeA1 } from '../model/a1.ts';
import { parseDeadline } from '../deadline.ts';
import { parseOrdinal } from '../text/ordinal.ts';
import { headingOf, splitHeading } from './heading.ts';
import { classifyNumbered, endsMidSentence, hasDetails, looksLikeNote, startsMidSentence, type RowView } from './classify-row.ts';
import { repeatedHeaderRows, type TableSpec } from './find-tables.ts';
import { hasText, type TextGrid } from './text-grid.ts';
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
  let sawRomanGroup = false;
  let afterNote = false;
  const inner = new Set(spec.innerHeaderRows);
  // Each role's column and its letters, worked out once for the table rather than for every row.
  const columnsOf = (Object.entries(spec.columns) as [ColumnRole, number][]).map(([role, col]) => ({
    role,
    col,
    letters: columnLetter(col),
  }));

  for (let r = spec.bodyStart; r <= spec.bodyEnd; r++) {
    const view = viewOf(tg, spec, roles, r);
    const cells: Partial<Record<ColumnRole, string>> = {};
    for (const { role, letters } of columnsOf) {
      const from = view.shared[role];
      cells[role] = `${letters}${from ? from : r}`;
    }
    // One object per row, its kind set once known (a copy per row was garbage for every row of a large table).
    const base: AppendixRow = {
      kind: 'blank',
      tt: view.tt === '' ? null : view.tt,
      ordinal: view.ordinal,
      fields: view.fields,
      source: { sheet, row: r, cells },
    };
    const shared = Object.keys(view.shared) as ColumnRole[];
    if (shared.length > 0) base.shared = shared;
    const encoding = encodingOf(tg, columnsOf, r);
    if (encoding) base.encoding = encoding;

    if (isBlank(tg, spec, r)) {
      rows.push(base);
      continue;
    }
    lastFilled = r;
    if (inner.has(r)) {
      base.kind = 'repeated-header';
      base.reworded = true;
      rows.push(base);
      continue;
    }
    const headerRows = repeatedUntil >= r ? 0 : repeatedHeaderRows(tg, r, spec);
    if (repeatedUntil >= r || headerRows > 0) {
      repeatedUntil = Math.max(repeatedUntil, r + headerRows - 1);
      base.kind = 'repeated-header';
      rows.push(base);
      continue;
    }

    const content = view.fields.content ?? '';
    if (view.tt !== '') {
      const kind = numberedKind(tg, spec, view, sawRomanGroup);
      if (kind === 'group' && view.ordinal?.style === 'roman') sawRomanGroup = true;
      const row = base;
      row.kind = kind;
      if (kind === 'group') {
        group = view.tt.trim();
        subgroup = undefined;
      } else if (kind === 'subgroup') {
        subgroup = view.tt.trim();
      }
      attachGroup(row, group, subgroup);
      rows.push(row);
      if (ANCHOR_KINDS.has(kind)) {
        anchor = row;
        afterNote = false;
      }
      continue;
    }

    // No TT: a heading written in the content column ("II. Xã hội số"), a fragment of the row above split by a
    // page break, an unnumbered task, or a note.
    const heading = ownDetails(view) ? null : headingOf(content, anchor?.fields.content ?? '');
    const kind = heading ?? unnumberedKind(view, anchor, spec.kind, afterNote);
    if (kind === 'continuation' && anchor) {
      mergeInto(anchor, view, r);
      base.kind = kind;
      base.continues = anchor.source.row;
      rows.push(base);
      continue;
    }
    const row = base;
    row.kind = kind;
    if (kind === 'note' && anchor) afterNote = true;
    const label = splitHeading(content)?.tt ?? content.trim();
    if (kind === 'group') {
      group = label;
      subgroup = undefined;
    } else if (kind === 'subgroup') {
      subgroup = label;
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
    const raw = tg.cell(sharedFrom(row, 'deadline'), deadlineCol)?.v;
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
    ...(spec.aside.length > 0 ? { aside: spec.aside.map((x) => ({ column: columnLetter(x.col), label: x.label })) } : {}),
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

interface TableRowView extends RowView {
  /** Role → the row of the merged cell (above) whose value this row shares. */
  shared: Partial<Record<ColumnRole, number>>;
}

function viewOf(tg: TextGrid, spec: TableSpec, roles: ColumnRole[], r: number): TableRowView {
  const fields: Partial<Record<ColumnRole, string>> = {};
  const shared: Partial<Record<ColumnRole, number>> = {};
  const read = (role: ColumnRole, col: number): string => {
    const s = tg.text(r, col);
    if (s !== '') return s;
    // A cell merged down several rows holds one value for every row it covers (one deadline for three tasks).
    const m = tg.coveredBy(r, col);
    if (!m || m.top >= r || m.left !== col) return '';
    const above = tg.text(m.top, col);
    if (above !== '') shared[role] = m.top;
    return above;
  };
  for (const role of roles) {
    const s = read(role, spec.columns[role]!);
    if (s !== '') fields[role] = s;
  }
  const ttCol = spec.columns.tt;
  let tt = ttCol === undefined ? '' : read('tt', ttCol).trim();
  const contentCol = spec.columns.content!;
  const merge = tg.grid.merges.find((m) => m.top <= r && m.bottom >= r && m.left <= contentCol && m.right >= contentCol);
  const contentSpansRow = merge !== undefined && merge.right >= spec.lastCol && merge.right > merge.left;
  // "I. NÂNG CAO NHẬN THỨC …" written in the TT cell and merged across the table: the number and the heading.
  if (tt !== '' && parseOrdinal(tt) === null && (fields.content ?? '') === '' && !detailsIn(fields)) {
    const split = splitHeading(tt);
    if (split) {
      tt = split.tt;
      fields.content = split.rest;
    }
  }
  return { row: r, tt, ordinal: tt === '' ? null : parseOrdinal(tt), fields, contentSpansRow, shared };
}

function detailsIn(fields: Partial<Record<ColumnRole, string>>): boolean {
  return hasDetails({ row: 0, tt: '', ordinal: null, fields, contentSpansRow: false });
}

/** The row a role's value is read from: the merged cell's top row when the value is shared, else the row itself. */
function sharedFrom(row: AppendixRow, role: ColumnRole): number {
  return row.shared?.includes(role) ? Number(/\d+$/.exec(row.source.cells[role] ?? '')?.[0] ?? row.source.row) : row.source.row;
}

/**
 * Kind of a row with a TT: Roman numbers and letters without details are headings (classifyNumbered); so are
 * "III.1" / "III.1.2" and a number whose next numbered row is its child ("1" → "1.1", "1.1" → "1.1.1").
 */
function numberedKind(tg: TextGrid, spec: TableSpec, view: TableRowView, sawRomanGroup: boolean): AppendixRow['kind'] {
  const content = view.fields.content ?? '';
  const item = itemOf(spec.kind);
  const o = view.ordinal;
  if (o === null) return content.trim() !== '' ? item : classifyNumbered(view, spec.kind);
  if (hasDetails(view) || view.shared.tt !== undefined) return classifyNumbered(view, spec.kind);
  if (o.style === 'hierarchical' && o.romanHead) return 'subgroup';
  if (o.style === 'arabic' || o.style === 'hierarchical') {
    const next = nextOrdinal(tg, spec, view.row);
    const path = o.path ?? (o.value !== null ? [o.value] : []);
    const child = next?.path !== undefined && next.path.length === path.length + 1 && path.every((p, i) => next.path![i] === p);
    if (child) return o.style === 'arabic' && !sawRomanGroup ? 'group' : 'subgroup';
  }
  return classifyNumbered(view, spec.kind);
}

/** The ordinal of the next row below that has a TT (within a short look-ahead). */
function nextOrdinal(tg: TextGrid, spec: TableSpec, r: number): ReturnType<typeof parseOrdinal> {
  const col = spec.columns.tt;
  if (col === undefined) return null;
  for (let n = r + 1; n <= Math.min(spec.bodyEnd, r + 30); n++) {
    const t = tg.text(n, col).trim();
    if (t !== '') return parseOrdinal(t);
  }
  return null;
}

function unnumberedKind(
  view: TableRowView,
  anchor: AppendixRow | null,
  kind: 'tasks' | 'indicators',
  afterNote: boolean,
): AppendixRow['kind'] {
  const content = view.fields.content ?? '';
  if (looksLikeNote(content)) return 'note';
  // A signature block ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH") in any column, or anything without a number of its own
  // below a note, is outside the task list: never a fragment of the last task.
  if (Object.values(view.fields).some((f) => looksLikeNote(f ?? ''))) return 'note';
  if (afterNote && !ownDetails(view)) return 'note';
  if (!anchor) return content !== '' && view.contentSpansRow ? 'group' : ownDetails(view) && content !== '' ? itemOf(kind) : 'note';
  if (content === '') return 'continuation';
  // A heading merged across the table is not a fragment, whatever the row above ends with.
  if (view.contentSpansRow && !ownDetails(view) && !startsMidSentence(content)) return 'group';
  if (startsMidSentence(content) || endsMidSentence(anchor.fields.content ?? '')) return 'continuation';
  // A fragment in a column whose cell above stops mid-sentence continues it, whatever its first letter.
  for (const [role, frag] of Object.entries(view.fields) as [ColumnRole, string][]) {
    if (role === 'content') continue;
    const above = anchor.fields[role] ?? '';
    if (frag.trim() !== '' && (startsMidSentence(frag) || endsMidSentence(above))) return 'continuation';
  }
  if (view.contentSpansRow && !ownDetails(view)) return 'group';
  if (ownDetails(view)) return itemOf(kind);
  return 'continuation';
}

/** Details written in the row itself: a value shared through a cell merged down says nothing about the row. */
function ownDetails(view: TableRowView): boolean {
  const own: Partial<Record<ColumnRole, string>> = {};
  for (const [role, v] of Object.entries(view.fields) as [ColumnRole, string][]) if (view.shared[role] === undefined) own[role] = v;
  return detailsIn(own);
}

function itemOf(kind: 'tasks' | 'indicators'): AppendixRow['kind'] {
  return kind === 'indicators' ? 'indicator' : 'task';
}

/** Join each column's fragment onto the anchor's text, one space between. */
function mergeInto(anchor: AppendixRow, view: TableRowView, r: number): void {
  for (const [role, frag] of Object.entries(view.fields) as [ColumnRole, string][]) {
    // A value shared through a merged cell is the anchor's own already.
    if (frag.trim() === '' || view.shared[role] !== undefined) continue;
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
  for (let c = spec.firstCol; c <= spec.lastCol; c++) if (hasText(tg.text(r, c))) return false;
  return true;
}

function encodingOf(tg: TextGrid, columns: { role: ColumnRole; col: number }[], r: number): AppendixRow['encoding'] | undefined {
  let out: AppendixRow['encoding'] | undefined;
  for (const { role, col } of columns) {
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

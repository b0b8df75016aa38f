// One table → an Appendix: rows classified, continuation fragments merged into the row they continue.
import type { Appendix, AppendixRow, ColumnRole, Ordinal } from '../model/appendix.ts';
import { columnLetter, rangeA1 } from '../model/a1.ts';
import { parseDeadline } from '../deadline.ts';
import { parseOrdinal } from '../text/ordinal.ts';
import { headingOf, splitHeading } from './heading.ts';
import { classifyNumbered, endsMidSentence, hasDetails, looksLikeNote, startsMidSentence, type RowView } from './classify-row.ts';
import { repeatedHeaderRows, type TableSpec } from './find-tables.ts';
import { hasText, type TextGrid } from './text-grid.ts';
import { parseTitleBlock } from './title-block.ts';

const ANCHOR_KINDS = new Set(['task', 'indicator', 'group', 'subgroup']);
const NO_FIELDS: Partial<Record<ColumnRole, string>> = Object.freeze({});

/**
 * Read the table `spec` found in `tg` into an Appendix.
 * @example readTable(tg, findTables(tg)[0]!).rows.filter((r) => r.kind === 'task').length
 */
export function readTable(tg: TextGrid, spec: TableSpec): Appendix {
  const sheet = tg.grid.sheet;
  const rows: AppendixRow[] = [];
  let anchor: AppendixRow | null = null;
  let group: string | undefined;
  let subgroup: string | undefined;
  let lastFilled = spec.headerRows[spec.headerRows.length - 1]!;
  let repeatedUntil = 0;
  let sawRomanGroup = false;
  let afterNote = false;
  const inner = new Set(spec.innerHeaderRows);
  const reader = readerOf(tg, spec);

  for (let r = spec.bodyStart; r <= spec.bodyEnd; r++) {
    const view = viewOf(reader, r);
    // One object per row, its kind set once known (a copy per row was garbage for every row of a large table).
    const base = rowOf(reader, view, sheet);

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
      const kind = numberedKind(reader, view, sawRomanGroup);
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

  attachDeadlines(tg, spec, rows);
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

/** A blank row read from `view`, with its source cells; the caller sets its kind. */
function rowOf(reader: TableReader, view: TableRowView, sheet: string): AppendixRow {
  const r = view.row;
  const cells = { ...reader.cellShape };
  const at = String(r);
  for (let i = 0; i < reader.cells.length; i++) {
    const { role, letters } = reader.cells[i]!;
    const from = view.shared?.[role];
    cells[role] = from ? `${letters}${from}` : letters + at;
  }
  const row: AppendixRow = {
    kind: 'blank',
    tt: view.tt === '' ? null : view.tt,
    ordinal: view.ordinal,
    fields: view.fields,
    source: { sheet, row: r, cells },
  };
  if (view.shared) row.shared = Object.keys(view.shared) as ColumnRole[];
  const encoding = encodingOf(reader.tg, reader.cells, r);
  if (encoding) row.encoding = encoding;
  return row;
}

/** Deadlines are parsed once fragments are joined ("Thường" + "xuyên"). */
function attachDeadlines(tg: TextGrid, spec: TableSpec, rows: AppendixRow[]): void {
  const deadlineCol = spec.columns.deadline;
  if (deadlineCol === undefined) return;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.kind !== 'task' && row.kind !== 'indicator') continue;
    const text = row.fields.deadline ?? '';
    const raw = tg.cell(sharedFrom(row, 'deadline'), deadlineCol)?.v;
    const input = raw instanceof Date && !row.mergedFrom ? raw : text;
    if (hasText(text) || raw instanceof Date) row.deadline = parseDeadline(input);
  }
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
  /** Role → the row of the merged cell (above) whose value this row shares; null when the row shares none. */
  shared: Partial<Record<ColumnRole, number>> | null;
}

/** What reading a table's rows needs, worked out once for the table rather than for every row. */
interface TableReader {
  tg: TextGrid;
  spec: TableSpec;
  /** Every role but TT, in the table's column order: a row's fields are read in this order. */
  fields: { role: ColumnRole; col: number }[];
  /** Every role with its column letters, for the row's source cells. */
  cells: { role: ColumnRole; col: number; letters: string }[];
  /** A copy of this makes a row's source cells (see shapeOf). */
  cellShape: Partial<Record<ColumnRole, string>>;
  /** By which of `fields` a row has (bit i for fields[i]): a copy of it makes the row's fields (see shapeOf). */
  fieldShapes: Map<number, Partial<Record<ColumnRole, string>>>;
  /** The row being read: its text for each of `fields` ('' when empty). */
  texts: string[];
  view: TableRowView;
  ttCol: number | undefined;
  contentCol: number;
  /** The TT read ahead by nextOrdinal (row, trimmed text, ordinal), handed to that row when it is read. */
  aheadRow: number;
  aheadText: string;
  aheadOrdinal: Ordinal | null;
}

function readerOf(tg: TextGrid, spec: TableSpec): TableReader {
  const fields: TableReader['fields'] = [];
  const cells: TableReader['cells'] = [];
  for (const [role, col] of Object.entries(spec.columns) as [ColumnRole, number][]) {
    if (role !== 'tt') fields.push({ role, col });
    cells.push({ role, col, letters: columnLetter(col) });
  }
  return {
    tg,
    spec,
    fields,
    cells,
    cellShape: shapeOf(cells.map((c) => c.role)),
    fieldShapes: new Map(),
    texts: fields.map(() => ''),
    view: { row: 0, tt: '', ordinal: null, fields: NO_FIELDS, contentSpansRow: false, shared: null },
    ttCol: spec.columns.tt,
    contentCol: spec.columns.content!,
    aheadRow: 0,
    aheadText: '',
    aheadOrdinal: null,
  };
}

function viewOf(reader: TableReader, r: number): TableRowView {
  const { tg, spec, texts } = reader;
  let shared: Partial<Record<ColumnRole, number>> | null = null;
  let has = 0;
  for (let i = 0; i < reader.fields.length; i++) {
    const { role, col } = reader.fields[i]!;
    let s = tg.text(r, col);
    if (s === '') {
      const top = sharedTop(tg, r, col);
      if (top !== 0) {
        (shared ??= {})[role] = top;
        s = tg.text(top, col);
      }
    }
    texts[i] = s;
    if (s !== '') has |= 1 << i;
  }
  let shape = reader.fieldShapes.get(has);
  if (shape === undefined) {
    shape = shapeOf(reader.fields.filter((_, i) => texts[i] !== '').map((f) => f.role));
    reader.fieldShapes.set(has, shape);
  }
  const fields = { ...shape };
  for (let i = 0; i < texts.length; i++) if (texts[i] !== '') fields[reader.fields[i]!.role] = texts[i];
  const ttCol = reader.ttCol;
  let tt = '';
  if (ttCol !== undefined) {
    const s = tg.text(r, ttCol);
    if (s !== '') tt = s.trim();
    else {
      const top = sharedTop(tg, r, ttCol);
      if (top !== 0) {
        (shared ??= {}).tt = top;
        tt = tg.text(top, ttCol).trim();
      }
    }
  }
  const contentSpansRow = spansRow(tg, spec, reader.contentCol, r);
  let ordinal = tt === '' ? null : ordinalAt(reader, r, tt);
  // "I. NÂNG CAO NHẬN THỨC …" written in the TT cell and merged across the table: the number and the heading.
  if (ordinal === null && tt !== '' && (fields.content ?? '') === '' && !detailsIn(fields)) {
    const split = splitHeading(tt);
    if (split) {
      tt = split.tt;
      fields.content = split.rest;
      ordinal = parseOrdinal(tt);
    }
  }
  // One view for the table, filled again for each row: nothing keeps it past its row.
  const view = reader.view;
  view.row = r;
  view.tt = tt;
  view.ordinal = ordinal;
  view.fields = fields;
  view.contentSpansRow = contentSpansRow;
  view.shared = shared;
  return view;
}

/**
 * An object with these keys in this order, each '' for now. A copy of it (`{ ...shape }`) is a row's cells or fields:
 * JSON.parse lays out all of an object's properties inside it and a copy keeps that layout, where an object filled key
 * by key keeps only four inside and puts the rest in a second array. Less memory per row and less for the GC to move.
 */
function shapeOf(keys: ColumnRole[]): Partial<Record<ColumnRole, string>> {
  return JSON.parse(`{${keys.map((k) => `"${k}":""`).join(',')}}`) as Partial<Record<ColumnRole, string>>;
}

/**
 * The top row of the cell merged down over (r, col) when it has text: a cell merged down several rows holds one
 * value for every row it covers (one deadline for three tasks). 0 when there is none.
 */
function sharedTop(tg: TextGrid, r: number, col: number): number {
  const m = tg.coveredBy(r, col);
  if (!m || m.top >= r || m.left !== col) return 0;
  return tg.text(m.top, col) !== '' ? m.top : 0;
}

/** Whether the first merge holding the row's content cell reaches the table's last column. */
function spansRow(tg: TextGrid, spec: TableSpec, contentCol: number, r: number): boolean {
  const merges = tg.grid.merges;
  for (let i = 0; i < merges.length; i++) {
    const m = merges[i]!;
    if (m.top <= r && m.bottom >= r && m.left <= contentCol && m.right >= contentCol) return m.right >= spec.lastCol && m.right > m.left;
  }
  return false;
}

/** A row's ordinal, parsed once: nextOrdinal may have read it already while classifying the row above. */
function ordinalAt(reader: TableReader, r: number, tt: string): Ordinal | null {
  if (reader.aheadRow === r && reader.aheadText === tt) return reader.aheadOrdinal;
  return parseOrdinal(tt);
}

/** hasDetails of a row with these fields: one view reused (hasDetails looks at its fields only). */
const DETAILS_VIEW: RowView = { row: 0, tt: '', ordinal: null, fields: NO_FIELDS, contentSpansRow: false };

function detailsIn(fields: Partial<Record<ColumnRole, string>>): boolean {
  DETAILS_VIEW.fields = fields;
  const has = hasDetails(DETAILS_VIEW);
  DETAILS_VIEW.fields = NO_FIELDS;
  return has;
}

/** The row a role's value is read from: the merged cell's top row when the value is shared, else the row itself. */
function sharedFrom(row: AppendixRow, role: ColumnRole): number {
  return row.shared?.includes(role) ? Number(/\d+$/.exec(row.source.cells[role] ?? '')?.[0] ?? row.source.row) : row.source.row;
}

/**
 * Kind of a row with a TT: Roman numbers and letters without details are headings (classifyNumbered); so are
 * "III.1" / "III.1.2" and a number whose next numbered row is its child ("1" → "1.1", "1.1" → "1.1.1").
 */
function numberedKind(reader: TableReader, view: TableRowView, sawRomanGroup: boolean): AppendixRow['kind'] {
  const { spec } = reader;
  const content = view.fields.content ?? '';
  const item = itemOf(spec.kind);
  const o = view.ordinal;
  if (o === null) return hasText(content) ? item : classifyNumbered(view, spec.kind);
  if (hasDetails(view) || view.shared?.tt !== undefined) return classifyNumbered(view, spec.kind);
  if (o.style === 'hierarchical' && o.romanHead) return 'subgroup';
  if (o.style === 'arabic' || o.style === 'hierarchical') {
    const next = nextOrdinal(reader, view.row);
    if (next !== null && isChild(next, o)) return o.style === 'arabic' && !sawRomanGroup ? 'group' : 'subgroup';
  }
  return classifyNumbered(view, spec.kind);
}

/** Whether `next` numbers a child of `o` ("1" → "1.1", "1.1" → "1.1.1"); `o` without a path is the path [value]. */
function isChild(next: Ordinal, o: Ordinal): boolean {
  const path = next.path;
  if (path === undefined) return false;
  if (o.path !== undefined) {
    if (path.length !== o.path.length + 1) return false;
    for (let i = 0; i < o.path.length; i++) if (path[i] !== o.path[i]) return false;
    return true;
  }
  if (o.value === null) return path.length === 1;
  return path.length === 2 && path[0] === o.value;
}

/** The ordinal of the next row below that has a TT (within a short look-ahead), kept for when that row is read. */
function nextOrdinal(reader: TableReader, r: number): Ordinal | null {
  const { tg, spec } = reader;
  const col = reader.ttCol;
  if (col === undefined) return null;
  for (let n = r + 1; n <= Math.min(spec.bodyEnd, r + 30); n++) {
    const t = tg.text(n, col);
    if (!hasText(t)) continue;
    const text = t.trim();
    const ordinal = reader.aheadRow === n && reader.aheadText === text ? reader.aheadOrdinal : parseOrdinal(text);
    reader.aheadRow = n;
    reader.aheadText = text;
    reader.aheadOrdinal = ordinal;
    return ordinal;
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
  const fields = view.fields;
  for (const role in fields) if (looksLikeNote(fields[role as ColumnRole] ?? '')) return 'note';
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
  const shared = view.shared;
  if (shared === null) return detailsIn(view.fields);
  const own: Partial<Record<ColumnRole, string>> = {};
  for (const [role, v] of Object.entries(view.fields) as [ColumnRole, string][]) if (shared[role] === undefined) own[role] = v;
  return detailsIn(own);
}

function itemOf(kind: 'tasks' | 'indicators'): AppendixRow['kind'] {
  return kind === 'indicators' ? 'indicator' : 'task';
}

/** Join each column's fragment onto the anchor's text, one space between. */
function mergeInto(anchor: AppendixRow, view: TableRowView, r: number): void {
  for (const [role, frag] of Object.entries(view.fields) as [ColumnRole, string][]) {
    // A value shared through a merged cell is the anchor's own already.
    if (frag.trim() === '' || view.shared?.[role] !== undefined) continue;
    const before = anchor.fields[role] ?? '';
    anchor.fields[role] = before.trim() === '' ? frag.trim() : `${before.trimEnd()} ${frag.trimStart()}`;
  }
  (anchor.mergedFrom ??= []).push(r);
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
  for (let i = 0; i < columns.length; i++) {
    const { role, col } = columns[i]!;
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

/** The rows without the blank ones at the end (cut off in place: a copy of a large table's rows was garbage). */
function trimTrailingBlanks(rows: AppendixRow[]): AppendixRow[] {
  let end = rows.length;
  while (end > 0 && rows[end - 1]!.kind === 'blank') end--;
  rows.length = end;
  return rows;
}

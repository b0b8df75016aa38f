// Header detection: find every table in a sheet (one- or two-row headers, merged header cells, several tables).
import type { AppendixKind, ColumnRole } from '../model/appendix.ts';
import { fold } from '../text/fold.ts';
import { isActualLabel, isIndicatorLabel, roleOfLabel } from './header-roles.ts';
import { hasText, type TextGrid } from './text-grid.ts';

export interface TableSpec {
  kind: AppendixKind;
  /** Excel rows of the header (one or two, plus a "(1) (2) (3)" numbering row when present). */
  headerRows: number[];
  /** Role → 1-based column. */
  columns: Partial<Record<ColumnRole, number>>;
  /** Role → header text as written. */
  labels: Partial<Record<ColumnRole, string>>;
  /** Folded signature of the header, to recognize it when it is repeated after a page break. */
  signature: string;
  firstCol: number;
  lastCol: number;
  bodyStart: number;
  bodyEnd: number;
  /** Rows above the header that form the title block. */
  titleRows: number[];
  /** 1-based column of the add-in's hidden task-id column (header ID_HEADER), outside firstCol..lastCol. */
  idCol?: number;
  /** Labelled columns inside the table that hold no plan role (working columns: handler, dates received …). */
  aside: { col: number; label: string }[];
  /** Rows of headers repeated inside the table in other words (a sub-header over each part). */
  innerHeaderRows: number[];
}

/** Header of the hidden column where the add-in keeps each task's stable id (never content, never checked). */
export const ID_HEADER = 'phuluc-id';

/**
 * Whether a header cell is the add-in's id column.
 * @example isIdHeader(' PHULUC-ID ') // true
 */
export function isIdHeader(text: string): boolean {
  // Asked of every cell of every row: most are longer or shorter than the header, and need no lower-casing.
  if (text.length < ID_HEADER.length) return false;
  const t = text.trim();
  return t.length === ID_HEADER.length && t.toLowerCase() === ID_HEADER;
}

interface HeaderCandidate {
  rows: number[];
  labels: Map<number, string>;
  idCol?: number;
}

const MAX_LABEL = 120;
const REQUIRED_OTHER_ROLES = 2;

/**
 * Find all tables in a sheet, top to bottom.
 * @example findTables(textGrid(grid)).map((t) => t.headerRows) // [[5]]
 */
export function findTables(tg: TextGrid): TableSpec[] {
  const headers: { cand: HeaderCandidate; spec: Omit<TableSpec, 'bodyStart' | 'bodyEnd' | 'titleRows'> }[] = [];
  let r = 1;
  while (r <= tg.rows) {
    const cand = headerAt(tg, r);
    if (cand) {
      const spec = specFromHeader(cand);
      const prev = headers[headers.length - 1];
      if (spec && !(prev && prev.spec.signature === spec.signature)) {
        if (prev && isRewordedRepeat(tg, prev.spec, spec)) {
          // The same table goes on under a sub-header in other words ("Nội dung | Đơn vị thực hiện | Thời gian").
          prev.spec.innerHeaderRows.push(...spec.headerRows);
        } else {
          headers.push({ cand, spec });
        }
        r = cand.rows[cand.rows.length - 1]! + 1;
        continue;
      }
    }
    r++;
  }

  const tables: TableSpec[] = [];
  for (let i = 0; i < headers.length; i++) {
    const { spec } = headers[i]!;
    const headerTop = spec.headerRows[0]!;
    const prev = tables[i - 1];
    const floor = prev ? prev.headerRows[prev.headerRows.length - 1]! : 0;
    const titleRows = titleRowsAbove(tg, headerTop, floor);
    if (prev) {
      // The previous table ends where this table's title block (or header) begins.
      prev.bodyEnd = (titleRows[0] ?? headerTop) - 1;
    }
    tables.push({
      ...spec,
      titleRows,
      bodyStart: spec.headerRows[spec.headerRows.length - 1]! + 1,
      bodyEnd: lastUsedRow(tg),
    });
  }
  return tables;
}

/** Title lines that open a new table: "PHỤ LỤC II", "Biểu 2", "(Kèm theo …)". */
const NEW_TABLE_TITLE = /^(phu luc|bieu|bang so|\(?\s*(ban hanh )?kem theo)/;

/**
 * A header below a table that continues it: the same kind, its columns inside the table's and each on a column
 * the table already gives the same role (or none), the same content column, and no title line opening a new table.
 */
function isRewordedRepeat(
  tg: TextGrid,
  prev: Omit<TableSpec, 'bodyStart' | 'bodyEnd' | 'titleRows'>,
  next: Omit<TableSpec, 'bodyStart' | 'bodyEnd' | 'titleRows'>,
): boolean {
  if (prev.kind !== next.kind || prev.columns.content !== next.columns.content) return false;
  if (next.firstCol < prev.firstCol || next.lastCol > prev.lastCol) return false;
  const roleAt = new Map<number, ColumnRole>();
  for (const [role, col] of Object.entries(prev.columns) as [ColumnRole, number][]) roleAt.set(col, role);
  for (const [role, col] of Object.entries(next.columns) as [ColumnRole, number][]) {
    const there = roleAt.get(col);
    if (there !== undefined && there !== role && !(isAgencyRole(there) && isAgencyRole(role))) return false;
  }
  const prevEnd = Math.max(...prev.headerRows, ...prev.innerHeaderRows);
  for (let r = prevEnd + 1; r < next.headerRows[0]!; r++) {
    for (let c = 1; c <= tg.cols; c++) {
      const t = tg.text(r, c).trim();
      if (t !== '' && NEW_TABLE_TITLE.test(fold(t))) return false;
    }
  }
  return true;
}

function isAgencyRole(role: ColumnRole): boolean {
  return role === 'lead' || role === 'partners' || role === 'head';
}

/**
 * A repeated header after a page break (the same folded labels in the same columns):
 * how many rows it spans, 0 when `row` is not one.
 */
export function repeatedHeaderRows(tg: TextGrid, row: number, spec: TableSpec): number {
  if (spec.headerRows.length > 0 && isNumberingRow(tg, row)) return 1;
  const cand = headerAt(tg, row);
  if (!cand) return 0;
  const other = specFromHeader(cand);
  return other !== null && other.signature === spec.signature ? cand.rows.length : 0;
}

/** findTables and readTable both ask every row whether it is a header: answer each row once per grid. */
const HEADERS = new WeakMap<TextGrid, Map<number, HeaderCandidate | null>>();

function headerAt(tg: TextGrid, r: number): HeaderCandidate | null {
  let rows = HEADERS.get(tg);
  if (!rows) HEADERS.set(tg, (rows = new Map()));
  let cand = rows.get(r);
  if (cand === undefined) rows.set(r, (cand = headerAtUncached(tg, r)));
  return cand;
}

function headerAtUncached(tg: TextGrid, r: number): HeaderCandidate | null {
  const labels = new Map<number, string>();
  let idCol: number | undefined;
  for (let c = 1; c <= tg.cols; c++) {
    const s = tg.text(r, c).trim();
    if (s === '') continue;
    // The id column is the add-in's, not the table's: it never counts as a label (nor in the signature).
    if (isIdHeader(s)) {
      idCol ??= c;
      continue;
    }
    if (s.length > MAX_LABEL) return null;
    labels.set(c, s);
  }
  if (labels.size < 2) return null;
  // Another small table may share the header row, separated by an empty column: try each block of columns first.
  for (const block of [...columnBlocks(tg, r, labels), labels]) {
    const cand = headerFromLabels(tg, r, block);
    if (cand) return idCol === undefined ? cand : { ...cand, idCol };
  }
  return null;
}

/**
 * The plan's own block of a header row that other labels share (a small side table, separated by an empty column):
 * the run of labelled columns around the content label, extended over neighbouring runs that name a plan role.
 * Empty when the row has a single run (the whole row is then the candidate).
 */
function columnBlocks(tg: TextGrid, r: number, labels: Map<number, string>): Map<number, string>[] {
  const runs: Map<number, string>[] = [];
  let current = new Map<number, string>();
  const cols = [...labels.keys()].sort((a, b) => a - b);
  for (let i = 0; i < cols.length; i++) {
    const c = cols[i]!;
    const prev = cols[i - 1];
    if (prev !== undefined) {
      let gap = false;
      for (let g = prev + 1; g < c; g++) if (tg.coveredBy(r, g) === null) gap = true;
      if (gap) {
        runs.push(current);
        current = new Map();
      }
    }
    current.set(c, labels.get(c)!);
  }
  runs.push(current);
  if (runs.length < 2) return [];
  // A run with a content label of its own is another table's.
  const hasRole = (run: Map<number, string>) => {
    const roles = [...run.values()].map((l) => roleOfLabel(l));
    return roles.some((x) => x !== null) && !roles.includes('content');
  };
  const at = runs.findIndex((run) => [...run.values()].some((l) => roleOfLabel(l) === 'content'));
  if (at < 0) return [];
  let lo = at;
  let hi = at;
  while (lo > 0 && hasRole(runs[lo - 1]!)) lo--;
  while (hi < runs.length - 1 && hasRole(runs[hi + 1]!)) hi++;
  if (lo === 0 && hi === runs.length - 1) return [];
  return [new Map(runs.slice(lo, hi + 1).flatMap((run) => [...run.entries()]))];
}

/** Plan roles strong enough to recognize a table among many working columns. */
const PLAN_ROLES = new Set<ColumnRole>(['tt', 'content', 'lead', 'partners', 'deadline', 'result', 'head']);
const SHORT_LABEL = 60;

function headerFromLabels(tg: TextGrid, r: number, labels: Map<number, string>): HeaderCandidate | null {
  const roles = rolesOf(labels);
  // A two-row header may keep "Nội dung" in the first row and the agency split in the second; try below.
  if (roles.size < 1) return null;

  // Two-row header: the next row fills sub-labels under a horizontally merged parent (or under nothing).
  const below = subHeaderBelow(tg, r, labels);
  const rows = [r];
  let combined = labels;
  if (below) {
    combined = below;
    rows.push(r + 1);
  }
  const finalRoles = combined === labels ? roles : rolesOf(combined);
  if (!finalRoles.has('content')) return null;
  const others = [...finalRoles].filter((x) => x !== 'content' && x !== 'tt').length;
  if (others < REQUIRED_OTHER_ROLES && !(finalRoles.has('tt') && others >= 1)) return null;
  // Most labelled cells must be recognized: a body row that happens to contain "kết quả" is not a header.
  // A tracking sheet may add many working columns (who handles it, dates, reply numbers): four distinct plan
  // roles under short labels are a header whatever else the row holds.
  const recognized = [...combined.values()].filter((l) => roleOfLabel(l) !== null || isNumberingLabel(l)).length;
  const planRoles = new Set<ColumnRole>();
  for (const l of combined.values()) {
    const role = roleOfLabel(l);
    if (role && PLAN_ROLES.has(role) && l.length <= SHORT_LABEL) planRoles.add(role);
  }
  if (recognized / combined.size < 0.6 && planRoles.size < 4) return null;

  const numbering = rows[rows.length - 1]! + 1;
  if (numbering <= tg.rows && isNumberingRow(tg, numbering)) rows.push(numbering);
  return { rows, labels: combined };
}

function subHeaderBelow(tg: TextGrid, r: number, parent: Map<number, string>): Map<number, string> | null {
  if (r + 1 > tg.rows) return null;
  const child = new Map<number, string>();
  // Only under the parent's own columns (another table may share the row further right).
  const lo = Math.min(...parent.keys());
  let hi = Math.max(...parent.keys());
  for (const m of tg.grid.merges) if (m.top === r && m.left === hi && m.right > hi) hi = m.right;
  for (let c = lo; c <= Math.min(hi, tg.cols); c++) {
    const s = tg.text(r + 1, c).trim();
    if (s === '') continue;
    if (s.length > MAX_LABEL) return null;
    child.set(c, s);
  }
  if (child.size === 0) return null;
  let underParent = 0;
  for (const [c, s] of child) {
    const m = tg.coveredBy(r, c);
    const parentHere = parent.get(c);
    const underMerge = m !== null && m.top === r && m.bottom === r; // horizontal parent spanning this column
    const underMergeLeft = parent.has(c) && hasHorizontalMergeFrom(tg, r, c);
    if (underMerge || underMergeLeft || parentHere === undefined) {
      if (roleOfLabel(s) === null && !isSubLabel(s)) return null;
      underParent++;
    } else {
      return null; // a value under a standalone header cell: this is a body row, not a sub-header
    }
  }
  if (underParent === 0) return null;
  const combined = new Map(parent);
  for (const [c, s] of child) {
    const m = tg.coveredBy(r, c);
    const parentLabel = m ? tg.text(m.top, m.left).trim() : (parent.get(c) ?? '');
    // The sub-label decides when it names a role itself ("Cơ quan thực hiện" / "Phối hợp" is the partners).
    combined.set(c, parentLabel && roleOfLabel(s) === null ? `${parentLabel} ${s}` : s);
  }
  return combined;
}

function hasHorizontalMergeFrom(tg: TextGrid, r: number, c: number): boolean {
  return tg.grid.merges.some((m) => m.top === r && m.left === c && m.right > c);
}

const SUB_LABELS = [
  'chu tri',
  'phoi hop',
  'bat dau',
  'hoan thanh',
  'ket thuc',
  'nam',
  'quy',
  'thang',
  'ngay',
  'dat',
  'khong dat',
  'chua dat',
  'tong so',
];
function isSubLabel(s: string): boolean {
  const f = fold(s);
  return SUB_LABELS.some((p) => f === p || f.startsWith(`${p} `));
}

function isNumberingLabel(s: string): boolean {
  return /^\(?\s*\d{1,2}\s*\)?$/.test(s.trim()) || /^\(\s*[a-z]\s*\)$/i.test(s.trim());
}

/**
 * A column-numbering row: "(1) (2) (3) …" or bare "1 2 3 …" across the columns, counting up from 1.
 * Under the header it belongs to the header; in the body it is the header repeated after a page break.
 */
function isNumberingRow(tg: TextGrid, r: number): boolean {
  let n = 0;
  for (let c = 1; c <= tg.cols; c++) {
    const s = tg.text(r, c).trim();
    if (s === '') continue;
    const m = /^\(\s*(\d{1,2})\s*\)(?:\s*=.*)?$|^(\d{1,2})$/.exec(s);
    if (!m) return false;
    // Bare numbers must count 1, 2, 3… (a task row "1 | 2 | …" is not a thing); parenthesised ones are unambiguous.
    if (m[2] !== undefined && Number(m[2]) !== n + 1) return false;
    n++;
  }
  return n >= 3;
}

function rolesOf(labels: Map<number, string>): Set<ColumnRole> {
  const roles = new Set<ColumnRole>();
  for (const l of labels.values()) {
    const role = roleOfLabel(l);
    if (role) roles.add(role);
  }
  return roles;
}

// A column naming the group each task belongs to rather than the task: "Nhóm nhiệm vụ", "Lĩnh vực", "Nhóm giải pháp".
const GROUPING_LABEL = /^(nhom|linh vuc)\b/;

function specFromHeader(cand: HeaderCandidate): Omit<TableSpec, 'bodyStart' | 'bodyEnd' | 'titleRows'> | null {
  const indicator = [...cand.labels.values()].some((l) => isIndicatorLabel(l));
  const kind: AppendixKind = indicator ? 'indicators' : 'tasks';
  const columns: Partial<Record<ColumnRole, number>> = {};
  const labels: Partial<Record<ColumnRole, string>> = {};
  for (const [c, l] of [...cand.labels.entries()].sort((a, b) => a[0] - b[0])) {
    let role = roleOfLabel(l, kind);
    // The indicator's target is already placed: a "Thực hiện" column after it is what was achieved.
    if (kind === 'indicators' && (role === null || role === 'target') && columns.target !== undefined && isActualLabel(l)) {
      role = 'achieved';
    }
    if (!role) continue;
    const existing = columns[role];
    if (existing !== undefined) {
      // Two deadline columns ("bắt đầu", "hoàn thành"): the completion one is the deadline. Groups written as a
      // column ("Nhóm nhiệm vụ", "Lĩnh vực") before the tasks' own "Nội dung": the tasks' column is the content.
      const replaces =
        (role === 'deadline' && /hoan thanh|ket thuc|han/.test(fold(l))) ||
        (role === 'content' && GROUPING_LABEL.test(fold(labels.content ?? '')) && !GROUPING_LABEL.test(fold(l)));
      if (replaces) {
        columns[role] = c;
        labels[role] = l;
      }
      continue;
    }
    columns[role] = c;
    labels[role] = l;
  }
  if (columns.content === undefined) return null;
  const used = new Set(Object.values(columns) as number[]);
  const aside = [...cand.labels.entries()]
    .filter(([c, l]) => !used.has(c) && !isNumberingLabel(l))
    .sort((a, b) => a[0] - b[0])
    .map(([col, label]) => ({ col, label }));
  const cols = Object.values(columns) as number[];
  const signature = [...cand.labels.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([c, l]) => `${c}=${fold(l)}`)
    .join('|');
  return {
    ...(cand.idCol !== undefined ? { idCol: cand.idCol } : {}),
    kind,
    headerRows: cand.rows,
    columns,
    labels,
    aside,
    innerHeaderRows: [],
    signature,
    firstCol: Math.min(...cols, ...cand.labels.keys()),
    lastCol: Math.max(...cols, ...cand.labels.keys()),
  };
}

/** Title rows: the block of one-cell text rows right above the header (blank rows allowed between). */
function titleRowsAbove(tg: TextGrid, headerTop: number, floor: number): number[] {
  const rows: number[] = [];
  for (let r = headerTop - 1; r > floor; r--) {
    const filled: number[] = [];
    for (let c = 1; c <= tg.cols; c++) if (hasText(tg.text(r, c))) filled.push(c);
    if (filled.length === 0) continue;
    if (filled.length > 1) break; // a table body row (TT and content), not a title line
    rows.unshift(r);
  }
  return rows;
}

function lastUsedRow(tg: TextGrid): number {
  for (let r = tg.rows; r >= 1; r--) {
    for (let c = 1; c <= tg.cols; c++) if (hasText(tg.text(r, c))) return r;
  }
  return 0;
}

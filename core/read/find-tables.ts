// Header detection: find every table in a sheet (one- or two-row headers, merged header cells, several tables).
import { COLUMN_ROLES, type AppendixKind, type ColumnRole } from '../model/appendix.ts';
import type { Merge } from '../model/grid.ts';
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
  const state = stateOf(tg);
  const headers: { cand: HeaderCandidate; spec: Omit<TableSpec, 'bodyStart' | 'bodyEnd' | 'titleRows'> }[] = [];
  let r = 1;
  while (r <= tg.rows) {
    const cand = headerIn(tg, state, r);
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

/**
 * What findTables and readTable learn of a grid once: each row's answer to "is a header here?" (findTables and
 * readTable both ask it of every row), and the merges by their top row.
 */
interface GridState {
  headers: (HeaderCandidate | null | undefined)[];
  mergesByTop: Map<number, Merge[]> | null;
}
const STATES = new WeakMap<TextGrid, GridState>();
const NO_MERGES: Merge[] = [];

function stateOf(tg: TextGrid): GridState {
  let state = STATES.get(tg);
  if (!state) {
    let mergesByTop: Map<number, Merge[]> | null = null;
    for (const m of tg.grid.merges) {
      mergesByTop ??= new Map();
      const list = mergesByTop.get(m.top);
      if (list) list.push(m);
      else mergesByTop.set(m.top, [m]);
    }
    STATES.set(tg, (state = { headers: new Array<undefined>(tg.rows + 2).fill(undefined), mergesByTop }));
  }
  return state;
}

function headerAt(tg: TextGrid, r: number): HeaderCandidate | null {
  return headerIn(tg, stateOf(tg), r);
}

function headerIn(tg: TextGrid, state: GridState, r: number): HeaderCandidate | null {
  let cand = state.headers[r];
  if (cand === undefined) state.headers[r] = cand = headerAtUncached(tg, state, r);
  return cand;
}

/**
 * The header starting at row `r`, if any, asked afresh (no cache): exported for the equivalence test against the
 * definition (test/core/read/header-at.test.ts).
 */
export function headerCandidateAt(tg: TextGrid, r: number): HeaderCandidate | null {
  return headerAtUncached(tg, stateOf(tg), r);
}

// The row being tried, in columns order (headerAt is never re-entered, so one set of arrays serves every row): every
// body row is tried, and a Map of its labels per row, then per block, then per sub-header, was most of the cost.
const labelCols: number[] = [];
const labelTexts: string[] = [];
// Each label's role, asked only when needed (undefined until then): most rows are rejected on their short labels.
const labelRoles: (ColumnRole | null | undefined)[] = [];
// Where each run of adjacent labelled columns starts (an index into the arrays above), and one past the last; the
// plan's block of runs when the row holds another table's labels too.
const runStarts: number[] = [];
const block = { from: 0, to: 0 };

function headerAtUncached(tg: TextGrid, state: GridState, r: number): HeaderCandidate | null {
  let n = 0;
  let idCol: number | undefined;
  for (let c = 1; c <= tg.cols; c++) {
    const raw = tg.text(r, c);
    if (!hasText(raw)) continue;
    const s = raw.trim();
    // The id column is the add-in's, not the table's: it never counts as a label (nor in the signature).
    if (s.length === ID_HEADER.length && isIdHeader(s)) {
      idCol ??= c;
      continue;
    }
    if (s.length > MAX_LABEL) return null;
    labelCols[n] = c;
    labelTexts[n] = s;
    labelRoles[n] = undefined;
    n++;
  }
  if (n < 2) return null;
  // Another small table may share the header row, separated by an empty column: try the plan's block first.
  let cand: HeaderCandidate | null = null;
  if (columnBlock(tg, r, n)) cand = headerFromLabels(tg, state, r, block.from, block.to);
  cand ??= headerFromLabels(tg, state, r, 0, n);
  if (!cand) return null;
  return idCol === undefined ? cand : { ...cand, idCol };
}

/**
 * The plan's own block of a header row that other labels share (a small side table, separated by an empty column):
 * the run of labelled columns around the content label, extended over neighbouring runs that name a plan role.
 * False when the row has a single run (the whole row is then the candidate); else true, the block's labels in `block`.
 */
function columnBlock(tg: TextGrid, r: number, n: number): boolean {
  let runs = 0;
  runStarts[runs++] = 0;
  for (let i = 1; i < n; i++) {
    // Columns between two labels that no merge covers make a gap.
    for (let g = labelCols[i - 1]! + 1; g < labelCols[i]!; g++) {
      if (tg.coveredBy(r, g) === null) {
        runStarts[runs++] = i;
        break;
      }
    }
  }
  if (runs < 2) return false;
  runStarts[runs] = n;
  // A run with a content label of its own is another table's.
  let at = -1;
  for (let k = 0; k < runs && at < 0; k++) {
    for (let i = runStarts[k]!; i < runStarts[k + 1]!; i++) if (roleAt(i) === 'content') at = k;
  }
  if (at < 0) return false;
  let lo = at;
  let hi = at;
  while (lo > 0 && runHasRole(lo - 1)) lo--;
  while (hi < runs - 1 && runHasRole(hi + 1)) hi++;
  if (lo === 0 && hi === runs - 1) return false;
  block.from = runStarts[lo]!;
  block.to = runStarts[hi + 1]!;
  return true;
}

function runHasRole(k: number): boolean {
  let some = false;
  for (let i = runStarts[k]!; i < runStarts[k + 1]!; i++) {
    const role = roleAt(i);
    if (role === 'content') return false;
    if (role !== null) some = true;
  }
  return some;
}

/** Plan roles strong enough to recognize a table among many working columns. */
const PLAN_ROLES = new Set<ColumnRole>(['tt', 'content', 'lead', 'partners', 'deadline', 'result', 'head']);
const SHORT_LABEL = 60;
// Roles as bits, to gather a header's roles without a Set per row tried.
const ROLE_BIT = Object.fromEntries(COLUMN_ROLES.map((role, i) => [role, 1 << i])) as Record<ColumnRole, number>;
if (COLUMN_ROLES.length > 31) throw new Error('find-tables: more roles than bits');
const PLAN_BITS = [...PLAN_ROLES].reduce((bits, role) => bits | ROLE_BIT[role], 0);

/** The header made of the row's labels from..to (indexes into the row's arrays), with the sub-header below if any. */
function headerFromLabels(tg: TextGrid, state: GridState, r: number, from: number, to: number): HeaderCandidate | null {
  // Two-row header: the next row fills sub-labels under a horizontally merged parent (or under nothing).
  const below = subHeaderBelow(tg, state, r, from, to);
  const rows = [r];
  let combined: Map<number, string>;
  if (below) {
    let some = false;
    for (let i = from; i < to; i++) if (roleAt(i) !== null) some = true;
    // A two-row header may keep "Nội dung" in the first row and the agency split in the second.
    if (!some) return null;
    combined = below;
    rows.push(r + 1);
    const texts = [...combined.values()];
    const roles: (ColumnRole | null)[] = [];
    for (const l of texts) roles.push(roleOfLabel(l));
    if (!isHeaderLabels(texts, roles, 0, texts.length)) return null;
  } else {
    if (!isRowHeader(from, to)) return null;
    combined = new Map();
    for (let i = from; i < to; i++) combined.set(labelCols[i]!, labelTexts[i]!);
  }

  const numbering = rows[rows.length - 1]! + 1;
  if (numbering <= tg.rows && isNumberingRow(tg, numbering)) rows.push(numbering);
  return { rows, labels: combined };
}

/** The role of the row's label i, asked once. */
function roleAt(i: number): ColumnRole | null {
  let role = labelRoles[i];
  if (role === undefined) labelRoles[i] = role = roleOfLabel(labelTexts[i]!);
  return role;
}

/**
 * isHeaderLabels for the row's labels from..to, asking the roles of long labels only when they could still make
 * up the three roles a header needs (the content and two others, or TT and one other): under a header, most rows
 * are tasks whose short cells name no role, and whose long text is not worth reading as a label.
 */
function isRowHeader(from: number, to: number): boolean {
  let long = 0;
  for (let i = from; i < to; i++) if (labelTexts[i]!.length > SHORT_LABEL) long++;
  // The short labels first, as long as the roles found, the labels left and the long labels could still make three.
  let bits = 0;
  let distinct = 0;
  let unread = to - from - long;
  for (let i = from; i < to; i++) {
    if (labelTexts[i]!.length > SHORT_LABEL) continue;
    if (distinct + long + unread < 3) return false;
    unread--;
    const role = roleAt(i);
    if (role !== null && !(bits & ROLE_BIT[role])) {
      bits |= ROLE_BIT[role];
      distinct++;
    }
  }
  if (distinct + long < 3) return false;
  for (let i = from; i < to; i++) roleAt(i);
  return isHeaderLabels(labelTexts, labelRoles, from, to);
}

/** Whether labels from..to, with their roles, make a header: the content, enough other roles, mostly recognized. */
function isHeaderLabels(texts: string[], roles: (ColumnRole | null | undefined)[], from: number, to: number): boolean {
  let bits = 0;
  for (let i = from; i < to; i++) {
    const role = roles[i];
    if (role != null) bits |= ROLE_BIT[role];
  }
  if (!(bits & ROLE_BIT.content)) return false;
  const others = bitCount(bits & ~ROLE_BIT.content & ~ROLE_BIT.tt);
  if (others < REQUIRED_OTHER_ROLES && !(bits & ROLE_BIT.tt && others >= 1)) return false;
  // Most labelled cells must be recognized: a body row that happens to contain "kết quả" is not a header.
  // A tracking sheet may add many working columns (who handles it, dates, reply numbers): four distinct plan
  // roles under short labels are a header whatever else the row holds.
  let recognized = 0;
  let planBits = 0;
  for (let i = from; i < to; i++) {
    const role = roles[i];
    const l = texts[i]!;
    if (role != null) {
      recognized++;
      if (ROLE_BIT[role] & PLAN_BITS && l.length <= SHORT_LABEL) planBits |= ROLE_BIT[role];
    } else if (isNumberingLabel(l)) recognized++;
  }
  return !(recognized / (to - from) < 0.6 && bitCount(planBits) < 4);
}

function bitCount(bits: number): number {
  let n = 0;
  for (let b = bits; b !== 0; b &= b - 1) n++;
  return n;
}

/**
 * The header's labels with the sub-labels of row r + 1 under them, or null when that row is not a sub-header.
 * Any cell of the row below can make it null, so the cheap tests come first: under a body row, the first value
 * under a standalone label answers.
 */
function subHeaderBelow(tg: TextGrid, state: GridState, r: number, from: number, to: number): Map<number, string> | null {
  if (r + 1 > tg.rows) return null;
  // Only under the parent's own columns (another table may share the row further right).
  const lo = labelCols[from]!;
  let hi = labelCols[to - 1]!;
  const merges = state.mergesByTop?.get(r) ?? NO_MERGES;
  for (const m of merges) if (m.left === hi && m.right > hi) hi = m.right;
  const hasMerges = state.mergesByTop !== null;
  let childCount = 0;
  let p = from;
  for (let c = lo; c <= Math.min(hi, tg.cols); c++) {
    const raw = tg.text(r + 1, c);
    if (!hasText(raw)) continue;
    const s = raw.trim();
    if (s.length > MAX_LABEL) return null;
    while (p < to && labelCols[p]! < c) p++;
    const parentHas = p < to && labelCols[p] === c;
    const m = hasMerges ? tg.coveredBy(r, c) : null;
    const underMerge = m !== null && m.top === r && m.bottom === r; // horizontal parent spanning this column
    const underMergeLeft = parentHas && hasHorizontalMergeFrom(merges, c);
    // A value under a standalone header cell: this is a body row, not a sub-header.
    if (!(underMerge || underMergeLeft || !parentHas)) return null;
    if (roleOfLabel(s) === null && !isSubLabel(s)) return null;
    childCount++;
  }
  if (childCount === 0) return null;
  const parent = new Map<number, string>();
  for (let i = from; i < to; i++) parent.set(labelCols[i]!, labelTexts[i]!);
  const combined = new Map(parent);
  for (let c = lo; c <= Math.min(hi, tg.cols); c++) {
    const raw = tg.text(r + 1, c);
    if (!hasText(raw)) continue;
    const s = raw.trim();
    const m = tg.coveredBy(r, c);
    const parentLabel = m ? tg.text(m.top, m.left).trim() : (parent.get(c) ?? '');
    // The sub-label decides when it names a role itself ("Cơ quan thực hiện" / "Phối hợp" is the partners).
    combined.set(c, parentLabel && roleOfLabel(s) === null ? `${parentLabel} ${s}` : s);
  }
  return combined;
}

/** Whether one of the merges of a row (its top row) starts at column c and spans to the right. */
function hasHorizontalMergeFrom(merges: Merge[], c: number): boolean {
  for (const m of merges) if (m.left === c && m.right > c) return true;
  return false;
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
    const raw = tg.text(r, c);
    if (!hasText(raw)) continue;
    const s = raw.trim();
    // Most rows asked are task rows, whose first cell is a longer number or text: no match, without the pattern.
    const first = s.charCodeAt(0);
    if (first !== 0x28 && !(first >= 0x30 && first <= 0x39 && s.length <= 2)) return false;
    const m = /^\(\s*(\d{1,2})\s*\)(?:\s*=.*)?$|^(\d{1,2})$/.exec(s);
    if (!m) return false;
    // Bare numbers must count 1, 2, 3… (a task row "1 | 2 | …" is not a thing); parenthesised ones are unambiguous.
    if (m[2] !== undefined && Number(m[2]) !== n + 1) return false;
    n++;
  }
  return n >= 3;
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

// Structure checks: missing columns, repeated headers, continuation rows (fix: merge), blank rows, merged body cells.
import type { AppendixRow, ColumnRole } from '../../model/appendix.ts';
import { a1, columnNumber, rangeA1 } from '../../model/a1.ts';
import { cellText } from '../../read/cell-text.ts';
import { endsMidSentence, startsMidSentence } from '../../read/classify-row.ts';
import { splitHeading } from '../../read/heading.ts';
import type { Patch, CellEdit } from '../../model/patch.ts';
import type { TextGrid } from '../../read/text-grid.ts';
import { cellLoc, type Check, type CheckContext } from '../context.ts';
import type { RawIssue } from '../issue.ts';

const REQUIRED: Record<'tasks' | 'indicators', { required: ColumnRole[]; recommended: ColumnRole[] }> = {
  tasks: { required: ['content', 'lead', 'deadline'], recommended: ['partners', 'result'] },
  indicators: { required: ['content', 'unit', 'target'], recommended: ['monitor'] },
};

export const missingColumns: Check = (ctx) => {
  const a = ctx.appendix;
  if (a.header.rows.length === 0) return; // list form: fields are per task, checked as missing fields
  const spec = REQUIRED[a.kind];
  // An assignment of indicators ("TT | Chỉ tiêu | Chủ trì"), targets written in the indicator's own words
  // ("… đạt 95%"), has neither a unit nor a target column: recommended there, not required.
  const assignment =
    a.kind === 'indicators' &&
    a.columns.unit === undefined &&
    a.columns.target === undefined &&
    (a.columns.lead ?? a.columns.monitor) !== undefined;
  for (const [roles, listedRequired] of [
    [spec.required, true],
    [spec.recommended, false],
  ] as const) {
    for (const role of roles) {
      const required = listedRequired && !(assignment && (role === 'unit' || role === 'target'));
      if (a.columns[role] !== undefined) continue;
      // The agency in charge of an indicator ("Chủ trì") is the one that follows it.
      if (role === 'monitor' && a.columns.lead !== undefined) continue;
      ctx.push({
        code: 'missing-column',
        params: { role, required },
        loc: { sheet: a.sheet, table: a.range, row: a.header.rows[0]! },
        severity: required ? 'error' : 'warning',
      });
    }
  }
};

/** Working columns a tracking sheet adds around the plan columns: named once, so the user knows they were not read. */
export const asideColumns: Check = (ctx) => {
  const a = ctx.appendix;
  if (!a.aside || a.aside.length === 0) return;
  const columns = a.aside.map((x) => `${x.column} (${x.label.replace(/\s+/g, ' ')})`).join(', ');
  ctx.push({ code: 'columns-left-aside', params: { columns }, loc: { sheet: a.sheet, table: a.range, row: a.header.rows[0]! } });
};

export const repeatedHeaders: Check = (ctx) => {
  // A header of two rows retyped under a table split in two is one repeated header: stated once, deleted at once.
  for (const rows of adjacentRuns(ctx.appendix.rows, 'repeated-header')) {
    // A header repeated word for word is certain; a reworded sub-header is deleted only when the user confirms.
    ctx.push({
      code: 'repeated-header-row',
      params: {},
      loc: rowLoc(ctx, rows[0]!),
      fix: deleteRowPatch(
        ctx,
        'repeated-header-row',
        rows,
        rows.every((r) => r.reworded !== true),
      ),
    });
  }
};

/** Rows of one kind, in runs of rows right under one another. */
function adjacentRuns(rows: AppendixRow[], kind: AppendixRow['kind']): AppendixRow[][] {
  const runs: AppendixRow[][] = [];
  let last: AppendixRow | undefined;
  for (const row of rows) {
    if (row.kind !== kind) {
      last = undefined;
      continue;
    }
    if (last && row.source.row === last.source.row + 1) runs[runs.length - 1]!.push(row);
    else runs.push([row]);
    last = row;
  }
  return runs;
}

export const blankRows: Check = (ctx) => {
  const room = roomForTasks(ctx.appendix.rows);
  for (const row of ctx.appendix.rows) {
    if (room.has(row)) continue;
    // A row covered by a cell merged down is part of that cell, not a blank row to delete.
    if (row.kind !== 'blank' || coveredByMerge(ctx, row.source.row)) continue;
    ctx.push({ code: 'blank-row', params: {}, loc: rowLoc(ctx, row), fix: deleteRowPatch(ctx, 'blank-row', row) });
  }
};

function coveredByMerge(ctx: CheckContext, r: number): boolean {
  if (!ctx.sheet) return false;
  const [left, right] = tableColumns(ctx);
  for (let c = left; c <= right; c++) if (ctx.sheet.coveredBy(r, c)) return true;
  return false;
}

/**
 * Blank rows that close a group — nothing but blank rows between them and the next heading or the end of the table —
 * are room left for tasks, as a template leaves under each heading: not reported. A blank row between tasks is.
 */
function roomForTasks(rows: AppendixRow[]): Set<AppendixRow> {
  const room = new Set<AppendixRow>();
  let closing = true;
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i]!;
    if (row.kind === 'blank') {
      if (closing) room.add(row);
    } else closing = row.kind === 'group' || row.kind === 'subgroup';
  }
  return room;
}

/** One merge patch per continued row, shared by the issues of all its fragments (fix-all applies it once). */
export const continuationRows: Check = (ctx) => {
  // Rows by Excel row, built only once a continuation row is met (most tables have none).
  let byRow: ReturnType<typeof rowsByNumber> | undefined;
  let columns: TextColumn[] | undefined;
  const patches = new Map<number, Patch | undefined>();
  for (const row of ctx.appendix.rows) {
    if (row.kind !== 'continuation' || row.continues === undefined) continue;
    byRow ??= rowsByNumber(ctx.appendix.rows);
    const anchor = byRow.get(row.continues);
    if (!patches.has(row.continues))
      patches.set(row.continues, anchor ? mergePatch(ctx, anchor, (columns ??= textColumns(ctx))) : undefined);
    const fix = patches.get(row.continues);
    const issue: RawIssue = { code: 'continuation-row', params: { into: row.continues }, loc: rowLoc(ctx, row) };
    if (fix) issue.fix = fix;
    ctx.push(issue);
  }
};

/** A column of the table a continued row's text is joined in (every role but TT), by number. */
interface TextColumn {
  role: ColumnRole;
  col: number;
}

/** The table's columns but TT, in the order of its column map, their letters converted once per check. */
function textColumns(ctx: CheckContext): TextColumn[] {
  const out: TextColumn[] = [];
  for (const [role, letter] of Object.entries(ctx.appendix.columns) as [ColumnRole, string][]) {
    if (role !== 'tt') out.push({ role, col: columnNumber(letter) });
  }
  return out;
}

/** Rows by Excel row (the last one when two share a number, as a Map built from them answers). */
function rowsByNumber(rows: AppendixRow[]): { get(row: number): AppendixRow | undefined } {
  let ascending = true;
  for (let i = 1; i < rows.length && ascending; i++) ascending = rows[i]!.source.row > rows[i - 1]!.source.row;
  if (!ascending) {
    const byRow = new Map<number, AppendixRow>();
    for (const r of rows) byRow.set(r.source.row, r);
    return byRow;
  }
  // Rows come in sheet order: a binary search instead of a map of every row.
  return {
    get(row: number): AppendixRow | undefined {
      let lo = 0;
      let hi = rows.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const at = rows[mid]!.source.row;
        if (at === row) return rows[mid];
        if (at < row) lo = mid + 1;
        else hi = mid - 1;
      }
      return undefined;
    },
  };
}

/** Rows whose cells are merged across on purpose: headings, notes and headers. */
const ACROSS_KINDS = new Set(['group', 'subgroup', 'note', 'repeated-header']);

export const mergedBodyCells: Check = (ctx) => {
  if (!ctx.sheet) return;
  const a = ctx.appendix;
  if (a.rows.length === 0) return;
  let first = Infinity;
  let last = -Infinity;
  for (const r of a.rows) {
    if (r.source.row < first) first = r.source.row;
    if (r.source.row > last) last = r.source.row;
  }
  const [left, right] = tableColumns(ctx);
  // Kinds by Excel row, built only once a merge lies in the body (headings and headers sit above it).
  let kinds: Map<number, AppendixRow['kind']> | undefined;
  for (const m of ctx.sheet.grid.merges) {
    if (m.bottom < first || m.top > last || m.right < left || m.left > right) continue;
    const kindOf = (kinds ??= new Map(a.rows.map((r) => [r.source.row, r.kind])));
    // A heading merged across the table is how headings are written; a retyped two-row header keeps its merges down.
    if (m.top === m.bottom && ACROSS_KINDS.has(kindOf.get(m.top) ?? '')) continue;
    if (rowsBetween(m.top, m.bottom).every((r) => kindOf.get(r) === 'repeated-header')) continue;
    ctx.push({
      code: 'merged-cells-in-body',
      params: { range: rangeA1(m.top, m.left, m.bottom, m.right) },
      loc: { sheet: a.sheet, table: a.range, row: m.top, cell: a1(m.top, m.left) },
      // A cell merged down is read for every row it covers: advice for sorting and filtering, nothing is lost.
      ...(m.bottom > m.top ? { severity: 'info' as const } : {}),
    });
  }
};

function rowsBetween(top: number, bottom: number): number[] {
  return Array.from({ length: bottom - top + 1 }, (_, i) => top + i);
}

function tableColumns(ctx: CheckContext): [number, number] {
  const cols = Object.values(ctx.appendix.columns).map((l) => columnNumber(l!));
  return [Math.min(...cols), Math.max(...cols)];
}

function rowLoc(ctx: CheckContext, row: AppendixRow) {
  return { ...cellLoc(ctx, row), cell: row.source.cells.tt ?? row.source.cells.content ?? undefined };
}

function deleteRowPatch(ctx: CheckContext, code: string, row: AppendixRow | AppendixRow[], safe = true): Patch {
  const rows = Array.isArray(row) ? row : [row];
  return {
    id: `${code}@${ctx.appendix.sheet}!${rows[0]!.source.row}`,
    code,
    safe,
    ops: [{ op: 'delete-rows', sheet: ctx.appendix.sheet, rows: rows.map((r) => r.source.row) }],
  };
}

/**
 * Whether joining the fragments into the row above is certain: every fragment starts mid-sentence, or the text it
 * joins (in the same column, above it) stops mid-sentence; and none looks like a heading. Otherwise the row may be
 * an unnumbered task or a heading, and moving its text needs the user's confirmation.
 */
function joinIsCertain(ctx: CheckContext, anchor: AppendixRow, columns: TextColumn[]): boolean {
  const sheet = ctx.sheet!;
  for (const { col } of columns) {
    let above = sheet.text(anchor.source.row, col);
    for (const r of anchor.mergedFrom ?? []) {
      // A value shared through a cell merged down is not a fragment.
      if (sheet.coveredBy(r, col)) continue;
      const frag = sheet.text(r, col).trim();
      if (frag === '') continue;
      if (splitHeading(frag) !== null && !startsMidSentence(frag)) return false;
      if (!startsMidSentence(frag) && !endsMidSentence(above)) return false;
      above = frag;
    }
  }
  return true;
}

/** Join every fragment into the continued row's cells (the model already holds the joined text), then delete the fragments. */
function mergePatch(ctx: CheckContext, anchor: AppendixRow, columns: TextColumn[]): Patch | undefined {
  if (!ctx.sheet || !anchor.mergedFrom) return undefined;
  const edits: CellEdit[] = [];
  for (const { role, col } of columns) {
    if (!touches(ctx.sheet, anchor.mergedFrom, col)) continue;
    const cell = ctx.sheet.cell(anchor.source.row, col);
    const from = cell?.v ?? null;
    const to = anchor.fields[role] ?? null;
    const edit: CellEdit = {
      cell: a1(anchor.source.row, col),
      from: from instanceof Date || typeof from === 'boolean' ? cellText(cell) : from,
      to,
    };
    // Text decoded from TCVN3/VNI is written back as Unicode, so its font must become a Unicode one.
    if (anchor.encoding?.[role] || ctx.sheet.encoding(anchor.mergedFrom[0]!, col)) edit.font = 'Times New Roman';
    edits.push(edit);
  }
  return {
    id: `continuation-row@${ctx.appendix.sheet}!${anchor.source.row}`,
    code: 'continuation-row',
    safe: joinIsCertain(ctx, anchor, columns),
    ops: [{ op: 'merge-rows', sheet: ctx.appendix.sheet, into: anchor.source.row, rows: [...anchor.mergedFrom], edits }],
  };
}

/** Whether any fragment row has text in the column. */
function touches(sheet: TextGrid, rows: readonly number[], col: number): boolean {
  for (const r of rows) if (cellText(sheet.cell(r, col)).trim() !== '') return true;
  return false;
}

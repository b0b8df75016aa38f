// applyPatches: cell edits, then whole rows deleted bottom-up (core's order) — one read sync, one write sync.
import { parseA1 } from '../../../core/model/index.ts';
import { planChanges, type SheetEdit } from '../../../core/fix/index.ts';
import type { Patch } from '../../../core/fix/index.ts';
import { runs } from './address.ts';
import { officeCode } from './errors.ts';
import { loadMarks, saveMarks, type MarkRecord } from './mark-store.ts';
import { queueRestore, removeOurComments } from './mark-restore.ts';
import { matches, queuePatchRead, savedRows, type EditRun, type PatchRead } from './patch-read.ts';
import type { ApplyResult } from './port.ts';
import { runExcel, type Batch } from './run.ts';
import { pushUndo, requireBase, type PortState } from './state.ts';
import type { CellRestore } from './undo.ts';
import { cellInput, restoreInput } from './values.ts';

/**
 * Apply one round of patches; cells whose value changed since the patch was made are left alone and reported stale.
 * @example for (const round of fixAll(grids).rounds) await applyPatches(state, round)
 */
export async function applyPatches(state: PortState, patches: Patch[]): Promise<ApplyResult> {
  requireBase(state);
  const plan = planChanges(patches);
  if (plan.edits.length === 0 && plan.deletions.length === 0) return { applied: 0, stale: [] };
  const wanted = [...new Set([...plan.edits.map((e) => e.sheet), ...plan.deletions.map((d) => d.sheet)])];
  const office = state.env.host.Office;
  // Deleting rows moves every mark below them: the marks are taken off first (the pane validates again after a fix).
  const marks = plan.deletions.length > 0 ? loadMarks(office) : [];
  const out = await runExcel(state.env, async (b) => {
    let present = wanted;
    let read: PatchRead;
    try {
      read = queuePatchRead(b, state, plan.edits, plan.deletions, present, marks, () => true);
      await b.sync();
    } catch (err) {
      if (officeCode(err) !== 'ItemNotFound') throw err;
      // A sheet of the patches is gone: its edits are stale, as in the exceljs adapter. Learn which, read again.
      const list = b.context.workbook.worksheets.load('items/name');
      await b.sync();
      const names = new Set(list.items.map((s) => s.name.toLowerCase()));
      present = wanted.filter((n) => names.has(n.toLowerCase()));
      read = queuePatchRead(b, state, plan.edits, plan.deletions, present, marks, (s) => names.has(s.toLowerCase()));
      await b.sync();
    }
    return write(b, state, read, present, plan.edits, plan.deletions, marks);
  });
  if (marks.length > 0) await saveMarks(office, []);
  for (const d of plan.deletions) state.hints.delete(d.sheet);
  return out;
}

async function write(
  b: Batch,
  state: PortState,
  read: PatchRead,
  present: string[],
  edits: SheetEdit[],
  deletions: { sheet: string; rows: number[] }[],
  marks: MarkRecord[],
): Promise<ApplyResult> {
  const stale: ApplyResult['stale'] = [];
  const cells: CellRestore[] = [];
  let applied = 0;
  const runOf = new Map<SheetEdit, EditRun>();
  for (const run of read.editRuns) for (const e of run.edits) runOf.set(e, run);
  const inputs = new Map<EditRun, (string | number | boolean | null)[][]>();
  for (const e of edits) {
    const run = runOf.get(e);
    if (!run) {
      stale.push({ sheet: e.sheet, cell: e.cell });
      continue;
    }
    const i = parseA1(e.cell)!.row - run.top;
    const value = (run.range.values as unknown[][])[i]![0];
    const formula = (run.range.formulas as unknown[][])[i]![0];
    if (!matches(value, (run.range.numberFormat as string[][])[i]![0]!, e.from)) {
      stale.push({ sheet: e.sheet, cell: e.cell });
      continue;
    }
    let column = inputs.get(run);
    if (!column) inputs.set(run, (column = Array.from({ length: run.bottom - run.top + 1 }, () => [null])));
    column[i] = [cellInput(e.to === '' ? null : e.to)];
    const restore: CellRestore = { sheet: e.sheet, cell: e.cell, input: restoreInput(formula, value) };
    if (e.font !== undefined) restore.font = run.fonts!.value[i]![0]!.format?.font?.name ?? '';
    cells.push(restore);
    applied++;
  }
  const blocks = read.deleted.map((d) => savedRows(d, marks));

  // The write batch: marks off, cell edits (one 2-D write per column run), fonts, then rows bottom-up.
  if (read.probe) {
    for (const m of marks) queueRestore(read.probe, m);
    removeOurComments(read.probe);
  }
  for (const [run, column] of inputs) run.range.values = column;
  const done = new Set(cells.map((c) => `${c.sheet}\u0000${c.cell}`));
  for (const e of edits)
    if (e.font !== undefined && done.has(`${e.sheet}\u0000${e.cell}`)) read.sheets.get(e.sheet)!.getRange(e.cell).format.font.name = e.font;
  for (const d of deletions) {
    const ws = read.sheets.get(d.sheet);
    if (!ws || !present.includes(d.sheet)) continue;
    for (const [top, bottom] of runs(
      [...d.rows].sort((x, y) => x - y),
      0,
    ).reverse()) {
      ws.getRange(`${top}:${bottom}`).delete(state.env.host.Excel.DeleteShiftDirection.up);
      applied += bottom - top + 1;
    }
  }
  await b.sync();
  pushUndo(state, { kind: 'patches', cells, blocks });
  return { applied, stale };
}

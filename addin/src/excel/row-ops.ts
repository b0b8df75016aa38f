// applyRowOps: the sync write-back (cell values, whole rows inserted and deleted, the id column hidden) in one batch.
import { columnNumber, rangeA1 } from '../../../core/model/index.ts';
import { runExcel } from './run.ts';
import type { RowOp } from './port.ts';
import { requireBase, type PortState } from './state.ts';
import { cellInput } from './values.ts';

/**
 * Queue every op in the given order and sync once: addresses are those of the sheet as it stands when the op runs
 * (the caller orders deletions bottom-up and computes insert positions after them). Values only: the cells keep the
 * user's formatting, and inserted rows take the formats of the row above as Excel's own insert does.
 * @example await applyRowOps(state, [{ op: 'set', sheet: 'PL I', cell: 'C9', value: 'Công an xã' }])
 */
export async function applyRowOps(state: PortState, ops: RowOp[]): Promise<void> {
  requireBase(state);
  if (ops.length === 0) return;
  const { Excel } = state.env.host;
  await runExcel(state.env, async (b) => {
    const sheets = new Map<string, Excel.Worksheet>();
    const ws = (name: string) => {
      let s = sheets.get(name);
      if (!s) sheets.set(name, (s = b.context.workbook.worksheets.getItem(name)));
      return s;
    };
    for (const op of ops) {
      switch (op.op) {
        case 'set':
          ws(op.sheet).getRange(op.cell).values = [[cellInput(op.value)]];
          break;
        case 'delete':
          ws(op.sheet).getRange(`${op.top}:${op.bottom}`).delete(Excel.DeleteShiftDirection.up);
          break;
        case 'insert': {
          ws(op.sheet)
            .getRange(`${op.at}:${op.at + op.values.length - 1}`)
            .insert(Excel.InsertShiftDirection.down);
          const first = columnNumber(op.firstColumn);
          const width = Math.max(1, ...op.values.map((r) => r.length));
          const block = op.values.map((r) => Array.from({ length: width }, (_, j) => cellInput(r[j] ?? null)));
          ws(op.sheet).getRange(rangeA1(op.at, first, op.at + op.values.length - 1, first + width - 1)).values = block;
          break;
        }
        case 'hide-column':
          ws(op.sheet).getRange(`${op.column}:${op.column}`).columnHidden = true;
          break;
      }
    }
    await b.sync();
  });
  for (const op of ops) state.hints.delete(op.sheet);
}

// writeValues: a block of values in one assignment (text kept as text, dates as dates), undoable.
import { parseA1, rangeA1 } from '../../../core/model/index.ts';
import type { CellValue } from '../../../core/model/index.ts';
import { layerError } from './errors.ts';
import { runExcel } from './run.ts';
import { pushUndo, requireBase, type PortState } from './state.ts';
import { cellInput, restoreInput } from './values.ts';

const DATE_FORMAT = 'dd/mm/yyyy';

/**
 * One read sync (what the cells held, for undo) and one write sync.
 * @example await writeValues(state, 'PL II', 'A6', [['1', 'Nội dung', 'Công an xã']])
 */
export async function writeValues(state: PortState, sheet: string, topLeft: string, values: CellValue[][]): Promise<void> {
  requireBase(state);
  const at = parseA1(topLeft);
  if (!at) throw layerError('office-error', `“${topLeft}” không phải địa chỉ ô / is not a cell address`);
  const cols = Math.max(0, ...values.map((r) => r.length));
  if (values.length === 0 || cols === 0) return;
  const address = rangeA1(at.row, at.col, at.row + values.length - 1, at.col + cols - 1);
  const inputs = values.map((r) => Array.from({ length: cols }, (_, j) => cellInput(r[j] ?? null)));
  const hasDates = values.some((r) => r.some((v) => v instanceof Date));
  await runExcel(
    state.env,
    async (b) => {
      const range = b.context.workbook.worksheets.getItem(sheet).getRange(address);
      range.load('values,formulas,numberFormat');
      await b.sync();
      const before = range.values as unknown[][];
      const prior = (range.formulas as unknown[][]).map((row, i) => row.map((f, j) => restoreInput(f, before[i]![j])));
      const formats = range.numberFormat as string[][];
      range.values = inputs;
      // A date goes in as its serial number: give those cells a date format (null leaves the others alone).
      if (hasDates)
        range.numberFormat = values.map((r) =>
          Array.from({ length: cols }, (_, j) => (r[j] instanceof Date ? DATE_FORMAT : null)),
        ) as string[][];
      await b.sync();
      pushUndo(state, { kind: 'values', sheet, address, inputs: prior, ...(hasDates ? { formats } : {}) });
    },
    { sheet },
  );
  state.hints.delete(sheet);
}

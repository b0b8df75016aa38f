// Progress in the sheet (issue 17): the reported cells of many tasks written at once, and the progress columns added
// to a table that has none — each one Excel.run with one sync (no read first: the pane knows what it writes).
import { columnLetter, columnNumber } from '../../../core/model/index.ts';
import { layerError } from './errors.ts';
import type { ProgressCell, ProgressColumnsSpec } from './port.ts';
import { runExcel } from './run.ts';
import { requireBase, type PortState } from './state.ts';
import { cellInput } from './values.ts';

export const PROGRESS_DATE_FORMAT = 'dd/mm/yyyy';
/** Wide enough for "Đang thực hiện" and a sentence of result on two or three lines. */
const WIDTH = { status: 96, date: 72, text: 180 } as const;

/**
 * Every cell in one batch: values through cellInput (text stays text), a date cell gets a date format.
 * @example await writeProgressCells(state, [{ sheet: 'PL II', cell: 'J12', value: 'Đã hoàn thành' }])
 */
export async function writeProgressCells(state: PortState, cells: ProgressCell[]): Promise<void> {
  requireBase(state);
  if (cells.length === 0) return;
  const sheets = [...new Set(cells.map((c) => c.sheet))];
  await runExcel(
    state.env,
    async (b) => {
      for (const c of cells) {
        const range = b.context.workbook.worksheets.getItem(c.sheet).getRange(c.cell);
        range.values = [[cellInput(c.value)]];
        if (c.value instanceof Date) range.numberFormat = [[PROGRESS_DATE_FORMAT]];
      }
      await b.sync();
    },
    { sheet: sheets.length === 1 ? sheets[0] : undefined },
  );
  for (const s of sheets) state.hints.delete(s);
}

/**
 * The progress columns at `firstColumn` rightwards: each label in the first header row (merged down over the other
 * header rows, as the table's own headings are), bold and wrapped; the status column gets its dropdown, the date
 * column its format, over the table's rows.
 * @example await addProgressColumns(state, { sheet: 'PL II', headerRows: [4], firstColumn: 'J', firstRow: 5, lastRow: 80, columns, statuses })
 */
export async function addProgressColumns(state: PortState, spec: ProgressColumnsSpec): Promise<void> {
  requireBase(state);
  const first = columnNumber(spec.firstColumn);
  const top = Math.min(...spec.headerRows);
  const bottom = Math.max(...spec.headerRows);
  if (spec.columns.length === 0 || !Number.isFinite(top) || first < 1) return;
  if (spec.lastRow < spec.firstRow) throw layerError('office-error', `lastRow ${spec.lastRow} < firstRow ${spec.firstRow}`);
  await runExcel(
    state.env,
    async (b) => {
      const ws = b.context.workbook.worksheets.getItem(spec.sheet);
      spec.columns.forEach((col, i) => {
        const letter = columnLetter(first + i);
        const head = ws.getRange(`${letter}${top}:${letter}${bottom}`);
        if (bottom > top) head.merge(false);
        ws.getRange(`${letter}${top}`).values = [[cellInput(col.label)]];
        head.format.font.bold = true;
        head.format.wrapText = true;
        head.format.horizontalAlignment = 'Center';
        head.format.verticalAlignment = 'Center';
        const body = ws.getRange(`${letter}${spec.firstRow}:${letter}${spec.lastRow}`);
        body.format.wrapText = true;
        body.format.verticalAlignment = 'Top';
        ws.getRange(`${letter}:${letter}`).format.columnWidth = WIDTH[col.kind];
        if (col.kind === 'date') body.numberFormat = Array.from({ length: spec.lastRow - spec.firstRow + 1 }, () => [PROGRESS_DATE_FORMAT]);
        if (col.kind === 'status') {
          const dv = body.dataValidation;
          dv.clear();
          // The five labels, typed into the rule (short, no commas); anything else is refused: the reader must know it.
          dv.rule = { list: { inCellDropDown: true, source: spec.statuses.join(',') } };
          dv.errorAlert = { showAlert: true, style: 'Stop', title: 'phuluc', message: spec.statusError };
          dv.prompt = { showPrompt: true, title: 'phuluc', message: spec.statusPrompt };
        }
      });
      await b.sync();
    },
    { sheet: spec.sheet },
  );
  state.hints.delete(spec.sheet);
}

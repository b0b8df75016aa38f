// One streamed table sheet of the consolidated workbook: title, styled header, committed rows, freeze and filter.
import type ExcelJS from 'exceljs';
import { neutralizeFormula } from '../../core/text/formula.ts';
import type { CellKind, CellOut, ColumnSpec, Lang } from './consolidated-columns.ts';
import { FONT, THIN_BORDER } from './styles.ts';

/** The header sits under a one-row title; data starts below it. */
export const HEADER_ROW = 2;

// One style object per look, shared by every cell: exceljs maps a style object to its id through a WeakMap,
// so 2.5 million cells cost one lookup each instead of one style serialization each.
const body = (bold: boolean, horizontal: 'left' | 'center', numFmt?: string): Partial<ExcelJS.Style> => ({
  font: { name: FONT, size: 12, bold },
  border: THIN_BORDER,
  alignment: { vertical: 'top', horizontal, wrapText: true },
  ...(numFmt ? { numFmt } : {}),
});
const STYLES: Record<'plain' | 'bold', Record<CellKind, Partial<ExcelJS.Style>>> = {
  plain: { text: body(false, 'left'), center: body(false, 'center'), date: body(false, 'center', 'dd/mm/yyyy') },
  bold: { text: body(true, 'left'), center: body(true, 'center'), date: body(true, 'center', 'dd/mm/yyyy') },
};
const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { name: FONT, size: 12, bold: true },
  border: THIN_BORDER,
  alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
};
const TITLE_STYLE: Partial<ExcelJS.Style> = {
  font: { name: FONT, size: 13, bold: true },
  alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
};

/** Bytes the zip may hold unread for one sheet before the writer waits: keeps memory flat on 180,000 rows. */
const HIGH_WATER = 4 * 1024 * 1024;
const CHECK_EVERY = 256;

interface Buffered {
  writableLength?: number;
  readableLength?: number;
  _writableState?: { length: number };
  _readableState?: { length: number };
}

/**
 * Wait while the zip lags behind. exceljs's streaming writer never pushes back: each sheet's XML is piped
 * into archiver's entry stream regardless, and a fast producer buffers the whole sheet in memory. So we look
 * at that entry stream (its old readable-stream PassThrough has no writableLength, hence the _state fallbacks).
 */
async function keepPace(ws: ExcelJS.Worksheet, check: () => void): Promise<void> {
  const pipes = (ws as unknown as { stream?: { pipes?: Buffered[] } }).stream?.pipes ?? [];
  const pending = () => pipes.reduce((n, p) => n + (p.writableLength ?? p._writableState?.length ?? 0) + (p.readableLength ?? p._readableState?.length ?? 0), 0);
  check();
  while (pending() > HIGH_WATER) {
    await new Promise((resolve) => setTimeout(resolve, 2));
    // A dead output never drains: stop instead of waiting for ever.
    check();
  }
}

function writeCell(cell: ExcelJS.Cell, out: CellOut, kind: CellKind, bold: boolean): void {
  cell.style = STYLES[bold ? 'bold' : 'plain'][kind];
  if (out === null) return;
  // Text is always a plain string, neutralized: a task reading "=HYPERLINK(…)" must never become a formula.
  if ('text' in out) cell.value = neutralizeFormula(out.text);
  else if ('number' in out) cell.value = out.number;
  else cell.value = new Date(`${out.date}T00:00:00Z`);
}

export interface TableSheetOptions<T> {
  name: string;
  title: string;
  lang: Lang;
  columns: readonly ColumnSpec<T>[];
  rows: Iterable<T>;
  /** Rows written in bold below the table, outside the filter (totals). */
  footer?: T[];
  /** Throws once the output has failed; called while the writer waits for the zip. */
  check?: () => void;
}

/**
 * Stream one table sheet and commit it: title row, header row (frozen, with an autofilter over the data), rows.
 * @example await writeTableSheet(wb, { name: 'Tổng hợp', title, lang: 'vi', columns: TASK_COLUMNS, rows: c.rows })
 */
export async function writeTableSheet<T>(wb: ExcelJS.Workbook, opts: TableSheetOptions<T>): Promise<void> {
  const { columns, lang } = opts;
  const ws = wb.addWorksheet(opts.name, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}` }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` },
  });
  ws.columns = columns.map((c) => ({ width: c.width }));

  const title = ws.getRow(1);
  title.getCell(1).value = neutralizeFormula(opts.title);
  title.getCell(1).style = TITLE_STYLE;
  title.height = 40;
  if (columns.length > 1) ws.mergeCells(1, 1, 1, columns.length);
  title.commit();

  const head = ws.getRow(HEADER_ROW);
  columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = neutralizeFormula(c.header[lang]);
    cell.style = HEADER_STYLE;
  });
  head.commit();

  let r = HEADER_ROW;
  const write = (item: T, bold: boolean) => {
    const row = ws.getRow(++r);
    columns.forEach((c, i) => writeCell(row.getCell(i + 1), c.value(item, lang), c.kind, bold));
    row.commit();
  };
  for (const item of opts.rows) {
    write(item, false);
    if ((r - HEADER_ROW) % CHECK_EVERY === 0) await keepPace(ws, opts.check ?? (() => {}));
  }
  const last = r;
  if (opts.footer && opts.footer.length > 0) {
    r++; // a blank row keeps totals out of the filtered region Excel infers
    for (const item of opts.footer) write(item, true);
  }
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: Math.max(last, HEADER_ROW), column: columns.length } };
  ws.commit();
}

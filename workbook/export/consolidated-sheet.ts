// One streamed table sheet of the consolidated workbook: title, styled header, rows, freeze, filter and print setup.
import { neutralizeFormula } from '../../core/text/index.ts';
import type { CellKind, CellOut, ColumnSpec, Lang } from '../../core/consolidate/index.ts';
import { FONT } from './styles.ts';
import type { OutCell, WorkbookWriter } from './xlsx-stream/workbook.ts';
import { colLetters, dateSerial } from './xlsx-stream/xml.ts';

/** The header sits under a one-row title; data starts below it. */
export const HEADER_ROW = 2;

/** The looks of the sheet, registered once per workbook: each cell then costs one index. */
export interface TableStyles {
  body: Record<'plain' | 'bold', Record<CellKind, number>>;
  header: number;
  title: number;
}

/** @example const looks = tableStyles(wb) */
export function tableStyles(wb: WorkbookWriter): TableStyles {
  const body = (bold: boolean, horizontal: 'left' | 'center', numFmt?: string) =>
    wb.styles.add({
      font: { name: FONT, size: 12, bold },
      border: true,
      vertical: 'top',
      horizontal,
      wrap: true,
      ...(numFmt ? { numFmt } : {}),
    });
  return {
    body: {
      plain: { text: body(false, 'left'), center: body(false, 'center'), date: body(false, 'center', 'dd/mm/yyyy') },
      bold: { text: body(true, 'left'), center: body(true, 'center'), date: body(true, 'center', 'dd/mm/yyyy') },
    },
    header: wb.styles.add({
      font: { name: FONT, size: 12, bold: true },
      border: true,
      vertical: 'middle',
      horizontal: 'center',
      wrap: true,
    }),
    title: wb.styles.add({ font: { name: FONT, size: 13, bold: true }, vertical: 'middle', horizontal: 'center', wrap: true }),
  };
}

function cellOf(out: CellOut, s: number): OutCell {
  if (out === null) return { s };
  // Text is always a plain string, neutralized: a task reading "=HYPERLINK(…)" must never become a formula.
  if ('text' in out) return { s, v: neutralizeFormula(out.text) };
  if ('number' in out) return { s, v: out.number };
  return { s, v: dateSerial(out.date) };
}

export interface TableSheetOptions<T> {
  name: string;
  title: string;
  lang: Lang;
  columns: readonly ColumnSpec<T>[];
  /** Rows, or rows produced while writing (a national export pages plans in as it goes). */
  rows: Iterable<T> | AsyncIterable<T>;
  /** Rows written in bold below the table, outside the filter (totals). */
  footer?: T[];
  styles: TableStyles;
}

/**
 * Stream one table sheet: title row (merged), header row (frozen, with an autofilter over the data), rows, footer.
 * @example await writeTableSheet(wb, { name: 'Tổng hợp', title, lang: 'vi', columns: TASK_COLUMNS, rows: c.rows, styles })
 */
export async function writeTableSheet<T>(wb: WorkbookWriter, opts: TableSheetOptions<T>): Promise<void> {
  const { columns, lang, styles } = opts;
  const ws = wb.sheet({
    name: opts.name,
    widths: columns.map((c) => c.width),
    frozenRows: HEADER_ROW,
    printTitleRow: HEADER_ROW,
    landscapeFitWidth: true,
  });
  await ws.add([{ s: styles.title, v: neutralizeFormula(opts.title) }], { height: 40 });
  const last = colLetters(columns.length);
  if (columns.length > 1) ws.merge(`A1:${last}1`);
  await ws.add(columns.map((c) => ({ s: styles.header, v: neutralizeFormula(c.header[lang]) })));
  const kinds = columns.map((c) => c.kind);
  const write = (item: T, bold: boolean) => {
    const looks = styles.body[bold ? 'bold' : 'plain'];
    return ws.add(columns.map((c, i) => cellOf(c.value(item, lang), looks[kinds[i]!])));
  };
  if (Symbol.asyncIterator in opts.rows) for await (const item of opts.rows) await write(item, false);
  else for (const item of opts.rows) await write(item, false);
  const lastData = ws.nextRow - 1;
  if (opts.footer && opts.footer.length > 0) {
    ws.blankRow(); // a blank row keeps totals out of the filtered region Excel infers
    for (const item of opts.footer) await write(item, true);
  }
  ws.autoFilter(`A${HEADER_ROW}:${last}${Math.max(lastData, HEADER_ROW)}`);
  await ws.finish();
}

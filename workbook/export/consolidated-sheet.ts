// One streamed table sheet of the consolidated workbook, ready to print: heading block, header row repeated on every
// page, rows as tall as their text, totals, signature block; frozen header, filter, A4 landscape one page wide.
import { neutralizeFormula } from '../../core/text/index.ts';
import type { CellKind, CellOut, Lang } from '../../core/consolidate/index.ts';
import type { SheetColumns } from './consolidated-columns.ts';
import { HEAD_LOOKS, headingLines, signatureLines, type DocumentHeading, type HeadLook } from './heading.ts';
import { layHeading, type LaidLine } from './heading-rows.ts';
import { rowHeight, type HeightCell } from '../layout/row-height.ts';
import { FONT } from './styles.ts';
import type { StyleSheet } from './xlsx-stream/styles.ts';
import { SheetAhead, type OutCell, type SheetWriter, type WorkbookWriter } from './xlsx-stream/workbook.ts';
import { colLetters, dateSerial } from './xlsx-stream/xml.ts';

/** The table's header row: under the heading block (authority and motto, date line, title, subtitle, "Kèm theo" line). */
export const HEADER_ROW = 10;
/** Pixels of a unit of column width: the streamed workbook's default font is Calibri 11. */
export const DIGIT_PX = 7;
const SIZE = 12;

/** The looks of the sheet, registered once per workbook: each cell then costs one index. */
export interface TableStyles {
  body: Record<'plain' | 'bold', Record<CellKind, number>>;
  header: number;
  head: Record<HeadLook, number>;
}

/** @example const looks = tableStyles(wb) */
export function tableStyles(wb: { styles: StyleSheet }): TableStyles {
  const body = (bold: boolean, horizontal: 'left' | 'center', numFmt?: string) =>
    wb.styles.add({
      font: { name: FONT, size: SIZE, bold },
      border: true,
      vertical: 'top',
      horizontal,
      wrap: true,
      ...(numFmt ? { numFmt } : {}),
    });
  const head = Object.fromEntries(
    Object.entries(HEAD_LOOKS).map(([k, l]) => [
      k,
      wb.styles.add({ font: { name: FONT, ...l }, horizontal: 'center', vertical: 'middle', wrap: true }),
    ]),
  ) as Record<HeadLook, number>;
  return {
    body: {
      plain: { text: body(false, 'left'), center: body(false, 'center'), date: body(false, 'center', 'dd/mm/yyyy') },
      bold: { text: body(true, 'left'), center: body(true, 'center'), date: body(true, 'center', 'dd/mm/yyyy') },
    },
    header: wb.styles.add({
      font: { name: FONT, size: SIZE, bold: true },
      border: true,
      vertical: 'middle',
      horizontal: 'center',
      wrap: true,
    }),
    head,
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
  heading: DocumentHeading;
  lang: Lang;
  columns: SheetColumns<T>;
  /** Rows, or rows produced while writing (a national export pages plans in as it goes). */
  rows: Iterable<T> | AsyncIterable<T>;
  /** Rows written in bold below the table, outside the filter (totals). */
  footer?: T[];
  /** A row written in place of the table's rows when there are none ("Tất cả xã đã nộp"). */
  none?: string;
  /**
   * A bold heading row across the printed columns before each run of rows of one band (a commune's report lists its
   * tasks under their NQ57 group's name); rows of a band are given together.
   */
  band?: (item: T) => string;
  /** A row's height measured ahead by tableRowHeight (a read worker did), or undefined to measure it here. */
  height?: (item: T) => number | undefined;
  styles: TableStyles;
}

/** The height of a row of these cells: its text cells measured in their columns' widths. */
function cellsHeight(cells: readonly OutCell[], widths: readonly number[], bold: boolean): number {
  const texts: HeightCell[] = [];
  cells.forEach((c, i) => {
    if (typeof c.v === 'string') texts.push({ text: c.v, width: widths[i]!, size: SIZE, bold });
  });
  return rowHeight(texts, DIGIT_PX);
}

/**
 * The height writeTableSheet gives `item`'s row (not bold): measured where the item is made (a read worker), so that
 * the thread writing the sheet does not measure 180,000 rows.
 * @example tableRowHeight(TASK_SHEET, row, 'vi') // 47.25
 */
export function tableRowHeight<T>(sheet: SheetColumns<T>, item: T, lang: Lang): number {
  const { columns } = sheet;
  return cellsHeight(
    columns.map((c) => cellOf(c.value(item, lang), 0)),
    columns.map((c) => c.width),
    false,
  );
}

/**
 * Stream one table sheet: heading block, header row (frozen, printed on every page, with an autofilter over the
 * data), rows, footer, signature block.
 * @example await writeTableSheet(wb, { name: 'Tổng hợp', heading, lang: 'vi', columns: TASK_SHEET, rows: c.rows, styles })
 */
export async function writeTableSheet<T>(wb: WorkbookWriter, opts: TableSheetOptions<T>): Promise<void> {
  const { lang, styles } = opts;
  const { columns, printed } = opts.columns;
  const widths = columns.map((c) => c.width);
  const printedWidths = widths.slice(0, printed);
  const top = topLines(opts.heading, printedWidths, styles);
  const ws = wb.sheet(tableLayout(opts.name, widths, printed, lang));
  await writeLines(ws, top);
  await writeHeader(ws, opts);
  const write = rowWriter(ws, opts);
  let band: string | undefined;
  const writeBand = async (item: T) => {
    const name = opts.band?.(item);
    if (name === undefined || name === band) return;
    band = name;
    const text = neutralizeFormula(name);
    ws.merge(`A${ws.nextRow}:${colLetters(printed)}${ws.nextRow}`);
    const width = printedWidths.reduce((a, b) => a + b, 0);
    await ws.add([{ s: styles.body.bold.text, v: text }, ...printedWidths.slice(1).map(() => ({ s: styles.body.bold.text }))], {
      height: rowHeight([{ text, width, size: SIZE, bold: true }], DIGIT_PX),
    });
  };
  let count = 0;
  if (Symbol.asyncIterator in opts.rows) {
    for await (const item of opts.rows) {
      await writeBand(item);
      await write(item, false);
      count++;
    }
  } else {
    for (const item of opts.rows) {
      await writeBand(item);
      await write(item, false);
      count++;
    }
  }
  const last = colLetters(columns.length);
  if (count === 0 && opts.none) {
    ws.merge(`A${ws.nextRow}:${colLetters(printed)}${ws.nextRow}`);
    await ws.add([{ s: styles.body.plain.text, v: opts.none }, ...printedWidths.slice(1).map(() => ({ s: styles.body.plain.text }))]);
  }
  const lastData = ws.nextRow - 1;
  if (opts.footer && opts.footer.length > 0) {
    ws.blankRow(); // a blank row keeps totals out of the filtered region Excel infers
    for (const item of opts.footer) await write(item, true);
  }
  await writeLines(ws, layHeading(signatureLines(lang), printedWidths, styles.head, DIGIT_PX));
  ws.autoFilter(`A${HEADER_ROW}:${last}${Math.max(lastData, HEADER_ROW)}`);
  await ws.finish();
}

/** A table sheet's layout: frozen header, header row printed on every page, A4 landscape, page footer. */
function tableLayout(name: string, widths: number[], printed: number, lang: Lang) {
  return {
    name,
    widths,
    frozenRows: HEADER_ROW,
    print: {
      landscape: true,
      titleRows: [HEADER_ROW, HEADER_ROW] as [number, number],
      columns: printed,
      footer: lang === 'en' ? 'Page &P/&N' : 'Trang &P/&N',
    },
  };
}

/** The heading block's lines over the printed columns: always HEADER_ROW − 1 of them (the header's row is fixed). */
function topLines(heading: DocumentHeading, printedWidths: number[], styles: TableStyles): LaidLine[] {
  const top = layHeading(headingLines(heading), printedWidths, styles.head, DIGIT_PX);
  if (top.length !== HEADER_ROW - 1) throw new Error(`heading of ${top.length} lines, expected ${HEADER_ROW - 1}`);
  return top;
}

async function writeLines(ws: SheetWriter, lines: LaidLine[]): Promise<void> {
  for (const l of lines) {
    const r = ws.nextRow;
    for (const m of l.merges) ws.merge(m.replace(/\{r\}/g, String(r)));
    await ws.add(l.cells, { height: l.height });
  }
}

/** The table's header row (bold, bordered, as tall as its wrapped names). */
async function writeHeader<T>(ws: SheetWriter, opts: Pick<TableSheetOptions<T>, 'columns' | 'lang' | 'styles'>): Promise<void> {
  const { columns } = opts.columns;
  const headers = columns.map((c) => c.header[opts.lang]);
  await ws.add(
    headers.map((h) => ({ s: opts.styles.header, v: neutralizeFormula(h) })),
    {
      height: rowHeight(
        headers.map((text, i) => ({ text, width: columns[i]!.width, size: SIZE, bold: true })),
        DIGIT_PX,
      ),
    },
  );
}

/** Writes one item's row, plain or bold (totals). */
function rowWriter<T>(
  ws: SheetWriter,
  opts: Pick<TableSheetOptions<T>, 'columns' | 'lang' | 'styles' | 'height'>,
): (item: T, bold: boolean) => Promise<void> {
  const { lang, styles } = opts;
  const { columns } = opts.columns;
  const widths = columns.map((c) => c.width);
  const kinds = columns.map((c) => c.kind);
  return (item, bold) => {
    const looks = styles.body[bold ? 'bold' : 'plain'];
    const cells = columns.map((c, i) => cellOf(c.value(item, lang), looks[kinds[i]!]));
    return ws.add(cells, { height: (!bold && opts.height?.(item)) || cellsHeight(cells, widths, bold) });
  };
}

/** What a table sheet written ahead needs before its rows come: no heading yet, no band, footer or "none" row. */
export type TableAheadOptions<T> = Pick<TableSheetOptions<T>, 'name' | 'lang' | 'columns' | 'styles' | 'height'>;

/**
 * writeTableSheet for rows that come before the heading is known and before the output is open: rows from the header
 * row on are rendered and deflated into memory as they come; finish() writes the heading above them into `wb`. The
 * heading is always HEADER_ROW − 1 rows, so every row's number is known ahead. Same sheet as writeTableSheet's.
 * @example const t = await TableSheetAhead.open({ name, lang, columns: TASK_SHEET, styles }, 2); await t.add(row); await t.finish(wb, heading)
 */
export class TableSheetAhead<T> {
  private readonly write: (item: T, bold: boolean) => Promise<void>;

  private constructor(
    private readonly opts: TableAheadOptions<T>,
    private readonly sheet: SheetAhead,
  ) {
    this.write = rowWriter(sheet.writer, opts);
  }

  /** Open the sheet and write its header row; `level`: zlib's. */
  static async open<T>(opts: TableAheadOptions<T>, level: number): Promise<TableSheetAhead<T>> {
    const { columns, printed } = opts.columns;
    const layout = tableLayout(
      opts.name,
      columns.map((c) => c.width),
      printed,
      opts.lang,
    );
    const t = new TableSheetAhead(opts, new SheetAhead(layout, HEADER_ROW, level));
    await writeHeader(t.sheet.writer, opts);
    return t;
  }

  /** The next row, in table order. */
  add(item: T): Promise<void> {
    return this.write(item, false);
  }

  /** Heading above, signature block below, filter; the sheet is then written into `wb` as its next sheet. */
  async finish(wb: WorkbookWriter, heading: DocumentHeading): Promise<void> {
    const { lang, styles } = this.opts;
    const { columns, printed } = this.opts.columns;
    const printedWidths = columns.slice(0, printed).map((c) => c.width);
    const ws = this.sheet.writer;
    const top = topLines(heading, printedWidths, styles);
    ws.mergeFirst(top.flatMap((l, i) => l.merges.map((m) => m.replace(/\{r\}/g, String(i + 1)))));
    const lastData = ws.nextRow - 1;
    await writeLines(ws, layHeading(signatureLines(lang), printedWidths, styles.head, DIGIT_PX));
    ws.autoFilter(`A${HEADER_ROW}:${colLetters(columns.length)}${Math.max(lastData, HEADER_ROW)}`);
    await wb.sheetAhead(
      this.sheet,
      top.map((l) => ({ cells: l.cells, height: l.height })),
    );
  }

  /** Drop the rows deflated so far (the sheet is written another way). */
  discard(): void {
    this.sheet.body.discard();
  }
}

// addAppendixSheets: appendices read from a Word plan written into new sheets laid out as the template (fonts,
// bordered table, bold groups, hidden id column, dropdowns, status rule, date format) — one Excel.run, one sync for the
// names in use, then rows (values and borders) in batches filled up to Excel's payload budget.
import { columnLetter, rangeA1 } from '../../../core/model/index.ts';
import type { CellValue } from '../../../core/model/index.ts';
import { COMPLETED_ON_RULE, RULE_TITLE } from '../../../core/progress/index.ts';
import { listsUsed, loadListSheets, placeListSheets, queueListRules, type ListName } from './dropdowns.ts';
import type { AppendixSheetInput, AppendixSheetRules } from './port.ts';
import { runExcel } from './run.ts';
import { budget, requireBase, type PortState } from './state.ts';
import { cellInput } from './values.ts';

/** Bytes a queued range assignment carries beyond its values (object path, address, framing), as a margin. */
const ACTION_OVERHEAD = 200;
const FONT = 'Times New Roman';
// A continuous edge is thin and automatic (black) unless told otherwise: the style alone, half the bytes per cell (the
// borders are most of a block's payload).
const EDGE = { style: 'Continuous' };
const BORDERED = { format: { borders: { top: EDGE, bottom: EDGE, left: EDGE, right: EDGE } } } as Excel.SettableCellProperties;
const DAY_FORMAT = 'dd/mm/yyyy';

interface Block {
  /** Columns bordered: the table's, not the hidden id column after it. */
  shown: number;
  top: number;
  values: (string | number | boolean)[][];
  /** The rows of the block inside the table (header row on) get their borders with their values. */
  bordered: number;
}

/**
 * A name in use gets " (2)", " (3)"…; the first new sheet is activated. Returns the names given.
 * @example await addAppendixSheets(state, [{ name: 'PL II', values, merges: ['A1:I1'], widths: [42, 350] }]) // ['PL II']
 */
export async function addAppendixSheets(state: PortState, sheets: AppendixSheetInput[]): Promise<string[]> {
  requireBase(state);
  if (sheets.length === 0) return [];
  const limit = budget(state);
  const names = await runExcel(state.env, async (b) => {
    const collection = b.context.workbook.worksheets;
    const list = collection.load('items/name');
    const ruled = sheets.filter((s) => s.rules !== undefined);
    const found = ruled.length > 0 ? loadListSheets(collection) : null;
    await b.sync();
    const taken = new Set(list.items.map((s) => s.name.toLowerCase()));
    const out = sheets.map((s) => {
      let name = s.name.slice(0, 31);
      for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${s.name.slice(0, 26)} (${n})`;
      taken.add(name.toLowerCase());
      return name;
    });
    // The sheets' layout, the lists and the rules are small: they go with the first block.
    const added = sheets.map((s, i) => layout(collection.add(out[i]), s));
    // Each sheet's layout is a dozen small actions.
    let pending = 12 * ACTION_OVERHEAD * sheets.length;
    if (found) {
      const used = [...new Set(ruled.flatMap((s) => listsUsed(s.rules!.columns)))] as ListName[];
      const lists = ruled[0]!.rules!.lists;
      const sources = placeListSheets(collection, found, lists, used);
      sheets.forEach((s, i) => s.rules && queueRules(added[i]!, s.rules, sources));
      // The lists, eight rule actions a sheet, and the day format's one string per row.
      const days = ruled.reduce((n, s) => n + (s.rules!.dateColumn ? s.rules!.lastRow - s.rules!.firstRow + 1 : 0), 0);
      pending += JSON.stringify(lists).length + ACTION_OVERHEAD * 8 * ruled.length + days * (DAY_FORMAT.length + 5);
    }
    // Rows go out in order, each batch filled up to the limit (the first one after the layout and the lists), so the
    // syncs are as few as the limit allows; a single row past it goes alone (Excel then refuses it).
    for (const [sheet, s] of sheets.entries()) {
      const width = widthOf(s);
      const shown = s.hiddenColumns?.includes(width) ? width - 1 : width;
      let cur: Block | null = null;
      for (const [i, row] of s.values.entries()) {
        const input = Array.from({ length: width }, (_, j) => cellInput((row[j] ?? null) as CellValue));
        const inTable = s.headerRow !== undefined && i + 1 >= s.headerRow;
        const size = JSON.stringify(input).length + 1 + (inTable ? shown * BORDER_BYTES : 0);
        if (pending > 0 && pending + size + (cur ? 0 : BLOCK_OVERHEAD) > limit) {
          if (cur) queueBlock(added[sheet]!, cur);
          cur = null;
          await b.sync();
          pending = 0;
        }
        if (!cur) {
          cur = { shown, top: i + 1, values: [], bordered: 0 };
          pending += BLOCK_OVERHEAD;
        }
        cur.values.push(input);
        if (inTable) cur.bordered++;
        pending += size;
      }
      if (cur) queueBlock(added[sheet]!, cur);
    }
    // Merges after the values: a merged range refuses values written into its covered cells.
    const merging = sheets.reduce((n, s) => n + s.merges.length, 0) * 4 * ACTION_OVERHEAD;
    if (pending + merging > limit) await b.sync();
    sheets.forEach((s, i) =>
      s.merges.forEach((m, line) => {
        const title = added[i]!.getRange(m);
        title.merge(false);
        title.format.horizontalAlignment = 'Center';
        title.format.font.size = 13;
        // "PHỤ LỤC …" and the name in bold, the "(Kèm theo …)" line in italics, as the template writes them.
        if (s.italicRows?.includes(line + 1)) title.format.font.italic = true;
        else title.format.font.bold = true;
      }),
    );
    added[0]!.activate();
    await b.sync();
    return out;
  });
  state.sheetNames = null;
  return names;
}

/** Widths, font and wrapping, the header row, bold group rows, TT centred, hidden columns: a handful of actions. */
function layout(ws: Excel.Worksheet, s: AppendixSheetInput): Excel.Worksheet {
  s.widths.forEach((w, j) => (ws.getRange(`${columnLetter(j + 1)}1`).format.columnWidth = w));
  const width = widthOf(s);
  if (s.values.length > 0) {
    const all = ws.getRange(rangeA1(1, 1, s.values.length, width)).format;
    all.font.name = FONT;
    all.font.size = 12;
    all.wrapText = true;
    all.verticalAlignment = 'Center';
  }
  if (s.headerRow) {
    const head = ws.getRange(rangeA1(s.headerRow, 1, s.headerRow, width)).format;
    head.font.bold = true;
    head.horizontalAlignment = 'Center';
    if (s.values.length > s.headerRow) ws.getRange(rangeA1(s.headerRow + 1, 1, s.values.length, 1)).format.horizontalAlignment = 'Center';
  }
  for (const r of s.boldRows ?? []) ws.getRange(rangeA1(r, 1, r, width)).format.font.bold = true;
  for (const c of s.hiddenColumns ?? []) ws.getRange(`${columnLetter(c)}:${columnLetter(c)}`).columnHidden = true;
  return ws;
}

/** The template's dropdowns on the sheet's body rows: agencies and deadlines, the status words, the day format. */
function queueRules(ws: Excel.Worksheet, rules: AppendixSheetRules, sources: Record<ListName, string>): void {
  queueListRules(ws, rules, sources);
  const col = (letter: string) => ws.getRange(`${letter}${rules.firstRow}:${letter}${rules.lastRow}`);
  if (rules.status) {
    const dv = col(rules.status.column).dataValidation;
    dv.clear();
    // The five words, typed into the rule (short, no commas); anything else is refused: the reader must know it.
    dv.rule = { list: { inCellDropDown: true, source: rules.status.items.join(',') } };
    dv.errorAlert = { showAlert: true, style: 'Stop', title: RULE_TITLE, message: rules.status.error };
    dv.prompt = { showPrompt: true, title: RULE_TITLE, message: rules.status.prompt };
  }
  if (rules.dateColumn) {
    const day = col(rules.dateColumn);
    day.numberFormat = Array.from({ length: rules.lastRow - rules.firstRow + 1 }, () => [DAY_FORMAT]);
    // A real date, so it reads back as a day whatever the computer's date settings (the template's rule).
    const dv = day.dataValidation;
    dv.clear();
    dv.rule = { date: { formula1: '2000-01-01', operator: 'GreaterThan' } };
    dv.errorAlert = { showAlert: true, style: 'Stop', title: RULE_TITLE, message: COMPLETED_ON_RULE.error };
    dv.prompt = { showPrompt: true, title: RULE_TITLE, message: COMPLETED_ON_RULE.prompt };
  }
}

/** A block's values, and the borders of its rows inside the table (the last `bordered` of them). */
function queueBlock(ws: Excel.Worksheet, block: Block): void {
  const bottom = block.top + block.values.length - 1;
  ws.getRange(rangeA1(block.top, 1, bottom, block.values[0]!.length)).values = block.values;
  if (block.bordered === 0) return;
  const table = ws.getRange(rangeA1(bottom - block.bordered + 1, 1, bottom, block.shown));
  table.setCellProperties(borders(block.bordered, block.shown));
}

function borders(rows: number, width: number): Excel.SettableCellProperties[][] {
  return Array.from({ length: rows }, () => Array.from({ length: width }, () => BORDERED));
}

/** Bytes each bordered cell adds to a batch. */
const BORDER_BYTES = JSON.stringify(BORDERED).length + 1;
/** A block's two assignments (values, borders) beyond their data. */
const BLOCK_OVERHEAD = 2 * ACTION_OVERHEAD;

function widthOf(s: AppendixSheetInput): number {
  return Math.max(1, ...s.values.map((r) => r.length));
}

// addAppendixSheets: appendices read from a Word plan written into new sheets, values split into row blocks under
// Excel's payload limit — one Excel.run, one sync for the names in use, then one sync per block.
import { columnLetter, rangeA1 } from '../../../core/model/index.ts';
import type { CellValue } from '../../../core/model/index.ts';
import type { AppendixSheetInput } from './port.ts';
import { runExcel } from './run.ts';
import { budget, requireBase, type PortState } from './state.ts';
import { cellInput } from './values.ts';

/** Bytes a queued range assignment carries beyond its values (object path, address, framing), as a margin. */
const ACTION_OVERHEAD = 200;
const FONT = 'Times New Roman';

interface Block {
  sheet: number;
  top: number;
  values: (string | number | boolean)[][];
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
    const list = b.context.workbook.worksheets.load('items/name');
    await b.sync();
    const taken = new Set(list.items.map((s) => s.name.toLowerCase()));
    const out = sheets.map((s) => {
      let name = s.name.slice(0, 31);
      for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${s.name.slice(0, 26)} (${n})`;
      taken.add(name.toLowerCase());
      return name;
    });
    // The sheets, widths and merges are small: they go with the first block.
    const added = sheets.map((s, i) => {
      const ws = b.context.workbook.worksheets.add(out[i]);
      s.widths.forEach((w, j) => (ws.getRange(`${columnLetter(j + 1)}1`).format.columnWidth = w));
      const width = Math.max(1, ...s.values.map((r) => r.length));
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
      }
      return ws;
    });
    let pending = 0;
    for (const block of blocks(sheets, limit)) {
      const bytes = JSON.stringify(block.values).length + ACTION_OVERHEAD;
      if (pending > 0 && pending + bytes > limit) {
        await b.sync();
        pending = 0;
      }
      const width = block.values[0]!.length;
      added[block.sheet]!.getRange(rangeA1(block.top, 1, block.top + block.values.length - 1, width)).values = block.values;
      pending += bytes;
    }
    // Merges after the values: a merged range refuses values written into its covered cells.
    sheets.forEach((s, i) =>
      s.merges.forEach((m) => {
        const title = added[i]!.getRange(m);
        title.merge(false);
        title.format.horizontalAlignment = 'Center';
        title.format.font.bold = true;
      }),
    );
    added[0]!.activate();
    await b.sync();
    return out;
  });
  state.sheetNames = null;
  return names;
}

/** Each sheet's rows cut into blocks of at most `limit` bytes (a single row past it goes alone; Excel then refuses it). */
function blocks(sheets: AppendixSheetInput[], limit: number): Block[] {
  const out: Block[] = [];
  sheets.forEach((s, sheet) => {
    const width = Math.max(1, ...s.values.map((r) => r.length));
    let cur: Block | null = null;
    let bytes = 0;
    s.values.forEach((row, i) => {
      const input = Array.from({ length: width }, (_, j) => cellInput((row[j] ?? null) as CellValue));
      const size = JSON.stringify(input).length + 1;
      if (!cur || bytes + size + ACTION_OVERHEAD > limit) {
        cur = { sheet, top: i + 1, values: [] };
        out.push(cur);
        bytes = 0;
      }
      cur.values.push(input);
      bytes += size;
    });
  });
  return out;
}

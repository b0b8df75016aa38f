// addSheets: new worksheets filled with values (the province's consolidated table), in one write batch.
import { rangeA1 } from '../../../core/model/index.ts';
import type { CellValue } from '../../../core/model/index.ts';
import { runExcel } from './run.ts';
import { requireBase, type PortState } from './state.ts';
import { cellInput } from './values.ts';

/**
 * One sync learns the sheet names (a name in use gets " (2)", " (3)"…), one sync adds and fills the sheets and
 * activates the first. Returns the names given.
 * @example await addSheets(state, [{ name: 'Tổng hợp', values: [['Xã', 'Nhiệm vụ']] }]) // ['Tổng hợp']
 */
export async function addSheets(state: PortState, sheets: { name: string; values: CellValue[][] }[]): Promise<string[]> {
  requireBase(state);
  if (sheets.length === 0) return [];
  const names = await runExcel(state.env, async (b) => {
    const list = b.context.workbook.worksheets.load('items/name');
    await b.sync();
    const taken = new Set(list.items.map((s) => s.name.toLowerCase()));
    const out: string[] = [];
    let first: Excel.Worksheet | null = null;
    for (const s of sheets) {
      let name = s.name.slice(0, 31);
      for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${s.name.slice(0, 26)} (${n})`;
      taken.add(name.toLowerCase());
      out.push(name);
      const ws = b.context.workbook.worksheets.add(name);
      first ??= ws;
      const width = Math.max(1, ...s.values.map((r) => r.length));
      if (s.values.length > 0)
        ws.getRange(rangeA1(1, 1, s.values.length, width)).values = s.values.map((r) =>
          Array.from({ length: width }, (_, j) => cellInput(r[j] ?? null)),
        );
    }
    first?.activate();
    await b.sync();
    return out;
  });
  state.sheetNames = null;
  return names;
}

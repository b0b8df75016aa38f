// readWorkbook: every sheet wanted, read in one sync when it fits; past Excel's payload limit, in row blocks.
import type { Grid } from '../../../core/model/index.ts';
import { officeCode, PAYLOAD_CODES } from './errors.ts';
import type { SheetsMode, WorkbookSnapshot } from './port.ts';
import { buildGrid, blockOf, metaOf, queueBlock, queueMeta, type QueuedBlock, type QueuedMeta } from './read-sheet.ts';
import { readChunked } from './read-chunks.ts';
import { runExcel, type Batch } from './run.ts';
import { budget, requireBase, type PortState } from './state.ts';

/**
 * Read the active sheet (or every visible one) into Grids. One Excel.run; one sync when the sheets fit in a request
 * ('all' needs a second sync the first time, to learn the sheet names); chunked by rows only past the payload limit.
 * @example const { grids, bytes } = await readSheets(state, 'active')
 */
export async function readSheets(state: PortState, mode: SheetsMode): Promise<WorkbookSnapshot> {
  requireBase(state);
  const snap = await runExcel(state.env, async (b) => {
    // A sheet known to be too big skips the attempt that would fail.
    if (state.lastReadBytes > budget(state)) return readChunked(b, state, mode);
    try {
      return await readDirect(b, state, mode, true);
    } catch (err) {
      const code = officeCode(err);
      if (code !== undefined && PAYLOAD_CODES.has(code)) return readChunked(b, state, mode);
      if (code !== 'ItemNotFound') throw err;
      // A remembered sheet was renamed or deleted: forget the names and read again.
      state.sheetNames = null;
      try {
        return await readDirect(b, state, mode, false);
      } catch (again) {
        const c = officeCode(again);
        if (c !== undefined && PAYLOAD_CODES.has(c)) return readChunked(b, state, mode);
        throw again;
      }
    }
  });
  state.lastReadBytes = snap.bytes;
  return snap;
}

interface QueuedSheet {
  meta: QueuedMeta;
  block: QueuedBlock;
}

function queueSheet(ws: Excel.Worksheet, state: PortState): QueuedSheet {
  // Values only: a formatted but empty row under the table is not part of the sheet's content.
  const used = ws.getUsedRange(true);
  return { meta: queueMeta(ws, used, state.features), block: queueBlock(used) };
}

async function readDirect(b: Batch, state: PortState, mode: SheetsMode, useCache: boolean): Promise<WorkbookSnapshot> {
  const sheets = b.context.workbook.worksheets;
  const active = sheets.getActiveWorksheet();
  active.load('name');
  if (mode === 'all') sheets.load('items/name,items/visibility');
  const queued = [queueSheet(active, state)];
  if (mode === 'all' && useCache) for (const name of state.sheetNames ?? []) queued.push(queueSheet(sheets.getItem(name), state));
  await b.sync();

  const read = new Map<string, { grid: Grid; bytes: number }>();
  const take = (q: QueuedSheet) => {
    const meta = metaOf(q.meta);
    if (read.has(meta.name)) return;
    const block = blockOf(q.block);
    state.hints.set(meta.name, meta.hints);
    read.set(meta.name, { grid: buildGrid(meta.name, [block], meta.merges), bytes: block.bytes + meta.bytes });
  };
  queued.forEach(take);
  let order = [active.name];
  if (mode === 'all') {
    order = sheets.items.filter((s) => s.visibility === 'Visible').map((s) => s.name);
    state.sheetNames = order.filter((n) => n !== active.name);
    const missing = order.filter((n) => !read.has(n));
    if (missing.length > 0) {
      const more = missing.map((n) => queueSheet(sheets.getItem(n), state));
      await b.sync();
      more.forEach(take);
    }
  }
  const grids = order.map((n) => read.get(n)!).filter(Boolean);
  return { grids: grids.map((g) => g.grid), active: active.name, bytes: grids.reduce((n, g) => n + g.bytes, 0) };
}

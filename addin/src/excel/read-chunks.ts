// The read past Excel's payload limit: sheet bounds first, then row blocks sized from what earlier blocks weighed.
import { rangeA1 } from '../../../core/model/index.ts';
import type { Grid } from '../../../core/model/index.ts';
import { layerError, officeCode, PAYLOAD_CODES } from './errors.ts';
import type { SheetsMode, WorkbookSnapshot } from './port.ts';
import { blockOf, buildGrid, metaOf, queueBlock, queueMeta, type Block, type QueuedMeta } from './read-sheet.ts';
import type { Batch } from './run.ts';
import { budget, type PortState } from './state.ts';

/** First guess of a cell's weight (value, number format, font name as JSON) before any block has been measured. */
const GUESS_BYTES_PER_CELL = 100;

interface Bounds {
  ws: Excel.Worksheet;
  used: Excel.Range;
  meta: QueuedMeta;
}

/**
 * One sync for the bounds of every sheet, then one sync per row block (never per row). A block refused as too large
 * is retried at half the rows.
 * @example await readChunked(batch, state, 'active')
 */
export async function readChunked(b: Batch, state: PortState, mode: SheetsMode): Promise<WorkbookSnapshot> {
  const sheets = b.context.workbook.worksheets;
  const active = sheets.getActiveWorksheet();
  active.load('name');
  if (mode === 'all') sheets.load('items/name,items/visibility');
  const bounds = (ws: Excel.Worksheet): Bounds => {
    const used = ws.getUsedRange(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    return { ws, used, meta: queueMeta(ws, used, state.features) };
  };
  const first = bounds(active);
  await b.sync();
  let all = [first];
  if (mode === 'all') {
    const others = sheets.items.filter((s) => s.visibility === 'Visible' && s.name !== active.name);
    const order = sheets.items.filter((s) => s.visibility === 'Visible').map((s) => s.name);
    const rest = others.map((s) => bounds(sheets.getItem(s.name)));
    if (rest.length > 0) await b.sync();
    const byName = new Map([first, ...rest].map((x) => [x.ws.name, x]));
    all = order.map((n) => byName.get(n)!);
  }
  const grids: Grid[] = [];
  let bytes = 0;
  for (const s of all) {
    const meta = metaOf(s.meta);
    state.hints.set(meta.name, meta.hints);
    const blocks = await readBlocks(b, s, budget(state));
    bytes += blocks.reduce((n, x) => n + x.bytes, meta.bytes);
    grids.push(buildGrid(meta.name, blocks, meta.merges));
  }
  if (mode === 'all') state.sheetNames = all.map((s) => s.ws.name).filter((n) => n !== active.name);
  return { grids, active: active.name, bytes };
}

async function readBlocks(b: Batch, s: Bounds, limit: number): Promise<Block[]> {
  const top = s.used.rowIndex + 1;
  const left = s.used.columnIndex + 1;
  const rows = s.used.rowCount;
  const cols = s.used.columnCount;
  let perRow = cols * GUESS_BYTES_PER_CELL;
  let heaviest = 0;
  const blocks: Block[] = [];
  for (let r = 0; r < rows;) {
    const n = Math.max(1, Math.min(rows - r, Math.floor(limit / perRow)));
    const q = queueBlock(s.ws.getRange(rangeA1(top + r, left, top + r + n - 1, left + cols - 1)));
    try {
      await b.sync();
    } catch (err) {
      const code = officeCode(err);
      if (code === undefined || !PAYLOAD_CODES.has(code)) throw err;
      if (n === 1) throw layerError('payload-too-large', '', err);
      perRow = Math.ceil(limit / Math.floor(n / 2));
      continue;
    }
    const block = blockOf(q);
    blocks.push(block);
    // Size the next block from the heaviest rows seen so far, with a tenth to spare.
    heaviest = Math.max(heaviest, Math.ceil((block.bytes / n) * 1.1));
    perRow = heaviest;
    r += n;
  }
  return blocks;
}

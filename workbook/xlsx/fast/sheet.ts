// One worksheet's XML → a core Grid: rows of cells (shared/inline strings, numbers, dates, booleans, errors) and merges.
import type { Cell, CellValue, Grid, Merge } from '../../../core/model/index.ts';
import { a1, parseA1 } from '../../../core/model/index.ts';
import { WorkbookReadError } from '../errors.ts';
import { MAX_CELL_TEXT } from '../limits.ts';
import type { SharedStrings } from './strings.ts';
import type { Styles } from './styles.ts';
import { attr, closedThrough, decodeXml, el, textOf } from './xml.ts';

export interface SheetLimits {
  maxRow: number;
  maxCol: number;
  maxCells: number;
}

// `[^<>]` in start tags and closedThrough() before every lazy body keep each scan linear on hostile parts (xml.ts).
const ROW = new RegExp(`<${el('row')}(\\s[^<>]*)?(?:/>|>([\\s\\S]*?)</${el('row')}>)`, 'g');
const CELL = new RegExp(`<${el('c')}(\\s[^<>]*?)?(?:/>|>([\\s\\S]*?)</${el('c')}>)`, 'g');
const V = new RegExp(`<${el('v')}(?:\\s[^<>]*)?>([\\s\\S]*?)</${el('v')}>`);
const IS = new RegExp(`<${el('is')}(?:\\s[^<>]*)?>([\\s\\S]*?)</${el('is')}>`);
const RFONT = new RegExp(`<${el('rFont')}\\s[^<>]*>`);
const MERGE = new RegExp(`<${el('mergeCell')}\\s[^<>]*>`, 'g');

/**
 * Parse a worksheet part. Cells without a value are skipped; a value past the limits is refused with a clear error.
 * @example parseSheet('Phụ lục', xml, strings, styles, false, limits).rows.length
 */
export function parseSheet(name: string, xml: string, sst: SharedStrings, styles: Styles, date1904: boolean, limits: SheetLimits): Grid {
  const rows: (Cell | null)[][] = [];
  let count = 0;
  const dataStart = xml.search(new RegExp(`<${el('sheetData')}[\\s>/]`));
  const dataEnd = xml.search(new RegExp(`</${el('sheetData')}>`));
  const data = dataStart < 0 ? '' : closedThrough(xml.slice(dataStart, dataEnd < 0 ? undefined : dataEnd), 'row');
  let rowNo = 0;
  ROW.lastIndex = 0;
  for (let rm = ROW.exec(data); rm; rm = ROW.exec(data)) {
    const r = Number(attr(rm[1] ?? '', 'r') ?? rowNo + 1);
    rowNo = r;
    const body = rm[2] ? closedThrough(rm[2], 'c') : '';
    if (!body) continue;
    let colNo = 0;
    CELL.lastIndex = 0;
    for (let cm = CELL.exec(body); cm; cm = CELL.exec(body)) {
      const tag = cm[1] ?? '';
      const ref = attr(tag, 'r');
      const at = ref ? parseA1(ref) : null;
      const c = at ? at.col : colNo + 1;
      colNo = c;
      const s = Number(attr(tag, 's') ?? 0);
      const parsed = valueOf(attr(tag, 't'), cm[2] ?? '', s, sst, styles, date1904);
      if (parsed === null || parsed.v === null) continue;
      if (typeof parsed.v === 'string' && parsed.v.length > MAX_CELL_TEXT)
        throw new WorkbookReadError('cell-too-long', `${name}!${a1(r, c)}: ${parsed.v.length.toLocaleString('vi-VN')}`);
      if (r > limits.maxRow) throw new WorkbookReadError('too-large', `${name}: ${r.toLocaleString('vi-VN')} dòng / rows`);
      if (c > limits.maxCol) throw new WorkbookReadError('too-large', `${name}: ${c} cột / columns`);
      if (++count > limits.maxCells)
        throw new WorkbookReadError('too-large', `${name}: > ${limits.maxCells.toLocaleString('vi-VN')} ô / cells`);
      const line = (rows[r - 1] ??= []);
      line[c - 1] = parsed;
    }
  }
  for (let i = 0; i < rows.length; i++) {
    const line = (rows[i] ??= []);
    for (let j = 0; j < line.length; j++) if (line[j] === undefined) line[j] = null;
  }
  return { sheet: name, origin: { row: 1, col: 1 }, rows, merges: mergesOf(xml) };
}

function valueOf(t: string | undefined, inner: string, s: number, sst: SharedStrings, styles: Styles, date1904: boolean): Cell | null {
  let v: CellValue;
  let font = styles.font[s];
  const raw = V.exec(closedThrough(inner, 'v'))?.[1];
  switch (t) {
    case 's': {
      const i = Number(raw);
      v = sst.text[i] ?? null;
      font = sst.font[i] ?? font;
      break;
    }
    case 'inlineStr': {
      const is = IS.exec(closedThrough(inner, 'is'))?.[1] ?? '';
      v = textOf(is);
      const rf = RFONT.exec(is)?.[0];
      if (rf) font = attr(rf, 'val') ?? font;
      break;
    }
    case 'str':
    case 'e':
      v = raw === undefined ? null : decodeXml(raw);
      break;
    case 'b':
      v = raw === undefined ? null : raw.trim() === '1' || raw.trim() === 'true';
      break;
    case 'd':
      v = raw === undefined ? null : new Date(decodeXml(raw));
      break;
    default: {
      if (raw === undefined || raw.trim() === '') return null;
      const n = Number(raw);
      if (!Number.isFinite(n)) return null;
      v = styles.date[s] ? serialToDate(n, date1904) : n;
    }
  }
  if (v === '' || v === null) return null;
  const cell: Cell = { v };
  if (font) cell.font = font;
  const fmt = styles.fmt[s];
  if (typeof v === 'number' && fmt && fmt !== 'General') cell.fmt = fmt;
  return cell;
}

/** Excel serial (days since 1899-12-30, or 1904-01-01) → a Date at UTC, as exceljs reads it. */
export function serialToDate(n: number, date1904: boolean): Date {
  return new Date(Math.round(((date1904 ? n + 1462 : n) - 25569) * 86_400_000));
}

function mergesOf(xml: string): Merge[] {
  const out: Merge[] = [];
  for (const m of xml.matchAll(MERGE)) {
    const ref = attr(m[0], 'ref') ?? '';
    const [a, b] = ref.split(':');
    const tl = parseA1(a ?? '');
    const br = parseA1(b ?? a ?? '');
    if (tl && br) out.push({ top: tl.row, left: tl.col, bottom: br.row, right: br.col });
  }
  return out;
}

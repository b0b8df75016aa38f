// The document's blocks → grids core reads: the appendix tables one under another, each under its title paragraphs,
// in one grid (so core's table finder joins a table split in two and tells appendices apart by their titles, as it
// does on a sheet); layout tables (issuer and motto, signatures) left out; an appendix written as paragraphs as lines.
import { findTables, textGrid } from '../../core/read/index.ts';
import type { Cell, Grid, Merge } from '../../core/model/index.ts';
import { decodeLegacy, encodingFromFont, fold } from '../../core/text/index.ts';
import { placeTable, textCell, type PlacedTable } from './to-grid.ts';
import type { DocBlock, DocParagraph, DocTable } from './walk.ts';

/** A table not read, and why (Vietnamese, English): an appendix-looking table with a table nested in a cell. */
export interface RefusedTable {
  /** 1-based position among the document's top-level tables. */
  table: number;
  vi: string;
  en: string;
}

export interface Assembled {
  grids: Grid[];
  refused: RefusedTable[];
  /** Rows of the first grid marked to repeat as a header on every page (w:tblHeader). */
  headerRows: number[];
}

// A line that opens an appendix's title block ("PHỤ LỤC II", "Biểu 2", "Bảng số 1"), folded.
const OPENS_TITLE = /^(phu luc|bieu\s*(so\s*)?\d|bang so)/;
const REFERENCE = /^\(?\s*(ban hanh\s+)?kem theo/;

/**
 * @example assemble(walkDocument(xml), 'ke-hoach.docx').grids[0]?.sheet // 'ke-hoach.docx'
 */
export function assemble(blocks: DocBlock[], name: string): Assembled {
  const rows: (Cell | null)[][] = [];
  const merges: Merge[] = [];
  const headerRows: number[] = [];
  const refused: RefusedTable[] = [];
  const paragraphs: DocParagraph[] = [];
  let pending: DocParagraph[] = [];
  // Paragraphs since the last appendix table, layout tables passed over: where a list-form appendix after it is.
  let sinceKept: DocParagraph[] = [];
  let last: PlacedTable | undefined;
  let tableNo = 0;

  for (const block of blocks) {
    if (block.kind === 'p') {
      paragraphs.push(block);
      pending.push(block);
      sinceKept.push(block);
      continue;
    }
    tableNo++;
    const title = titleOf(pending);
    const between = pending.some((p) => p.text.trim() !== '');
    pending = [];
    const top = rows.length + (rows.length > 0 && between ? 2 : 1) + title.length;
    const placed = placeTable(block, top);
    // The second half of a split table: right under the first (nothing typed between), as wide, header retyped or not.
    const continues = last !== undefined && !between && placed.width === last.width;
    if (!continues && !isAppendix(block, title, name)) {
      last = undefined;
      continue;
    }
    if (block.nested) {
      refused.push(nestedRefusal(tableNo, block.nestedAt));
      last = undefined;
      continue;
    }
    if (rows.length > 0 && between) rows.push([]);
    for (const p of title) rows.push([textCell([p])]);
    rows.push(...placed.rows);
    merges.push(...placed.merges);
    headerRows.push(...placed.headerRows.map((r) => top + r - 1));
    last = placed;
    sinceKept = [];
  }

  const grids: Grid[] = [];
  if (rows.length > 0) {
    grids.push({ sheet: name, origin: { row: 1, col: 1 }, rows, merges });
    // Paragraphs after the last table that open an appendix of their own: an appendix written as a list.
    const tail = fromLastTitle(sinceKept);
    if (tail.length > 0) grids.push(linesGrid(`${name} (văn bản)`, tail));
  } else if (paragraphs.length > 0) {
    // No table at all: the whole text, as a .txt of the plan is read (core's list-form reader).
    grids.push(linesGrid(name, paragraphs));
  } else {
    // Nothing to read: an empty grid still stands for the document, so readers say "no appendix found" of it.
    grids.push({ sheet: name, origin: { row: 1, col: 1 }, rows: [], merges: [] });
  }
  return { grids, refused, headerRows };
}

/**
 * Why an appendix table with a table in one of its cells is not read, and where that cell is, counted as Word shows
 * the table (rows from its top, header rows included; cells from the left).
 * @example nestedRefusal(1, { row: 5, cell: 2 }).vi // 'Bảng thứ 1, hàng thứ 5, ô thứ 2: …'
 */
export function nestedRefusal(table: number, at: { row: number; cell: number } | undefined): RefusedTable {
  const where = at ? { vi: `, hàng thứ ${at.row}, ô thứ ${at.cell}`, en: `, row ${at.row}, cell ${at.cell}` } : { vi: '', en: '' };
  return {
    table,
    vi: `Bảng thứ ${table}${where.vi}: có bảng lồng trong bảng (một ô chứa cả một bảng khác) nên bảng này không đọc được. Hãy bỏ bảng lồng trong ô đó, chép nội dung ra thành các hàng của bảng chính.`,
    en: `Table ${table}${where.en}: a table is nested in a cell, so this table cannot be read. Remove the nested table and type its content as rows of the main table.`,
  };
}

/**
 * Title paragraphs above a table, blank lines left out: from the last line that opens a title ("PHỤ LỤC …") down;
 * without one, the name in capitals above a "(Kèm theo …)" line, or the lines in capitals right above the table
 * ("DANH MỤC NHIỆM VỤ …"). The plan's own text above them is never part of the title.
 */
function titleOf(pending: DocParagraph[]): DocParagraph[] {
  const text = pending.filter((p) => p.text.trim() !== '');
  let start = -1;
  for (let i = text.length - 1; i >= 0 && start < 0; i--) if (OPENS_TITLE.test(folded(text[i]!))) start = i;
  if (start < 0) {
    const ref = text.findLastIndex((p) => REFERENCE.test(folded(p)));
    start = ref >= 0 ? Math.min(Math.max(0, ref - 1), capsAbove(text, ref)) : capsAbove(text, text.length);
  }
  return start < 0 ? [] : text.slice(start);
}

// A title is a short line in capitals; three such lines at most make one ("DANH MỤC NHIỆM VỤ" / "TRIỂN KHAI … NĂM 2026").
const MAX_CAPS_LINES = 3;
const MAX_TITLE_LINE = 300;

/** Where the run of lines in capitals that ends right before `end` begins (`end` when there is none). */
function capsAbove(text: DocParagraph[], end: number): number {
  let start = end;
  while (start > 0 && end - start < MAX_CAPS_LINES && inCapitals(decoded(text[start - 1]!))) start--;
  return start;
}

function inCapitals(t: string): boolean {
  return t.length <= MAX_TITLE_LINE && /\p{Lu}/u.test(t) && t === t.toUpperCase();
}

/** A paragraph's text as read: TCVN3/VNI text decoded by its font ("phô lôc i" is "PHỤ LỤC I"). */
function decoded(p: DocParagraph): string {
  const enc = encodingFromFont(p.fonts[0]);
  return (enc ? decodeLegacy(p.text, enc) : p.text).trim();
}

function folded(p: DocParagraph): string {
  return fold(decoded(p));
}

function fromLastTitle(pending: DocParagraph[]): DocParagraph[] {
  const text = pending.filter((p) => p.text.trim() !== '');
  const start = text.findLastIndex((p) => OPENS_TITLE.test(folded(p)));
  return start < 0 ? [] : text.slice(start);
}

// Core's header detection decides, on the table and its title alone: a header block or a signature block has no
// "TT / Nội dung / Chủ trì" header and is left out.
function isAppendix(table: DocTable, title: DocParagraph[], name: string): boolean {
  if (table.rows.length === 0) return false;
  const placed = placeTable(table, title.length + 1);
  const probe: Grid = {
    sheet: name,
    origin: { row: 1, col: 1 },
    rows: [...title.map((p) => [textCell([p])]), ...placed.rows],
    merges: placed.merges,
  };
  return findTables(textGrid(probe)).length > 0;
}

function linesGrid(sheet: string, paragraphs: DocParagraph[]): Grid {
  // One paragraph per row; a paragraph holding line breaks gives one row per line, as a .txt would.
  const rows: (Cell | null)[][] = [];
  for (const p of paragraphs) {
    for (const line of p.text.split('\n')) rows.push([textCell([{ ...p, text: line }])]);
  }
  return { sheet, origin: { row: 1, col: 1 }, rows, merges: [] };
}

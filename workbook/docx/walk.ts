// word/document.xml → the body's paragraphs and tables in order, with only the text a reader of the page sees.
//
// Parser: saxes (a strict, non-validating streaming XML parser; pure JavaScript, so the browser and the pane can use
// it; already installed as exceljs's dependency, now a direct one). Chosen over a docx library such as mammoth, which
// converts to HTML and drops what we need (vMerge continue cells become missing cells without their column, the
// tblHeader mark, the run fonts that tell TCVN3 text), and over the regex scanning of workbook/xlsx/fast/, because a
// document nests (tables in cells, fields across runs, tracked changes around runs) and regexes would misread that.
// saxes never expands entities declared in a DTD (a DOCTYPE is refused here anyway: Word never writes one), keeps
// no tree (memory is the blocks we build) and keeps its element stack on the heap, so deep nesting cannot overflow.
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { encodingFromFont } from '../../core/text/index.ts';
import { DocxReadError, xmlProblem } from './errors.ts';
import { NO_NUMBERING, type Numbering } from './numbering.ts';
import { NO_STYLES, runFontOf, styleNumbering, type DocStyles } from './styles.ts';

/** One paragraph: its text (w:br → '\n', w:tab → ' ') and the font of each run that has text. */
export interface DocParagraph {
  kind: 'p';
  text: string;
  fonts: (string | undefined)[];
}

export interface DocCell {
  paragraphs: DocParagraph[];
  /** Grid columns the cell covers (w:gridSpan). */
  span: number;
  vMerge?: 'restart' | 'continue';
  /** Word 2003's merge across (w:hMerge): a 'continue' cell widens the cell before it, whose text it hides. */
  hMerge?: 'restart' | 'continue';
}

export interface DocRow {
  cells: DocCell[];
  /** Grid columns skipped before the first cell (w:gridBefore). */
  before: number;
  /** Marked to repeat at the top of each page (w:tblHeader): Word repeats it on screen, the XML holds it once. */
  header: boolean;
}

export interface DocTable {
  kind: 'tbl';
  rows: DocRow[];
  /** A table inside one of its cells: its text is kept in that cell, and an appendix with one is refused. */
  nested: boolean;
  /** Where the first nested table sits (1-based row of this table, cell of that row): what the refusal names. */
  nestedAt?: { row: number; cell: number };
}

export type DocBlock = DocParagraph | DocTable;

export interface WalkLimits {
  /** Cells in the whole document. */
  maxCells: number;
  /** Tables in the whole document, nested ones counted. */
  maxTables: number;
  /** Element depth: Word's deepest real documents stay under a hundred. */
  maxDepth: number;
}

const W_NS = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);
const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

// Subtrees whose text is not on the page as the document stands: deleted or moved-away text, old formatting of a
// tracked change, field instructions, text boxes (drawn over the page, never a table cell) and the fallback copy of
// drawings. Comments live in comments.xml: the body holds only their anchors, which carry no text.
const SKIPPED = new Set([
  'del',
  'moveFrom',
  'delText',
  'instrText',
  'delInstrText',
  'rPrChange',
  'pPrChange',
  'tblPrChange',
  'trPrChange',
  'tcPrChange',
  'sectPrChange',
  'tblGridChange',
  'numberingChange',
  'txbxContent',
  'footnoteReference',
  'endnoteReference',
]);

interface RunState {
  text: string;
  font?: string;
  rStyle?: string;
  asciiFont?: string;
  hidden: boolean;
}

interface ParaState {
  pStyle?: string;
  numId?: string;
  ilvl?: number;
  parts: { text: string; run: RunState }[];
}

/**
 * Walk document.xml. Throws DocxReadError('corrupt') on XML that is not well formed (or has a DOCTYPE),
 * 'too-many-tables' past the limits.
 * @example walkDocument('<w:document xmlns:w="…"><w:body><w:p><w:r><w:t>PHỤ LỤC I</w:t></w:r></w:p></w:body></w:document>')
 */
export function walkDocument(
  xml: string,
  styles: DocStyles = NO_STYLES,
  limits: WalkLimits = DEFAULT_WALK_LIMITS,
  numbering: Numbering = NO_NUMBERING(),
): DocBlock[] {
  const blocks: DocBlock[] = [];
  // The top-level table being read, its row and cell; `nest` counts tables open inside it.
  let table: DocTable | undefined;
  let row: DocRow | undefined;
  let cell: DocCell | undefined;
  let nest = 0;
  let para: ParaState | undefined;
  let run: RunState | undefined;
  // Depth of a skipped subtree we are inside (0: not skipping), and of w:rPr / w:pPr / w:trPr / w:tcPr.
  let skip = 0;
  let depth = 0;
  let inRPr = false;
  let inPPr = false;
  let inTcPr = false;
  let inTrPr = false;
  let inText = false;
  let cells = 0;
  let tableCount = 0;
  // Field state per nesting level: 'code' while between begin and separate (instruction), 'result' after it.
  const fields: ('code' | 'result')[] = [];

  const inField = (): boolean => fields.includes('code');

  const parser = new SaxesParser({ xmlns: true, position: false });
  parser.on('doctype', () => {
    throw new DocxReadError('corrupt', 'DOCTYPE');
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    depth++;
    if (depth > limits.maxDepth) throw new DocxReadError('corrupt', `lồng quá sâu / nested too deep: ${depth}`);
    if (skip > 0) {
      skip++;
      return;
    }
    const { local } = tag;
    if (tag.uri === MC_NS && local === 'Fallback') {
      skip = 1;
      return;
    }
    if (!W_NS.has(tag.uri)) return;
    if (SKIPPED.has(local)) {
      skip = 1;
      return;
    }
    const val = (): string | undefined => attr(tag, 'val');
    switch (local) {
      case 'tbl':
        if (++tableCount > limits.maxTables) throw new DocxReadError('too-many-tables', `> ${limits.maxTables}`);
        // A nested table's text stays in the outer cell: its paragraphs go on adding to that cell.
        if (table) {
          if (!table.nested) table.nestedAt = { row: table.rows.length, cell: row?.cells.length ?? 0 };
          table.nested = true;
          nest++;
        } else table = { kind: 'tbl', rows: [], nested: false };
        return;
      case 'tr':
        if (!table || nest > 0) return;
        row = { cells: [], before: 0, header: false };
        table.rows.push(row);
        return;
      case 'trPr':
        inTrPr = true;
        return;
      case 'tblHeader':
        if (inTrPr && nest === 0 && row) row.header = onOff(val());
        return;
      case 'gridBefore':
        if (inTrPr && nest === 0 && row) row.before = count(val());
        return;
      case 'tc':
        if (++cells > limits.maxCells) throw new DocxReadError('too-many-tables', `> ${limits.maxCells.toLocaleString('vi-VN')} ô`);
        if (nest > 0 || !row) return;
        cell = { paragraphs: [], span: 1 };
        row.cells.push(cell);
        return;
      case 'tcPr':
        inTcPr = true;
        return;
      case 'gridSpan':
        if (inTcPr && nest === 0 && cell) cell.span = Math.max(1, count(val()));
        return;
      case 'vMerge':
        if (inTcPr && nest === 0 && cell) cell.vMerge = val() === 'restart' ? 'restart' : 'continue';
        return;
      case 'hMerge':
        if (inTcPr && nest === 0 && cell) cell.hMerge = val() === 'restart' ? 'restart' : 'continue';
        return;
      case 'p':
        para = { parts: [] };
        return;
      case 'pPr':
        inPPr = true;
        return;
      case 'pStyle':
        if (inPPr && !inRPr && para) para.pStyle = val();
        return;
      case 'numId':
        if (inPPr && !inRPr && para) para.numId = val();
        return;
      case 'ilvl':
        if (inPPr && !inRPr && para) para.ilvl = Number(val() ?? 0);
        return;
      case 'r':
        run = { text: '', hidden: false };
        return;
      case 'rPr':
        inRPr = true;
        return;
      case 'rStyle':
        if (inRPr && run) run.rStyle = val();
        return;
      case 'rFonts':
        if (inRPr && run) run.asciiFont = attr(tag, 'ascii') ?? attr(tag, 'hAnsi');
        return;
      case 'vanish':
      case 'specVanish':
        if (inRPr && run) run.hidden = onOff(val());
        return;
      case 't':
        inText = true;
        return;
      case 'fldChar': {
        const type = attr(tag, 'fldCharType');
        if (type === 'begin') fields.push('code');
        else if (type === 'separate' && fields.length > 0) fields[fields.length - 1] = 'result';
        else if (type === 'end') fields.pop();
        return;
      }
    }
    if (!run || inRPr || inField()) return;
    // Characters written as elements, inside a run only (w:tab in w:pPr/w:tabs is a tab stop, not a character).
    switch (local) {
      case 'br':
      case 'cr':
        run.text += '\n';
        return;
      case 'tab':
      case 'ptab':
        run.text += ' ';
        return;
      case 'noBreakHyphen':
        run.text += '-';
        return;
      case 'softHyphen':
        // In a TCVN3 font the byte 0xAD is the letter "ư", and writers store it as a soft hyphen: kept for legacy
        // runs (finishParagraph drops it from the others, where it is the invisible hyphenation point it says).
        run.text += SOFT_HYPHEN;
        return;
    }
  });
  parser.on('text', (text: string) => {
    if (inText && skip === 0 && run && !inField()) run.text += text;
  });
  parser.on('closetag', (tag: SaxesTagNS) => {
    depth--;
    if (skip > 0) {
      skip--;
      return;
    }
    if (!W_NS.has(tag.uri)) return;
    switch (tag.local) {
      case 't':
        inText = false;
        return;
      case 'rPr':
        inRPr = false;
        return;
      case 'pPr':
        inPPr = false;
        return;
      case 'trPr':
        inTrPr = false;
        return;
      case 'tcPr':
        inTcPr = false;
        return;
      case 'r':
        if (run && para && !run.hidden && run.text !== '') para.parts.push({ text: run.text, run });
        run = undefined;
        return;
      case 'p': {
        if (!para) return;
        const done = finishParagraph(para, styles, numbering);
        para = undefined;
        if (cell) cell.paragraphs.push(done);
        else if (!table) blocks.push(done);
        return;
      }
      case 'tc':
        if (nest === 0) cell = undefined;
        return;
      case 'tr':
        if (nest === 0) row = undefined;
        return;
      case 'tbl':
        if (nest > 0) nest--;
        else if (table) {
          blocks.push(table);
          table = undefined;
        }
        return;
    }
  });
  try {
    parser.write(xml).close();
  } catch (err) {
    if (err instanceof DocxReadError) throw err;
    throw new DocxReadError('corrupt', xmlProblem('word/document.xml', err));
  }
  return blocks;
}

export const DEFAULT_WALK_LIMITS: WalkLimits = { maxCells: 2_000_000, maxTables: 5_000, maxDepth: 512 };

const SOFT_HYPHEN = '\u00ad';

function finishParagraph(p: ParaState, styles: DocStyles, numbering: Numbering): DocParagraph {
  const parts = p.parts.map((x) => {
    const font = x.run.asciiFont ?? runFontOf(styles, x.run.rStyle, p.pStyle);
    const text = x.text.includes(SOFT_HYPHEN) && encodingFromFont(font) === null ? x.text.replaceAll(SOFT_HYPHEN, '') : x.text;
    return { text, font };
  });
  const text = parts.map((x) => x.text).join('');
  // Word's automatic number ("1.", "II.") is drawn, not typed: put it where a typed one would be.
  // The paragraph's own numbering wins over its style's (numId 0 turns the style's off).
  const styled = styleNumbering(styles, p.pStyle);
  const numId = p.numId ?? styled?.numId;
  const ilvl = p.ilvl ?? (p.numId === undefined ? styled?.ilvl : undefined) ?? 0;
  const label = numId !== undefined && numId !== '0' ? numbering.next(numId, ilvl) : undefined;
  return {
    kind: 'p',
    text: label === undefined ? text : text.trim() === '' ? label : `${label} ${text}`,
    fonts: parts.filter((x) => x.text.trim() !== '').map((x) => x.font),
  };
}

function attr(tag: SaxesTagNS, local: string): string | undefined {
  for (const a of Object.values(tag.attributes)) if (a.local === local) return a.value;
  return undefined;
}

/** An on/off property: present means on unless its value says off. */
function onOff(v: string | undefined): boolean {
  return v === undefined || !/^(0|false|off)$/i.test(v);
}

function count(v: string | undefined): number {
  const n = Number.parseInt(v ?? '', 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 1000) : 0;
}

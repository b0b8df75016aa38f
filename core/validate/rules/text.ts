// Text checks on the raw cells: legacy encodings (every text cell of the sheet), decomposed Unicode, stray whitespace,
// Word artifacts, mixed tone-mark styles and text a spreadsheet would run as a formula.
import type { Appendix, AppendixRow, ColumnRole, LegacyEncoding } from '../../model/appendix.ts';
import { a1, columnNumber, parseA1 } from '../../model/a1.ts';
import type { CellEdit, Patch } from '../../model/patch.ts';
import { hasWordArtifact, stripWordArtifacts } from '../../read/list-form.ts';
import type { TextGrid } from '../../read/text-grid.ts';
import { encodingFromFont, unicodeFontFor } from '../../text/legacy/index.ts';
import { toneStyleOf } from '../../text/tone-style.ts';
import { isDecomposed } from '../../text/normalize.ts';
import { cellLoc, type Check, type CheckContext } from '../context.ts';
import { isLetterAt, plainlyClean, styledEnds } from './text-scan.ts';

const TEXT_KINDS = new Set(['task', 'indicator', 'group', 'subgroup', 'continuation', 'note']);

interface TextCell {
  row: AppendixRow;
  role: ColumnRole;
  col: number;
  raw: string;
}

/** A1 reference of a text cell, built only when an issue names it. */
const cellOf = (c: TextCell) => a1(c.row.source.row, c.col);

/** The table's role columns by number, in the order of its column map. */
function roleColumns(appendix: Appendix): (readonly [ColumnRole, number])[] {
  return (Object.entries(appendix.columns) as [ColumnRole, string][]).map(([role, letter]) => [role, columnNumber(letter)] as const);
}

function textCells(appendix: Appendix, sheet: TextGrid): TextCell[] {
  const out: TextCell[] = [];
  const columns = roleColumns(appendix);
  for (const row of appendix.rows) {
    if (!TEXT_KINDS.has(row.kind)) continue;
    for (const [role, col] of columns) {
      const v = sheet.cell(row.source.row, col)?.v;
      if (typeof v === 'string' && v !== '') out.push({ row, role, col, raw: v });
    }
  }
  return out;
}

function setCell(ctx: CheckContext, code: string, c: TextCell, to: string): Patch {
  return cellPatch(ctx, code, { cell: cellOf(c), from: c.raw, to });
}

function cellPatch(ctx: CheckContext, code: string, edit: CellEdit): Patch {
  return {
    id: `${code}@${ctx.appendix.sheet}!${edit.cell}`,
    code,
    safe: true,
    ops: [{ op: 'set-cells', sheet: ctx.appendix.sheet, edits: [edit] }],
  };
}

/**
 * A legacy cell's fix: the text as the reader decodes it (NFC; capitals for an "H" font such as .VnTimeH), and
 * a Unicode font of the same family in place of a legacy one. Text found legacy by column statistics keeps its font.
 */
function legacyEdit(sheet: TextGrid, row: number, col: number, raw: string): CellEdit {
  const to = sheet.text(row, col).normalize('NFC');
  const font = sheet.cell(row, col)?.font;
  return encodingFromFont(font) ? { cell: a1(row, col), from: raw, to, font: unicodeFontFor(font) } : { cell: a1(row, col), from: raw, to };
}

/** Anything tidyWhitespace would change: tab or no-break space, two spaces, space around a line break, edges. */
const UNTIDY = /[\t\u00a0]| {2}| \n|\n[ \n]|^\s|\s$/;

/** Trim, collapse runs of spaces and blank lines; single line breaks inside a cell are the author's and stay. */
export function tidyWhitespace(s: string): string {
  if (!UNTIDY.test(s)) return s;
  return s
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n[ \n]*/g, '\n')
    .trim();
}

export const textCellsCheck: Check = (ctx) => {
  if (!ctx.sheet) return;
  const sheet = ctx.sheet;
  const columns = roleColumns(ctx.appendix);
  for (const row of ctx.appendix.rows) {
    if (!TEXT_KINDS.has(row.kind)) continue;
    const r = row.source.row;
    for (let k = 0; k < columns.length; k++) {
      const col = columns[k]![1];
      const v = sheet.cell(r, col)?.v;
      if (typeof v !== 'string' || v === '') continue;
      const enc = sheet.encoding(r, col);
      // Most cells are clean: one pass over the characters says so without the checks' expressions; once per text
      // but for a task's own text, which is rarely met twice (remembering each cost more than it saved).
      if (!enc && (columns[k]![0] === 'content' ? plainlyClean(v) : CLEAN.has(v) || (plainlyClean(v) && rememberClean(v)))) continue;
      checkCell(ctx, sheet, { row, role: columns[k]![0], col, raw: v }, enc);
    }
  }
  legacyOutsideBody(ctx, sheet);
};

// Texts plainlyClean passed: agencies, results and deadlines repeat down a table and from plan to plan. Bounded by
// count and by characters kept.
const CLEAN = new Set<string>();
const CLEAN_LIMIT = 50_000;
const CLEAN_CHARS = 4_000_000;
const CLEAN_LONGEST = 2_000;
let cleanChars = 0;

/** Remember a clean text (long ones are scanned each time); true, for the caller's condition. */
function rememberClean(v: string): true {
  if (v.length > CLEAN_LONGEST) return true;
  if (CLEAN.size >= CLEAN_LIMIT || cleanChars + v.length > CLEAN_CHARS) {
    CLEAN.clear();
    cleanChars = 0;
  }
  CLEAN.add(v);
  cleanChars += v.length;
  return true;
}

/** Location of a text cell with an issue (built only then). */
function locOf(ctx: CheckContext, c: TextCell) {
  return { ...cellLoc(ctx, c.row, c.role), cell: cellOf(c), row: c.row.source.row };
}

function checkCell(ctx: CheckContext, sheet: TextGrid, c: TextCell, enc: LegacyEncoding | null): void {
  if (enc) {
    const edit = legacyEdit(sheet, c.row.source.row, c.col, c.raw);
    ctx.push({
      code: 'legacy-encoding',
      params: { encoding: enc, preview: edit.to as string },
      loc: locOf(ctx, c),
      fix: cellPatch(ctx, 'legacy-encoding', edit),
    });
    return; // the other text checks read the decoded text after this fix
  }
  if (hasWordArtifact(c.raw)) {
    const artifact = /\[[^\]]*\]|\{\s*PAGE\s*\}/iu.exec(c.raw)?.[0] ?? '';
    ctx.push({
      code: 'word-artifact',
      params: { artifact },
      loc: locOf(ctx, c),
      fix: setCell(ctx, 'word-artifact', c, stripWordArtifacts(c.raw)),
    });
    return;
  }
  if (isDecomposed(c.raw)) {
    ctx.push({
      code: 'decomposed-unicode',
      params: {},
      loc: locOf(ctx, c),
      fix: setCell(ctx, 'decomposed-unicode', c, c.raw.normalize('NFC')),
    });
    return;
  }
  const tidy = tidyWhitespace(c.raw);
  if (tidy !== c.raw)
    ctx.push({ code: 'stray-whitespace', params: {}, loc: locOf(ctx, c), fix: setCell(ctx, 'stray-whitespace', c, tidy) });
  const formula = formulaStart(c);
  if (formula) ctx.push({ code: 'formula-like-text', params: { start: formula }, loc: locOf(ctx, c) });
}

/**
 * The sheet's other legacy text cells — title block, header, notes, columns no role reads, rows beside the table —
 * one issue each, so a fixed sheet has no legacy text left and reads back as the same table (a header left in
 * TCVN3 is no header). Each cell belongs to the table of the sheet that starts nearest above it, cells above
 * every table to the first: with several tables on a sheet, each cell is reported once.
 */
function legacyOutsideBody(ctx: CheckContext, sheet: TextGrid): void {
  const tables = ctx.plan.appendices.filter((a) => a.sheet === ctx.appendix.sheet).map((a) => ({ a, top: firstRow(a) }));
  tables.sort((x, y) => x.top - y.top);
  const at = tables.findIndex((t) => t.a === ctx.appendix);
  if (at < 0) return;
  const from = at === 0 ? 1 : tables[at]!.top;
  const to = at + 1 < tables.length ? tables[at + 1]!.top - 1 : sheet.rows;
  // The tables' own text cells, gathered only once a legacy cell is met (most sheets have none).
  let body: Set<number> | undefined;
  const key = (r: number, c: number) => r * (sheet.cols + 1) + c;
  for (let r = from; r <= to; r++) {
    for (let c = 1; c <= sheet.cols; c++) {
      const enc = sheet.encoding(r, c);
      if (!enc) continue;
      const raw = sheet.cell(r, c)?.v;
      if (body === undefined) {
        body = new Set();
        for (const t of tables) for (const tc of textCells(t.a, sheet)) body.add(key(tc.row.source.row, tc.col));
      }
      if (typeof raw !== 'string' || body.has(key(r, c))) continue;
      const cell = a1(r, c);
      const edit = legacyEdit(sheet, r, c, raw);
      const loc = { sheet: ctx.appendix.sheet, table: ctx.appendix.range, row: r, cell };
      ctx.push({
        code: 'legacy-encoding',
        params: { encoding: enc, preview: edit.to as string },
        loc,
        fix: cellPatch(ctx, 'legacy-encoding', edit),
      });
    }
  }
}

/** The first row a table owns: its title block's, else its header's, else its range's top. */
function firstRow(a: Appendix): number {
  const rows = [...a.title.lines.map((l) => l.row), ...a.header.rows, parseA1(a.range.split(':')[0]!)?.row ?? Infinity];
  return Math.min(...rows);
}

/** "=", "+", "@" anywhere a text starts; "-" only when glued to a word ("-SUM(…)") — "- Nội dung" is a bullet. */
function formulaStart(c: TextCell): string | null {
  const t = c.raw.trimStart();
  if (c.role === 'tt' && /^[-+–]$/.test(t.trim())) return null;
  // "- …" and "+ …" are the bullets officials write; "=SUM(", "+A1", "-B2", "@x" are what a spreadsheet would run.
  const m = /^([=@]|[-+](?=[^\s\d+-]))/.exec(t);
  return m ? t.slice(0, Math.min(12, t.length)) : null;
}

/**
 * The words whose tone-mark placement can differ: those ending in o/u + a/e/y with a tone mark on either vowel
 * (see toneStyleOf). Found by one scan, not by splitting every cell into words.
 */
function styledWords(raw: string): string[] {
  const out: string[] = [];
  const text = isDecomposed(raw) ? raw.normalize('NFC') : raw;
  STYLED_END.lastIndex = 0;
  for (let m = STYLED_END.exec(text); m; m = STYLED_END.exec(text)) {
    let start = m.index;
    while (start > 0 && LETTER.test(text[start - 1]!)) start--;
    out.push(text.slice(start, m.index + m[0].length));
  }
  return out;
}

const STYLED_END = /[oòóõỏọuùúũủụ][aàáãảạeèéẽẻẹyỳýỹỷỵ](?!\p{L})/giu;
const LETTER = /\p{L}/u;

// A field's tone-mark tally by its text: agencies and results repeat down a table and from plan to plan (a task's
// own text is tallied each time, as above). Bounded; most texts have no styled word (one shared empty tally).
export interface TextTones {
  old: number;
  neu: number;
  /** The text's first word of each style, null when it has none. */
  oldWord: string | null;
  newWord: string | null;
}
const TONES = new Map<string, TextTones>();
const TONES_LIMIT = 50_000;
const QUIET: TextTones = Object.freeze({ old: 0, neu: 0, oldWord: null, newWord: null });
const ends: number[] = [];

/** The styled words of a text (styledWords(raw)) counted by style, remembered unless asked not to. */
function tonesOf(raw: string, remember: boolean): TextTones {
  if (!remember) return textTones(raw);
  let tones = TONES.get(raw);
  if (tones !== undefined) return tones;
  tones = textTones(raw);
  if (TONES.size >= TONES_LIMIT) TONES.clear();
  TONES.set(raw, tones);
  return tones;
}

function tally(words: readonly string[]): TextTones {
  let old = 0;
  let neu = 0;
  let oldWord: string | null = null;
  let newWord: string | null = null;
  for (const word of words) {
    const style = toneStyleOf(word);
    if (style === 'old') {
      old++;
      oldWord ??= word;
    } else if (style === 'new') {
      neu++;
      newWord ??= word;
    }
  }
  return old === 0 && neu === 0 ? QUIET : { old, neu, oldWord, newWord };
}

/**
 * The styled words of a text counted by style: tally(styledWords(raw)), without a word made for each when one pass
 * over the characters finds the words (all of them known ones, none a combining mark). Such a word's style is its
 * last two letters' (precomposed, one tone mark each at most) unless a "q" comes before them (toneStyleOf's rule):
 * answered per pair of letters, and the word itself cut out only as the first example of its style.
 */
export function textTones(raw: string): TextTones {
  if (!styledEnds(raw, ends)) return tally(styledWords(raw));
  let old = 0;
  let neu = 0;
  let oldWord: string | null = null;
  let newWord: string | null = null;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i]!;
    const style = pairStyle(raw, end);
    if (style === 'old') {
      old++;
      oldWord ??= wordEndingAt(raw, end);
    } else if (style === 'new') {
      neu++;
      newWord ??= wordEndingAt(raw, end);
    }
  }
  return old === 0 && neu === 0 ? QUIET : { old, neu, oldWord, newWord };
}

/** The word whose last two letters start at `end`, in a text styledEnds accepted. */
function wordEndingAt(raw: string, end: number): string {
  let start = end;
  while (start > 0 && isLetterAt(raw, start - 1)) start--;
  return raw.slice(start, end + 2);
}

// toneStyleOf of a word ending in the pair, by the pair's codes and whether a "q" or "Q" is before it.
const PAIR_STYLES = new Map<number, 'old' | 'new' | null>();

function pairStyle(raw: string, end: number): 'old' | 'new' | null {
  const before = end > 0 ? raw.charCodeAt(end - 1) : 0;
  const q = before === 0x71 || before === 0x51 ? 1 : 0;
  // Both codes are below U+1F00 (styledEnds' table): the key stays a small integer.
  const key = ((raw.charCodeAt(end) << 13) | raw.charCodeAt(end + 1)) * 2 + q;
  let style = PAIR_STYLES.get(key);
  if (style === undefined) {
    const pair = raw.slice(end, end + 2);
    PAIR_STYLES.set(key, (style = toneStyleOf(q ? `q${pair}` : pair)));
  }
  return style;
}

/** Counts of each tone-mark style in a table, and the first word of each. */
interface ToneTally {
  old: number;
  neu: number;
  oldExample: { word: string; row: AppendixRow } | null;
  newExample: { word: string; row: AppendixRow } | null;
}

/** A field's tally added to the table's; its row gives the first example of each style. */
function count(t: ToneTally, tones: TextTones, row: AppendixRow): void {
  if (tones === QUIET) return;
  t.old += tones.old;
  t.neu += tones.neu;
  if (tones.oldWord !== null) t.oldExample ??= { word: tones.oldWord, row };
  if (tones.newWord !== null) t.newExample ??= { word: tones.newWord, row };
}

export const toneStyleMixed: Check = (ctx) => {
  const t: ToneTally = { old: 0, neu: 0, oldExample: null, newExample: null };
  const rows = ctx.appendix.rows;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    // The fields tone marks are counted in, each read by name (one shape at each read, not a keyed read of four
    // names); the task's own text first, not remembered.
    const f = row.fields;
    if (f.content) count(t, tonesOf(f.content, false), row);
    if (f.lead) count(t, tonesOf(f.lead, true), row);
    if (f.partners) count(t, tonesOf(f.partners, true), row);
    if (f.result) count(t, tonesOf(f.result, true), row);
  }
  if (t.old === 0 || t.neu === 0) return;
  const minority = t.old < t.neu ? t.oldExample! : t.newExample!;
  ctx.push({
    code: 'tone-style-mixed',
    params: { old: t.old, new: t.neu, example: minority.word },
    loc: cellLoc(ctx, minority.row, 'content'),
  });
};

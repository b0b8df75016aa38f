// Text checks on the raw cells: legacy encodings, decomposed Unicode, stray whitespace, Word artifacts,
// mixed tone-mark styles and text a spreadsheet would run as a formula.
import type { AppendixRow, ColumnRole } from '../../model/appendix.ts';
import { a1, columnNumber } from '../../model/a1.ts';
import type { Patch } from '../../fix/patch.ts';
import { hasWordArtifact, stripWordArtifacts } from '../../read/list-form.ts';
import { toneStyleOf } from '../../text/tone-style.ts';
import { isDecomposed } from '../../text/normalize.ts';
import { cellLoc, type Check, type CheckContext } from '../context.ts';

const TEXT_KINDS = new Set(['task', 'indicator', 'group', 'subgroup', 'continuation', 'note']);

interface TextCell {
  row: AppendixRow;
  role: ColumnRole;
  cell: string;
  raw: string;
}

function textCells(ctx: CheckContext): TextCell[] {
  if (!ctx.sheet) return [];
  const out: TextCell[] = [];
  for (const row of ctx.appendix.rows) {
    if (!TEXT_KINDS.has(row.kind)) continue;
    for (const [role, letter] of Object.entries(ctx.appendix.columns) as [ColumnRole, string][]) {
      const v = ctx.sheet.cell(row.source.row, columnNumber(letter))?.v;
      if (typeof v === 'string' && v !== '') out.push({ row, role, cell: a1(row.source.row, columnNumber(letter)), raw: v });
    }
  }
  return out;
}

function setCell(ctx: CheckContext, code: string, c: TextCell, to: string, font?: string): Patch {
  const edit = font ? { cell: c.cell, from: c.raw, to, font } : { cell: c.cell, from: c.raw, to };
  return { id: `${code}@${ctx.appendix.sheet}!${c.cell}`, code, safe: true, ops: [{ op: 'set-cells', sheet: ctx.appendix.sheet, edits: [edit] }] };
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
  for (const c of textCells(ctx)) {
    const loc = { ...cellLoc(ctx, c.row, c.role), cell: c.cell, row: c.row.source.row };
    const enc = ctx.sheet!.encoding(c.row.source.row, columnNumber(ctx.appendix.columns[c.role]!));
    if (enc) {
      const decoded = ctx.sheet!.text(c.row.source.row, columnNumber(ctx.appendix.columns[c.role]!));
      ctx.push({ code: 'legacy-encoding', params: { encoding: enc, preview: decoded }, loc, fix: setCell(ctx, 'legacy-encoding', c, decoded.normalize('NFC'), 'Times New Roman') });
      continue; // the other text checks read the decoded text after this fix
    }
    if (hasWordArtifact(c.raw)) {
      const artifact = /\[[^\]]*\]|\{\s*PAGE\s*\}/iu.exec(c.raw)?.[0] ?? '';
      ctx.push({ code: 'word-artifact', params: { artifact }, loc, fix: setCell(ctx, 'word-artifact', c, stripWordArtifacts(c.raw)) });
      continue;
    }
    if (isDecomposed(c.raw)) {
      ctx.push({ code: 'decomposed-unicode', params: {}, loc, fix: setCell(ctx, 'decomposed-unicode', c, c.raw.normalize('NFC')) });
      continue;
    }
    if (tidyWhitespace(c.raw) !== c.raw) {
      ctx.push({ code: 'stray-whitespace', params: {}, loc, fix: setCell(ctx, 'stray-whitespace', c, tidyWhitespace(c.raw)) });
    }
    const formula = formulaStart(c);
    if (formula) ctx.push({ code: 'formula-like-text', params: { start: formula }, loc });
  }
};

/** "=", "+", "@" anywhere a text starts; "-" only when glued to a word ("-SUM(…)") — "- Nội dung" is a bullet. */
function formulaStart(c: TextCell): string | null {
  const t = c.raw.trimStart();
  if (c.role === 'tt' && /^[-+–]$/.test(t.trim())) return null;
  const m = /^([=+@]|-(?=[^\s\d-]))/.exec(t);
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

export const toneStyleMixed: Check = (ctx) => {
  let old = 0;
  let neu = 0;
  let oldExample: { word: string; row: AppendixRow } | null = null;
  let newExample: { word: string; row: AppendixRow } | null = null;
  for (const row of ctx.appendix.rows) {
    for (const role of ['content', 'lead', 'partners', 'result'] as const) {
      for (const word of styledWords(row.fields[role] ?? '')) {
        const style = toneStyleOf(word);
        if (style === 'old') {
          old++;
          oldExample ??= { word, row };
        } else if (style === 'new') {
          neu++;
          newExample ??= { word, row };
        }
      }
    }
  }
  if (old === 0 || neu === 0) return;
  const minority = old < neu ? oldExample! : newExample!;
  ctx.push({ code: 'tone-style-mixed', params: { old, new: neu, example: minority.word }, loc: cellLoc(ctx, minority.row, 'content') });
};

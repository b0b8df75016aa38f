// How tall a row must be to show its wrapped text. Neither Excel nor LibreOffice grows a row on open, so every row a
// printed output writes gets its height from its text: Times New Roman advance widths, words wrapped as Excel wraps them.

// Advance widths of Times New Roman (per 1000 em) for ASCII 32–126, regular and bold (the same as Liberation Serif).
// prettier-ignore
const REGULAR = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500,
  500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
  556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500,
  500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];
// prettier-ignore
const BOLD = [
  250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500,
  500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778,
  611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500,
  556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
];

/** Width of a character in 1/1000 em: Vietnamese letters by their base letter (ơ and ư a little wider, for the horn). */
function charWidthOf(code: number, table: readonly number[]): number {
  if (code >= 32 && code <= 126) return table[code - 32]!;
  const ch = String.fromCharCode(code);
  const parts = ch.normalize('NFD');
  const base = parts.charCodeAt(0);
  if (ch === 'đ') return table['d'.charCodeAt(0) - 32]!;
  if (ch === 'Đ') return table['D'.charCodeAt(0) - 32]!;
  if (base >= 32 && base <= 126) return table[base - 32]! + (parts.includes('\u031B') ? 60 : 0);
  if (/[\u0300-\u036f]/.test(ch)) return 0; // a combining mark written apart (decomposed text) takes no room
  if (ch === '…' || ch === '—') return 1000;
  if (ch === '–' || ch === '“' || ch === '”') return 500;
  return 600;
}

/** Each UTF-16 code unit's width, worked out once (UNKNOWN until first met): every row's text is measured. */
const UNKNOWN = 0xffff;
const regularWidths = new Uint16Array(0x10000).fill(UNKNOWN);
const boldWidths = new Uint16Array(0x10000).fill(UNKNOWN);

function widthsOf(bold: boolean): Uint16Array {
  return bold ? boldWidths : regularWidths;
}

function charWidth(code: number, widths: Uint16Array, bold: boolean): number {
  const w = widths[code]!;
  return w !== UNKNOWN ? w : (widths[code] = charWidthOf(code, bold ? BOLD : REGULAR));
}

/** Width of a run of text in points. */
export function textWidth(text: string, size: number, bold = false): number {
  const widths = widthsOf(bold);
  let w = 0;
  for (let i = 0; i < text.length; i++) w += charWidth(text.charCodeAt(i), widths, bold);
  return (w * size) / 1000;
}

/**
 * How many lines a text takes in a cell `widthPt` wide (inner width, padding removed): paragraphs at line breaks
 * (CR LF, CR or LF), words wrapped at spaces, a word longer than the line broken where it overflows. One pass over
 * the text, no split: the consolidated workbook measures every cell of 180,000 rows.
 * @example wrappedLines('Tuyên truyền Nghị quyết 57', 60, 12) // 2
 */
export function wrappedLines(text: string, widthPt: number, size: number, bold = false): number {
  const widths = widthsOf(bold);
  const space = textWidth(' ', size, bold);
  const limit = widthPt + 1e-6;
  let lines = 1;
  let x = 0;
  // The word's width in 1/1000 em: a sum of whole numbers, exact in any order.
  let word = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 10;
    if (c !== 32 && c !== 10 && c !== 13) {
      word += charWidth(c, widths, bold);
      continue;
    }
    let w = (word * size) / 1000;
    word = 0;
    const gap = x > 0 ? space : 0;
    if (x + gap + w <= limit) x += gap + w;
    else {
      if (x > 0) lines++;
      // A word wider than the line runs over as many lines as it fills.
      while (w > limit) {
        lines++;
        w -= widthPt;
      }
      x = w;
    }
    if (c !== 32 && i < n) {
      // A line break: the next paragraph starts a line.
      lines++;
      x = 0;
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    }
  }
  return lines;
}

/** Pixels of the widest digit of the workbook's default font: what one unit of column width is counted in. */
export function digitPixels(font: { name: string; size: number }): number {
  const em = /calibri|carlito/i.test(font.name) ? 0.507 : /arial|helvetica|liberation sans/i.test(font.name) ? 0.556 : 0.5;
  return Math.max(5, Math.round(((font.size * 96) / 72) * em));
}

/**
 * The inner width in points of a cell `width` units wide (a merged cell: the widths of its columns added), the
 * workbook's default font's digit `digitPx` pixels wide.
 */
export function cellInnerWidth(width: number, digitPx: number): number {
  const px = Math.trunc(width * digitPx);
  // Excel and LibreOffice keep about 3 px clear on either side of the text.
  return Math.max(1, (px - 7) * 0.75);
}

/** One cell's text and look, for the height of its row. */
export interface HeightCell {
  text: string;
  /** Column width in units (merged: summed). */
  width: number;
  size: number;
  bold?: boolean;
  /** Text that does not wrap takes one line whatever its length. */
  wrap?: boolean;
}

/** Points per line of text of `size` points: the font's line spacing with a little air, as Excel spaces wrapped lines. */
export function lineHeight(size: number): number {
  return size * 1.2;
}

/** The most lines any of the cells takes (1 for none). */
export function mostLines(cells: readonly HeightCell[], digitPx: number): number {
  let most = 1;
  for (const c of cells) {
    if (!c.text || c.wrap === false) continue;
    most = Math.max(most, wrappedLines(c.text, cellInnerWidth(c.width, digitPx), c.size, c.bold));
  }
  return most;
}

/**
 * The height in points a row needs to show every line of its cells (at least `min`), rounded up to a quarter point.
 * @example rowHeight([{ text: 'Nội dung dài …', width: 60, size: 12, wrap: true }], 8) // 33
 */
export function rowHeight(cells: readonly HeightCell[], digitPx: number, min = 15.75): number {
  let need = min;
  for (const c of cells) {
    if (!c.text) continue;
    const lines = c.wrap === false ? 1 : wrappedLines(c.text, cellInnerWidth(c.width, digitPx), c.size, c.bold);
    need = Math.max(need, lines * lineHeight(c.size) + 4);
  }
  return Math.ceil(need * 4) / 4;
}

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
function charWidth(code: number, bold: boolean, cache: Map<number, number>): number {
  const table = bold ? BOLD : REGULAR;
  if (code >= 32 && code <= 126) return table[code - 32]!;
  const known = cache.get(code);
  if (known !== undefined) return known;
  const ch = String.fromCharCode(code);
  const parts = ch.normalize('NFD');
  const base = parts.charCodeAt(0);
  let w: number;
  if (ch === 'đ') w = table['d'.charCodeAt(0) - 32]!;
  else if (ch === 'Đ') w = table['D'.charCodeAt(0) - 32]!;
  else if (base >= 32 && base <= 126) w = table[base - 32]! + (parts.includes('\u031B') ? 60 : 0);
  else if (/[\u0300-\u036f]/.test(ch))
    w = 0; // a combining mark written apart (decomposed text) takes no room
  else if (ch === '…' || ch === '—') w = 1000;
  else if (ch === '–' || ch === '“' || ch === '”') w = 500;
  else w = 600;
  cache.set(code, w);
  return w;
}

const regularCache = new Map<number, number>();
const boldCache = new Map<number, number>();

/** Width of a run of text in points. */
export function textWidth(text: string, size: number, bold = false): number {
  const cache = bold ? boldCache : regularCache;
  let w = 0;
  for (let i = 0; i < text.length; i++) w += charWidth(text.charCodeAt(i), bold, cache);
  return (w * size) / 1000;
}

/**
 * How many lines a text takes in a cell `widthPt` wide (inner width, padding removed): paragraphs at line breaks,
 * words wrapped at spaces, a word longer than the line broken where it overflows.
 * @example wrappedLines('Tuyên truyền Nghị quyết 57', 60, 12) // 2
 */
export function wrappedLines(text: string, widthPt: number, size: number, bold = false): number {
  const space = textWidth(' ', size, bold);
  let lines = 0;
  for (const para of text.split(/\r\n|\r|\n/)) {
    lines++;
    let x = 0;
    for (const word of para.split(' ')) {
      let w = textWidth(word, size, bold);
      const gap = x > 0 ? space : 0;
      if (x + gap + w <= widthPt + 1e-6) {
        x += gap + w;
        continue;
      }
      if (x > 0) lines++;
      // A word wider than the line runs over as many lines as it fills.
      while (w > widthPt + 1e-6) {
        lines++;
        w -= widthPt;
      }
      x = w;
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

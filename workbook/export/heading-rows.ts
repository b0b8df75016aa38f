// Heading lines laid out as rows over a sheet's printed columns: the left and right halves merged over their columns,
// a line across merged over all, each row as tall as its wrapped text. Shared by the streamed consolidated sheets and
// the annotated copy's results sheet (which the browser makes too: nothing here reaches Node).
import { neutralizeFormula } from '../../core/text/index.ts';
import { rowHeight, type HeightCell } from '../layout/row-height.ts';
import { HEAD_LOOKS, leftSpan, type HeadLine, type HeadLook } from './heading.ts';
import type { OutCell } from './xlsx-stream/sheet-xml.ts';
import { colLetters } from './xlsx-stream/xml.ts';

/** A heading line laid out over the printed columns: its cells, merges and height. */
export interface LaidLine {
  cells: (OutCell | null)[];
  merges: string[];
  height: number;
}

/**
 * Lay heading lines out over `widths` (the printed columns): a left part over the first columns, a right part over
 * the rest, a line across over all of them; each row as tall as its wrapped text.
 * @example layHeading(headingLines(h), [16, 16, 5, 50], styles.head, 7)
 */
export function layHeading(
  lines: readonly HeadLine[],
  widths: readonly number[],
  looks: Record<HeadLook, number>,
  digitPx: number,
): LaidLine[] {
  const split = leftSpan(widths);
  const sum = (a: number, b: number) => widths.slice(a, b).reduce((x, y) => x + y, 0);
  return lines.map((line, i) => {
    const cells: (OutCell | null)[] = [];
    const merges: string[] = [];
    const heights: HeightCell[] = [];
    const place = (from: number, to: number, t: { text: string; look: HeadLook }) => {
      cells[from] = { s: looks[t.look], v: neutralizeFormula(t.text) };
      if (to > from) merges.push(`${colLetters(from + 1)}{r}:${colLetters(to + 1)}{r}`);
      heights.push({ text: t.text, width: sum(from, to + 1), wrap: true, ...HEAD_LOOKS[t.look] });
    };
    if ('space' in line) return { cells, merges, height: line.space };
    if ('across' in line) place(0, widths.length - 1, line.across);
    else {
      if (line.left) place(0, split - 1, line.left);
      if (line.right) place(split, widths.length - 1, line.right);
    }
    const empty = heights.length === 0;
    return { cells, merges, height: empty ? (i === 0 ? 15 : 9) : rowHeight(heights, digitPx) };
  });
}

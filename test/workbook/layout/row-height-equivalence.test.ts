// The one-pass wrappedLines counts the lines the plain split-and-measure way does, on every kind of text a cell holds.
import { describe, expect, it } from 'vitest';
import { textWidth, wrappedLines } from '../../../workbook/layout/row-height.ts';

/** The straightforward reading of the wrapping rule (paragraphs split, then words split), kept as the oracle. */
function reference(text: string, widthPt: number, size: number, bold = false): number {
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
      while (w > widthPt + 1e-6) {
        lines++;
        w -= widthPt;
      }
      x = w;
    }
  }
  return lines;
}

/** A seeded generator: the same texts on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = [
  'Tuyên',
  'truyền',
  'Nghị',
  'quyết',
  '57-NQ/TW',
  'UBND',
  'xã',
  'Đảng',
  'ủy',
  'chuyển',
  'đổi',
  'số',
  'ươ',
  'Ư',
  '…',
  '—',
  '–',
  '“trích”',
  'a\u0301',
  '\t',
  '😀',
  'Quý II/2026',
  'x'.repeat(40),
  'MMMMMMMMMMMMMMMMMMMMMMMM',
  '(1)',
  '',
  ' ',
];
const BREAKS = [' ', ' ', ' ', ' ', '  ', '\n', '\r\n', '\r', '\n\n', ' \n', '\r\r\n'];

describe('wrappedLines', () => {
  it('gives the split-and-measure count on 20,000 generated texts, regular and bold, at several widths and sizes', () => {
    const next = rng(57);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
    const got: number[] = [];
    const want: number[] = [];
    for (let k = 0; k < 20_000; k++) {
      let text = next() < 0.1 ? pick(BREAKS) : '';
      const words = Math.floor(next() * 30);
      for (let j = 0; j < words; j++) text += pick(PIECES) + (j < words - 1 || next() < 0.2 ? pick(BREAKS) : '');
      const width = [1, 20, 47.25, 88.5, 150, 400, 1000][k % 7]!;
      const size = [11, 12, 13][k % 3]!;
      const bold = k % 2 === 1;
      got.push(wrappedLines(text, width, size, bold));
      want.push(reference(text, width, size, bold));
    }
    expect(got).toEqual(want);
  });
});

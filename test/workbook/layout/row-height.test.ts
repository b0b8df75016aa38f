// Row heights from text: Times New Roman widths, words wrapped at spaces, paragraphs at line breaks.
import { describe, expect, it } from 'vitest';
import { cellInnerWidth, digitPixels, rowHeight, textWidth, wrappedLines } from '../../../workbook/layout/row-height.ts';

describe('row heights from text', () => {
  it('measures Vietnamese text by its base letters', () => {
    expect(textWidth('a', 12)).toBeCloseTo(5.328);
    expect(textWidth('ầ', 12)).toBeCloseTo(textWidth('a', 12));
    expect(textWidth('đ', 12)).toBeCloseTo(textWidth('d', 12));
    expect(textWidth('ư', 12)).toBeGreaterThan(textWidth('u', 12));
    expect(textWidth('A', 12, true)).toBeGreaterThanOrEqual(textWidth('A', 12));
  });

  it('wraps at spaces, breaks a word longer than the line, and starts a line at each line break', () => {
    const w = textWidth('Tuyên truyền', 12);
    expect(wrappedLines('Tuyên truyền', w, 12)).toBe(1);
    expect(wrappedLines('Tuyên truyền', w - 1, 12)).toBe(2);
    expect(wrappedLines('Tuyên truyền Nghị quyết', w, 12)).toBe(2);
    expect(wrappedLines('a'.repeat(100), textWidth('a'.repeat(10), 12), 12)).toBe(10);
    expect(wrappedLines('Một\nHai\n\nBốn', 200, 12)).toBe(4);
  });

  it('gives a row the height of its tallest cell, never less than one line', () => {
    expect(digitPixels({ name: 'Calibri', size: 11 })).toBe(7);
    expect(digitPixels({ name: 'Times New Roman', size: 12 })).toBe(8);
    expect(cellInnerWidth(10, 7)).toBe(47.25);
    expect(rowHeight([], 7)).toBe(15.75);
    const long = 'Triển khai tuyên truyền thường xuyên, sâu rộng về nội dung Nghị quyết số 57-NQ/TW '.repeat(3);
    const lines = wrappedLines(long, cellInnerWidth(50, 7), 12);
    expect(lines).toBeGreaterThan(3);
    expect(
      rowHeight(
        [
          { text: long, width: 50, size: 12 },
          { text: 'Quý II/2026', width: 14, size: 12 },
        ],
        7,
      ),
    ).toBe(Math.ceil((lines * 14.4 + 4) * 4) / 4);
    expect(rowHeight([{ text: long, width: 50, size: 12, wrap: false }], 7)).toBe(18.5);
  });
});

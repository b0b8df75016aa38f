// A1 notation: column letters and cell references in Excel's terms.

/**
 * 1-based column number to letters.
 * @example columnLetter(1) // 'A'; columnLetter(28) // 'AB'
 */
export function columnLetter(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * Column letters to a 1-based number.
 * @example columnNumber('AB') // 28
 */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** @example a1(5, 3) // 'C5' */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** Parse 'C5' into { row: 5, col: 3 }; null when not a cell reference. */
export function parseA1(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) return null;
  return { row: Number(m[2]), col: columnNumber(m[1]!) };
}

/** @example rangeA1(5, 1, 47, 5) // 'A5:E47' */
export function rangeA1(top: number, left: number, bottom: number, right: number): string {
  return `${a1(top, left)}:${a1(bottom, right)}`;
}

// Text for SpreadsheetML parts: escaping (XML 1.0 forbids most control characters; Excel spells them _xHHHH_), A1 refs.

// A CR as a character reference: parsers keep it (a raw one becomes LF), and readers that ignore _x000D_ still see it.
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' };
// Characters XML cannot carry, \r (a parser would turn it into \n), and a literal "_xHHHH_" (which would decode).
// eslint-disable-next-line no-control-regex
const SPECIAL = /[&<>"\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)/;
// eslint-disable-next-line no-control-regex
const SPECIAL_G = /[&<>"\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)/g;

/**
 * Escape text for an element or attribute; control characters XML cannot carry as Excel writes them (_x0001_).
 * Most cells need nothing: one regex test, no copy.
 * @example xmlText('A & B\r') // 'A &amp; B&#13;'
 */
export function xmlText(s: string): string {
  if (!SPECIAL.test(s)) return s;
  return s.replace(
    SPECIAL_G,
    (ch) => ESCAPES[ch] ?? (ch === '_' ? '_x005F_' : `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`),
  );
}

/** The namespaces of a worksheet or workbook root element. */
export const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const LETTERS: string[] = [];

/**
 * Column letters of a 1-based column number (cached: a sheet asks for the same few millions of times).
 * @example colLetters(14) // 'N'
 */
export function colLetters(col: number): string {
  let s = LETTERS[col];
  if (s === undefined) {
    s = '';
    for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    LETTERS[col] = s;
  }
  return s;
}

/** Excel's serial day of an ISO date (days since 1899-12-30). @example dateSerial('2025-06-30') // 45838 */
export function dateSerial(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25_569;
}

/** A sheet name quoted for a formula or defined name. @example quoteSheet('Tổng hợp') // "'Tổng hợp'" */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

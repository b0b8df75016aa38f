// Spreadsheet formula injection: text we write into an export must never be run as a formula.

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Whether a text would be taken for a formula (or a DDE payload) by a spreadsheet on import.
 * @example looksLikeFormula('=HYPERLINK("http://x")') // true
 */
export function looksLikeFormula(s: string): boolean {
  return FORMULA_START.test(s);
}

/**
 * Neutralize untrusted text for an export cell: a leading = + - @ tab or CR gets an apostrophe in front,
 * the OWASP-recommended escape that shows the text as typed. Other text is returned unchanged.
 * @example neutralizeFormula('=1+1') // "'=1+1"
 */
export function neutralizeFormula(s: string): string {
  return looksLikeFormula(s) ? `'${s}` : s;
}

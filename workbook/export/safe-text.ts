// Text written into a cell of an exported workbook, never runnable as a formula: core's neutralizer, except a plan's
// bullet or bare ordinal ("- Tổ chức …", "+ Xây dựng …", a lone "-" in the TT column): a dash or plus, spaces, then a
// letter, with no "|" (what a DDE payload needs). No spreadsheet runs that, and plans are full of them: an apostrophe
// in front would change the plan's own text.
import { neutralizeFormula } from '../../core/text/index.ts';

/**
 * @example safeCellText('=HYPERLINK("x")') // "'=HYPERLINK(\"x\")"
 * @example safeCellText('- Tổ chức hội nghị') // unchanged
 */
export function safeCellText(s: string): string {
  return /^[-+]([ \u00a0]+\p{L}|$)/u.test(s) && !s.includes('|') ? s : neutralizeFormula(s);
}

// Sheet names for the appendices of a written workbook: "Phụ lục I" from the title, else the source sheet's name (a
// workbook's; a Word document's "sheet" is its file name, so "Phụ lục" then);
// unique, within Excel's 31 characters, without the characters Excel refuses.
import type { Appendix } from '../../core/model/index.ts';

const MAX = 31;

/**
 * One name per appendix, none equal (case-insensitively, as Excel compares) to another or to `taken`.
 * @example sheetNames(plan.appendices, ['Danh mục']) // ['Phụ lục I', 'Phụ lục II']
 */
export function sheetNames(appendices: readonly Appendix[], taken: readonly string[], fromWorkbook: boolean): string[] {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  return appendices.map((a, i) => {
    const base = clean(fromTitle(a) ?? (fromWorkbook ? a.sheet : '')) || (appendices.length > 1 ? `Phụ lục ${i + 1}` : 'Phụ lục');
    let name = base.slice(0, MAX);
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base.slice(0, MAX - String(k).length - 3)} (${k})`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** The title's numeral ("II") → "Phụ lục II"; none → undefined. */
function fromTitle(a: Appendix): string | undefined {
  const t = a.title.appendix?.trim();
  return t ? `Phụ lục ${t}` : undefined;
}

function clean(s: string): string {
  return s
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '');
}

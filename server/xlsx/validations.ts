// exceljs expands every data-validation range cell by cell on read (exceljs #1842): clip or drop them before it parses.

/** Cells a validation may cover before we clip it; an appendix's dropdowns cover a few hundred rows. */
const MAX_CELLS = 20_000;
/** Rows kept below the last used row when a whole-column dropdown is clipped, for the official to keep typing. */
const MARGIN_ROWS = 1_000;

/**
 * Drop every <dataValidations> block: reading a plan needs none of them.
 * @example dropValidations('<worksheet><dataValidations count="1">…</dataValidations></worksheet>') // '<worksheet></worksheet>'
 */
export function dropValidations(xml: string): string {
  if (!xml.includes('dataValidations')) return xml;
  return xml.replace(/<dataValidations\b[^>]*\/>|<dataValidations\b[\s\S]*?<\/dataValidations>/g, '');
}

/**
 * Clip huge validation ranges (whole columns) to the used rows plus a margin, so editing a workbook keeps its dropdowns
 * without exceljs allocating one object per cell of a million-row column.
 * @example clipValidations('<c r="B7"/><dataValidation sqref="B2:B1048576"/>') // '…sqref="B2:B1007"/>'
 */
export function clipValidations(xml: string): string {
  if (!xml.includes('<dataValidation')) return xml;
  const lastRow = lastUsedRow(xml);
  const limit = lastRow + MARGIN_ROWS;
  return xml.replace(/<dataValidation\b[^>]*?(?:\/>|>[\s\S]*?<\/dataValidation>)/g, (el) => {
    const m = /\ssqref="([^"]*)"/.exec(el);
    if (!m) return el;
    const parts = m[1]!.trim().split(/\s+/).map((ref) => clipRef(ref, limit)).filter((r): r is string => r !== null);
    // A dropdown that lies wholly below the clip line covers no row anyone uses: drop the element.
    return parts.length === 0 ? '' : el.replace(m[0], ` sqref="${parts.join(' ')}"`);
  });
}

function clipRef(ref: string, limit: number): string | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(ref);
  if (!m) return ref;
  const [, c1, r1, c2, r2] = m;
  if (!c2 || !r2) return ref;
  const top = Number(r1);
  const bottom = Number(r2);
  const width = colNum(c2) - colNum(c1!) + 1;
  if ((bottom - top + 1) * width <= MAX_CELLS) return ref;
  if (top > limit) return null;
  return `${c1}${top}:${c2}${Math.min(bottom, limit)}`;
}

function colNum(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** The row of the last cell element in the sheet XML (cells are written in row order). */
function lastUsedRow(xml: string): number {
  const i = xml.lastIndexOf('<c r="');
  if (i < 0) return 1;
  const m = /^<c r="[A-Z]+(\d+)"/.exec(xml.slice(i, i + 24));
  return m ? Number(m[1]) : 1;
}

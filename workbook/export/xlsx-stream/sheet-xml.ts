// A worksheet's XML in pieces — its start, a row, its end, its defined names — shared by the streamed writer and the
// sheets added to a workbook in place (the annotated copy's results sheet), so both print the same way.
import { colLetters, NS, quoteSheet, xmlText } from './xml.ts';

/** A cell: its style index and a text or number (none: an empty styled cell). */
export interface OutCell {
  s: number;
  v?: string | number;
}

/** How a sheet prints. */
export interface PrintSetup {
  /** Rows repeated at the top of every printed page (the table's header), first and last. */
  titleRows?: [number, number];
  /** Columns printed, counted from A; columns after them are kept on screen only. All when left out. */
  columns?: number;
  /** A4 landscape, fitted one page wide (as many pages down as the rows take). */
  landscape?: boolean;
  /** Footer, with Excel's codes (&P the page, &N the pages), centred. */
  footer?: string;
}

export interface SheetLayout {
  /** Column widths in characters, from column A. */
  widths: number[];
  /** Rows frozen at the top (title and header). */
  frozenRows?: number;
  print?: PrintSetup;
}

/** What is known of a sheet once its rows are written. */
export interface SheetEnd {
  lastRow: number;
  filter?: string | null;
  merges?: readonly string[];
  /** Links inside the workbook: the cell, the place it opens ("'Sheet'!C7") and the text shown. */
  links?: readonly { ref: string; location: string; display: string }[];
}

/** The worksheet element up to the opening of sheetData. */
export function sheetStart(layout: SheetLayout): string {
  const frozen = layout.frozenRows ?? 0;
  const top = `A${frozen + 1}`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet ${NS}>` +
    (layout.print?.landscape ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '') +
    '<sheetViews><sheetView workbookViewId="0">' +
    (frozen > 0
      ? `<pane ySplit="${frozen}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/>`
      : '') +
    '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${layout.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` +
    '<sheetData>'
  );
}

/**
 * One row; `height` in points.
 * @example rowXml(3, [{ s: 2, v: 'Xã Cẩm Giàng' }], 31.5)
 */
export function rowXml(r: number, cells: readonly (OutCell | null)[], height?: number): string {
  let xml = `<row r="${r}"${height ? ` ht="${height}" customHeight="1"` : ''}>`;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (!c) continue;
    const ref = `${colLetters(i + 1)}${r}`;
    if (c.v === undefined || c.v === '') xml += `<c r="${ref}" s="${c.s}"/>`;
    else if (typeof c.v === 'number') xml += `<c r="${ref}" s="${c.s}"><v>${c.v}</v></c>`;
    else xml += `<c r="${ref}" s="${c.s}" t="inlineStr"><is><t xml:space="preserve">${xmlText(c.v)}</t></is></c>`;
  }
  return `${xml}</row>`;
}

/** From the close of sheetData to the end of the worksheet: filter, merges, links, margins, page setup, footer. */
export function sheetEnd(layout: SheetLayout, end: SheetEnd): string {
  const print = layout.print;
  const merges = end.merges ?? [];
  const links = end.links ?? [];
  return (
    '</sheetData>' +
    (end.filter ? `<autoFilter ref="${end.filter}"/>` : '') +
    (merges.length ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '') +
    (links.length
      ? `<hyperlinks>${links.map((l) => `<hyperlink ref="${l.ref}" location="${xmlText(l.location)}" display="${xmlText(l.display)}"/>`).join('')}</hyperlinks>`
      : '') +
    (print?.landscape ? '<printOptions horizontalCentered="1"/>' : '') +
    '<pageMargins left="0.5" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
    (print?.landscape ? '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' : '') +
    (print?.footer
      ? `<headerFooter><oddFooter>${xmlText(`&C&"Times New Roman,Regular"&11${print.footer}`)}</oddFooter></headerFooter>`
      : '') +
    '</worksheet>'
  );
}

/**
 * The defined names a sheet needs in workbook.xml: its filter range, the rows printed on every page, the printed area.
 * `prefix` is the main namespace's prefix in the workbook part ('' almost always).
 */
export function sheetNames(name: string, sheetIndex: number, layout: SheetLayout, end: SheetEnd, prefix = ''): string[] {
  const q = quoteSheet(name);
  const out: string[] = [];
  const dn = (n: string, body: string, hidden = false) =>
    `<${prefix}definedName name="${n}" localSheetId="${sheetIndex}"${hidden ? ' hidden="1"' : ''}>${xmlText(body)}</${prefix}definedName>`;
  if (end.filter) {
    const [a, b] = end.filter.split(':').map((x) => x.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'));
    out.push(dn('_xlnm._FilterDatabase', `${q}!${a}:${b}`, true));
  }
  const print = layout.print;
  if (print?.columns && print.columns < layout.widths.length)
    out.push(dn('_xlnm.Print_Area', `${q}!$A$1:$${colLetters(print.columns)}$${Math.max(1, end.lastRow)}`));
  if (print?.titleRows) out.push(dn('_xlnm.Print_Titles', `${q}!$${print.titleRows[0]}:$${print.titleRows[1]}`));
  return out;
}

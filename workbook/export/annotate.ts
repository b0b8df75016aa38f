// Annotated copy of a checked workbook, made in the workbook itself: problem cells filled by severity with a note
// each, and a "Kết quả kiểm tra" sheet listing every issue with a link to its cell. Every other part of the workbook
// (charts, images, pivot tables, comments, names, validations, formats, print settings) is copied as it was.
// Portable: the web page makes the same copy in the browser.
import type { Issue } from '../../core/validate/index.ts';
import { issueCell, marksByCell } from '../../core/validate/index.ts';
import { allIssues, type Report } from '../../core/validate/index.ts';
import { neutralizeFormula } from '../../core/text/index.ts';
import { columnLetter } from '../../core/model/index.ts';
import type { ReadLimits } from '../xlsx/limits.ts';
import type { RawInflate } from '../xlsx/zip.ts';
import type { RawDeflate } from '../xlsx/zip-write.ts';
import { esc } from '../xlsx/edit/package.ts';
import type { Look, StyleBook } from '../xlsx/edit/styles.ts';
import { WorkbookEditor } from '../xlsx/edit/workbook.ts';
import { xmlText } from './xlsx-stream/xml.ts';
import { FONT, SEVERITY_LABEL } from './styles.ts';
import { SEVERITY_FILL } from '../../core/validate/index.ts';

export const RESULTS_SHEET = 'Kết quả kiểm tra';

const WIDTHS = [6, 22, 9, 11, 24, 90, 12];

export interface CopyOptions {
  limits?: ReadLimits;
  inflate?: RawInflate;
  deflate?: RawDeflate;
}

/**
 * The workbook's bytes with highlights, notes and a results sheet added. Throws WorkbookReadError for a file the
 * readers refuse.
 * @example await writeFile('x.kiem-tra.xlsx', annotatedCopy(await readFile('x.xlsx'), report, 'vi'))
 */
export function annotatedCopy(bytes: Uint8Array, report: Report, lang: 'vi' | 'en' = 'vi', opts: CopyOptions = {}): Uint8Array {
  const wb = WorkbookEditor.open(bytes, opts);
  const issues = allIssues(report);
  for (const mark of marksByCell(issues, lang)) {
    if (!wb.sheet(mark.sheet)) continue;
    wb.fillCell(mark.sheet, mark.cell, SEVERITY_FILL[mark.severity]);
    wb.addNote(mark.sheet, mark.cell, mark.text);
  }
  const taken = new Set(wb.pkg.sheets().map((s) => s.name.toLocaleLowerCase('vi')));
  let name = RESULTS_SHEET;
  for (let n = 2; taken.has(name.toLocaleLowerCase('vi')); n++) name = `${RESULTS_SHEET} (${n})`;
  const last = `${columnLetter(WIDTHS.length)}${Math.max(1, issues.length + 1)}`;
  wb.addSheet(name, resultsSheet(issues, lang, wb.styles), `A1:${last}`);
  return wb.toBytes(opts.deflate);
}

/** The results sheet's XML: a frozen, filtered header row, one row per issue, each cell reference linked. */
function resultsSheet(issues: Issue[], lang: 'vi' | 'en', book: StyleBook): string {
  const base: Look = { font: { name: FONT, size: 12 }, border: true, vertical: 'top' };
  const s = {
    head: book.add({ font: { name: FONT, size: 12, bold: true }, border: true, vertical: 'center', horizontal: 'center', wrap: true }),
    body: book.add(base),
    wrap: book.add({ ...base, wrap: true }),
    link: book.add({ ...base, font: { name: FONT, size: 12, underline: true, color: '0563C1' } }),
    error: book.add({ ...base, fill: SEVERITY_FILL.error }),
    warning: book.add({ ...base, fill: SEVERITY_FILL.warning }),
    info: book.add({ ...base, fill: SEVERITY_FILL.info }),
  };
  const headers =
    lang === 'en'
      ? ['No.', 'Sheet', 'Cell', 'Severity', 'Code', 'Message', 'Safe fix']
      : ['STT', 'Trang tính', 'Ô', 'Mức độ', 'Mã', 'Nội dung', 'Sửa tự động'];
  const text = (ref: string, style: number, v: string) =>
    v === ''
      ? `<c r="${ref}" s="${style}"/>`
      : `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`;
  const rows: string[] = [`<row r="1">${headers.map((h, i) => text(`${columnLetter(i + 1)}1`, s.head, h)).join('')}</row>`];
  const links: string[] = [];
  issues.forEach((i, n) => {
    const r = n + 2;
    const cellRef = issueCell(i) ?? '';
    if (cellRef)
      links.push(`<hyperlink ref="C${r}" location="${esc(`'${i.sheet.replace(/'/g, "''")}'!${cellRef}`)}" display="${esc(cellRef)}"/>`);
    rows.push(
      `<row r="${r}">` +
        `<c r="A${r}" s="${s.body}"><v>${n + 1}</v></c>` +
        text(`B${r}`, s.body, neutralizeFormula(i.sheet)) +
        text(`C${r}`, cellRef ? s.link : s.body, cellRef) +
        text(`D${r}`, s[i.severity], SEVERITY_LABEL[i.severity][lang]) +
        text(`E${r}`, s.body, i.code) +
        text(`F${r}`, s.wrap, neutralizeFormula(lang === 'en' ? i.messageEn : i.message)) +
        text(`G${r}`, s.body, i.fix?.safe ? (lang === 'en' ? 'yes' : 'có') : '') +
        '</row>',
    );
  });
  const last = `${columnLetter(headers.length)}${issues.length + 1}`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<dimension ref="A1:${last}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${WIDTHS.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` +
    `<sheetData>${rows.join('')}</sheetData>` +
    `<autoFilter ref="A1:${last}"/>` +
    (links.length ? `<hyperlinks>${links.join('')}</hyperlinks>` : '') +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '</worksheet>'
  );
}

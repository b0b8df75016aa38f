// Annotated copy of a checked workbook, made in the workbook itself: each cell an issue points to filled by its worst
// severity (every other cell keeps its own look) with a note signed "phuluc", and a first sheet "Kết quả kiểm tra"
// with the counts and every issue, errors first, each linked to its cell. Every other part of the workbook (charts,
// images, pivot tables, comments, names, validations, formats, print settings) is copied as it was.
// Portable: the web page makes the same copy in the browser.
import { formatDateTime, term, Term } from '../../core/i18n/index.ts';
import type { Issue, Report, Severity } from '../../core/validate/index.ts';
import {
  allIssues,
  issueCell,
  issueTitle,
  issueWhere,
  marksByCell,
  orderIssues,
  SEVERITIES,
  SEVERITY_FILL,
} from '../../core/validate/index.ts';
import { neutralizeFormula } from '../../core/text/index.ts';
import type { ReadLimits } from '../xlsx/limits.ts';
import type { RawInflate } from '../xlsx/zip.ts';
import type { RawDeflate } from '../xlsx/zip-write.ts';
import type { StyleBook } from '../xlsx/edit/styles.ts';
import { WorkbookEditor } from '../xlsx/edit/workbook.ts';
import { layHeading } from './heading-rows.ts';
import { HEAD_LOOKS, type HeadLine, type HeadLook } from './heading.ts';
import { digitPixels, rowHeight, type HeightCell } from '../layout/row-height.ts';
import { FONT, SEVERITY_LABEL } from './styles.ts';
import { rowXml, sheetEnd, sheetNames, sheetStart, type OutCell, type SheetLayout } from './xlsx-stream/sheet-xml.ts';

export const RESULTS_SHEET = term('checkResult', 'vi');

/** No., severity, rule, sheet, place (linked), message, safe fix. */
const WIDTHS = [6, 11, 30, 16, 12, 70, 11];
const SIZE = 12;

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
  const issues = orderIssues(allIssues(report));
  for (const mark of marksByCell(issues, lang)) {
    if (!wb.sheet(mark.sheet)) continue;
    wb.fillCell(mark.sheet, mark.cell, SEVERITY_FILL[mark.severity]);
    wb.addNote(mark.sheet, mark.cell, mark.text);
  }
  const taken = new Set(wb.pkg.sheets().map((s) => s.name.toLocaleLowerCase('vi')));
  const base = term('checkResult', lang);
  let name = base;
  for (let n = 2; taken.has(name.toLocaleLowerCase('vi')); n++) name = `${base} (${n})`;
  const sheet = resultsSheet(name, issues, lang, wb.styles, (i) => !!wb.sheet(i.sheet));
  wb.addSheet(name, sheet.xml, { first: true, names: (index, prefix) => sheetNames(name, index, sheet.layout, sheet.end, prefix) });
  return wb.toBytes(opts.deflate);
}

/** The results sheet: title, counts by severity, then a frozen, filtered, printed-on-every-page header and the issues. */
function resultsSheet(
  name: string,
  issues: Issue[],
  lang: 'vi' | 'en',
  book: StyleBook,
  linkable: (i: Issue) => boolean,
): {
  xml: string;
  layout: SheetLayout;
  end: { lastRow: number; filter: string; merges: string[]; links: { ref: string; location: string; display: string }[] };
} {
  const digitPx = digitPixels(book.defaultFont());
  const font = (extra: { bold?: boolean; italic?: boolean; underline?: boolean; color?: string } = {}) => ({
    name: FONT,
    size: SIZE,
    ...extra,
  });
  const cell = { border: true, vertical: 'top' as const, wrap: true };
  const s = {
    head: book.add({ font: font({ bold: true }), border: true, vertical: 'center', horizontal: 'center', wrap: true }),
    body: book.add({ font: font(), ...cell }),
    center: book.add({ font: font(), ...cell, horizontal: 'center' }),
    link: book.add({ font: font({ underline: true, color: '0563C1' }), ...cell, horizontal: 'center' }),
    total: book.add({ font: font({ bold: true }), ...cell }),
    totalCount: book.add({ font: font({ bold: true }), ...cell, horizontal: 'center' }),
    severity: Object.fromEntries(SEVERITIES.map((v) => [v, book.add({ font: font(), ...cell, fill: SEVERITY_FILL[v] })])) as Record<
      Severity,
      number
    >,
  };
  const looks = Object.fromEntries(
    Object.entries(HEAD_LOOKS).map(([k, l]) => [
      k,
      book.add({ font: { name: FONT, ...l }, horizontal: 'center', vertical: 'center', wrap: true }),
    ]),
  ) as Record<HeadLook, number>;
  const vi = lang === 'vi';
  const lines: HeadLine[] = [
    { across: { text: vi ? 'KẾT QUẢ KIỂM TRA PHỤ LỤC KẾ HOẠCH' : 'CHECK RESULT OF THE PLAN APPENDICES', look: 'title' } },
    {
      across: {
        text: vi ? `(Kiểm tra bằng phuluc lúc ${formatDateTime(new Date())})` : `(Checked by phuluc at ${formatDateTime(new Date())})`,
        look: 'note',
      },
    },
    {},
  ];
  const rows: string[] = [];
  const merges: string[] = [];
  let r = 0;
  for (const l of layHeading(lines, WIDTHS, looks, digitPx)) {
    r++;
    for (const m of l.merges) merges.push(m.replace(/\{r\}/g, String(r)));
    rows.push(rowXml(r, l.cells, l.height));
  }
  // Counts: one row per severity, its label in the severity's fill, then the total.
  const count = (v: Severity) => issues.filter((i) => i.severity === v).length;
  for (const v of SEVERITIES)
    rows.push(rowXml(++r, [null, { s: s.severity[v], v: SEVERITY_LABEL[v][lang] }, { s: s.center, v: count(v) }]));
  rows.push(rowXml(++r, [null, { s: s.total, v: vi ? 'Tổng cộng' : 'Total' }, { s: s.totalCount, v: issues.length }]));
  rows.push(rowXml(++r, [], 9));
  const header = ++r;
  const headers = vi
    ? ['STT', 'Mức độ', 'Nội dung kiểm tra', Term('sheet', 'vi'), 'Vị trí', 'Mô tả', Term('safeFix', 'vi')]
    : ['No.', 'Severity', 'Check', Term('sheet', 'en'), 'Place', 'Description', Term('safeFix', 'en')];
  rows.push(
    rowXml(
      header,
      headers.map((h) => ({ s: s.head, v: h })),
      height(
        headers.map((text, i) => ({ text, width: WIDTHS[i]!, size: SIZE, bold: true })),
        digitPx,
      ),
    ),
  );
  const links: { ref: string; location: string; display: string }[] = [];
  issues.forEach((i, n) => {
    const row = ++r;
    const target = issueCell(i);
    const where = issueWhere(i, lang);
    if (target && linkable(i)) links.push({ ref: `E${row}`, location: `'${i.sheet.replace(/'/g, "''")}'!${target}`, display: where });
    const cells: OutCell[] = [
      { s: s.center, v: n + 1 },
      { s: s.severity[i.severity], v: SEVERITY_LABEL[i.severity][lang] },
      { s: s.body, v: neutralizeFormula(issueTitle(i.code, lang)) },
      { s: s.body, v: neutralizeFormula(i.sheet) },
      { s: target && linkable(i) ? s.link : s.center, v: where },
      { s: s.body, v: neutralizeFormula(vi ? i.message : i.messageEn) },
      { s: s.center, v: i.fix?.safe ? (vi ? 'Có' : 'Yes') : '' },
    ];
    const texts: HeightCell[] = cells.flatMap((c, k) => (typeof c.v === 'string' ? [{ text: c.v, width: WIDTHS[k]!, size: SIZE }] : []));
    rows.push(rowXml(row, cells, height(texts, digitPx)));
  });
  const layout: SheetLayout = {
    widths: WIDTHS,
    frozenRows: header,
    print: { landscape: true, titleRows: [header, header], footer: vi ? 'Trang &P/&N' : 'Page &P/&N' },
  };
  const end = { lastRow: r, filter: `A${header}:G${Math.max(header, r)}`, merges, links };
  // The sheet opens selected: the workbook now opens on it.
  const xml =
    sheetStart(layout).replace('<sheetView workbookViewId="0">', '<sheetView tabSelected="1" workbookViewId="0">') +
    rows.join('') +
    sheetEnd(layout, end);
  return { xml, layout, end };
}

function height(cells: HeightCell[], digitPx: number): number {
  return rowHeight(cells, digitPx);
}

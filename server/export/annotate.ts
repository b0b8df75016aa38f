// Annotated copy of a checked workbook: problem cells highlighted with a note each, and a "Kết quả kiểm tra" sheet with links.
import ExcelJS from 'exceljs';
import type { Issue } from '../../core/validate/issue.ts';
import { issueCell, marksByCell } from '../../core/validate/present.ts';
import { allIssues, type Report } from '../../core/validate/report.ts';
import { neutralizeFormula } from '../../core/text/formula.ts';
import { FONT, SEVERITY_FILL, SEVERITY_LABEL, solidFill, THIN_BORDER } from './styles.ts';

export const RESULTS_SHEET = 'Kết quả kiểm tra';

/**
 * Add highlights, notes and a results sheet to the workbook the report was made from.
 * @example await annotateWorkbook(wb, report, 'vi'); await wb.xlsx.writeFile('x.kiem-tra.xlsx')
 */
export function annotateWorkbook(wb: ExcelJS.Workbook, report: Report, lang: 'vi' | 'en' = 'vi'): void {
  const issues = allIssues(report);
  for (const mark of marksByCell(issues, lang)) {
    const ws = wb.getWorksheet(mark.sheet);
    if (!ws) continue;
    const cell = ws.getCell(mark.cell);
    cell.fill = solidFill(SEVERITY_FILL[mark.severity]);
    cell.note = { texts: [{ text: mark.text }] } as unknown as ExcelJS.Comment;
  }
  addResultsSheet(wb, issues, lang);
}

function addResultsSheet(wb: ExcelJS.Workbook, issues: Issue[], lang: 'vi' | 'en'): void {
  let name = RESULTS_SHEET;
  for (let n = 2; wb.getWorksheet(name); n++) name = `${RESULTS_SHEET} (${n})`;
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const headers = lang === 'en'
    ? ['No.', 'Sheet', 'Cell', 'Severity', 'Code', 'Message', 'Safe fix']
    : ['STT', 'Trang tính', 'Ô', 'Mức độ', 'Mã', 'Nội dung', 'Sửa tự động'];
  ws.columns = [{ width: 6 }, { width: 22 }, { width: 9 }, { width: 11 }, { width: 24 }, { width: 90 }, { width: 12 }];
  const head = ws.addRow(headers);
  head.eachCell((c) => {
    c.font = { name: FONT, bold: true, size: 12 };
    c.border = THIN_BORDER;
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  issues.forEach((i, n) => {
    const cellRef = issueCell(i) ?? '';
    const row = ws.addRow([
      n + 1,
      neutralizeFormula(i.sheet),
      cellRef,
      SEVERITY_LABEL[i.severity][lang],
      i.code,
      neutralizeFormula(lang === 'en' ? i.messageEn : i.message),
      i.fix?.safe ? (lang === 'en' ? 'yes' : 'có') : '',
    ]);
    if (cellRef) {
      // An internal link: clicking jumps to the problem cell (sheet names quoted, inner quotes doubled).
      row.getCell(3).value = { text: cellRef, hyperlink: `#'${i.sheet.replace(/'/g, "''")}'!${cellRef}` };
      row.getCell(3).font = { name: FONT, size: 12, color: { argb: 'FF0563C1' }, underline: true };
    }
    row.eachCell((c, col) => {
      if (col !== 3 || !cellRef) c.font = { name: FONT, size: 12 };
      c.border = THIN_BORDER;
      c.alignment = { vertical: 'top', wrapText: col === 6 };
    });
    row.getCell(4).fill = solidFill(SEVERITY_FILL[i.severity]);
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, issues.length + 1), column: headers.length } };
}

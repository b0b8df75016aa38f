// Annotated copy of a checked workbook: problem cells highlighted with a note each, and a "Kết quả kiểm tra" sheet with links.
import ExcelJS from 'exceljs';
import type { Issue, Severity } from '../../core/validate/issue.ts';
import { allIssues, type Report } from '../../core/validate/report.ts';
import { neutralizeFormula } from '../../core/text/formula.ts';
import { FONT, SEVERITY_FILL, SEVERITY_LABEL, solidFill, THIN_BORDER } from './styles.ts';

export const RESULTS_SHEET = 'Kết quả kiểm tra';
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Add highlights, notes and a results sheet to the workbook the report was made from.
 * @example await annotateWorkbook(wb, report, 'vi'); await wb.xlsx.writeFile('x.kiem-tra.xlsx')
 */
export function annotateWorkbook(wb: ExcelJS.Workbook, report: Report, lang: 'vi' | 'en' = 'vi'): void {
  const issues = allIssues(report);
  const byCell = new Map<string, Issue[]>();
  for (const i of issues) {
    const cell = i.cell ?? (i.row !== undefined ? `A${i.row}` : undefined);
    if (!cell) continue;
    const key = `${i.sheet}\u0000${cell}`;
    const list = byCell.get(key);
    if (list) list.push(i);
    else byCell.set(key, [i]);
  }
  for (const [key, list] of byCell) {
    const [sheet, ref] = key.split('\u0000') as [string, string];
    const ws = wb.getWorksheet(sheet);
    if (!ws) continue;
    const cell = ws.getCell(ref);
    const worst = list.reduce<Severity>((w, i) => (RANK[i.severity] < RANK[w] ? i.severity : w), 'info');
    cell.fill = solidFill(SEVERITY_FILL[worst]);
    const text = list.map((i) => `[${i.code}] ${lang === 'en' ? i.messageEn : i.message}`).join('\n');
    cell.note = { texts: [{ text }] } as unknown as ExcelJS.Comment;
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
    const cellRef = i.cell ?? (i.row !== undefined ? `A${i.row}` : '');
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

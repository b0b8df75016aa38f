// How an issue is shown, the same in the task pane, the annotated workbook and the web page: the cell it points to,
// one mark per cell by worst severity, the severity's words and fill.
import type { Issue, Severity } from './issue.ts';

/** Severities, worst first. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The one vocabulary for severities (the glossary's words): "info" is a note, "Lưu ý", everywhere. */
export const SEVERITY_LABEL: Record<Severity, { vi: string; en: string }> = {
  error: { vi: 'Lỗi', en: 'Error' },
  warning: { vi: 'Cảnh báo', en: 'Warning' },
  info: { vi: 'Lưu ý', en: 'Note' },
};

/** Fills as RRGGBB: red for errors, amber for warnings, a light tone for notes; readable when printed in grey. */
export const SEVERITY_FILL: Record<Severity, string> = { error: 'FFC7CE', warning: 'FFEB9C', info: 'DDEBF7' };

/**
 * The worst of several severities ('info' for none).
 * @example worstSeverity(['info', 'error']) // 'error'
 */
export function worstSeverity(list: readonly Severity[]): Severity {
  return list.reduce<Severity>((w, s) => (RANK[s] < RANK[w] ? s : w), 'info');
}

/**
 * The cell an issue points to: its own cell, else its row's cell in the table's first column (a table may start in
 * column B); undefined for a sheet-level issue.
 * @example issueCell({ row: 17, table: 'B5:F73', … }) // 'B17'
 */
export function issueCell(issue: Pick<Issue, 'cell' | 'row' | 'table'>): string | undefined {
  if (issue.cell) return issue.cell;
  if (issue.row === undefined) return undefined;
  const col = /^\$?([A-Z]{1,3})/i.exec(issue.table ?? '')?.[1] ?? 'A';
  return `${col.toUpperCase()}${issue.row}`;
}

/** One marked cell: the worst severity among its issues, and their messages, one "[code] message" a line. */
export interface CellMark {
  sheet: string;
  cell: string;
  severity: Severity;
  issues: Issue[];
  text: string;
}

/**
 * One mark per cell an issue points to, in the order the issues come.
 * @example marksByCell(allIssues(report), 'vi')[0] // { sheet, cell: 'C7', severity: 'error', issues, text: '[lead-missing] …' }
 */
export function marksByCell(issues: readonly Issue[], lang: 'vi' | 'en'): CellMark[] {
  const byCell = new Map<string, CellMark>();
  for (const i of issues) {
    const cell = issueCell(i);
    if (!cell) continue;
    const key = `${i.sheet}\u0000${cell}`;
    const line = `[${i.code}] ${lang === 'en' ? i.messageEn : i.message}`;
    const mark = byCell.get(key);
    if (!mark) byCell.set(key, { sheet: i.sheet, cell, severity: i.severity, issues: [i], text: line });
    else {
      mark.issues.push(i);
      mark.text += `\n${line}`;
      mark.severity = worstSeverity([mark.severity, i.severity]);
    }
  }
  return [...byCell.values()];
}

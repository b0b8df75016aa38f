// How an issue is shown, the same in the task pane, the annotated workbook and the web page: the cell it points to,
// one mark per cell by worst severity, the severity's words and fill.
import { CATALOG } from './catalog.ts';
import type { Issue, IssueCode, Severity } from './issue.ts';

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

/** One marked cell: the worst severity among its issues, and their messages, one a line (codes stay internal). */
export interface CellMark {
  sheet: string;
  cell: string;
  severity: Severity;
  issues: Issue[];
  text: string;
}

/**
 * One mark per cell an issue points to, in the order the issues come.
 * @example marksByCell(allIssues(report), 'vi')[0] // { sheet, cell: 'C7', severity: 'error', issues, text: 'Thiếu cơ quan chủ trì …' }
 */
export function marksByCell(issues: readonly Issue[], lang: 'vi' | 'en'): CellMark[] {
  const byCell = new Map<string, CellMark>();
  for (const i of issues) {
    const cell = issueCell(i);
    if (!cell) continue;
    const key = `${i.sheet}\u0000${cell}`;
    const line = lang === 'en' ? i.messageEn : i.message;
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

/**
 * Issues in the order that matters to an official: errors, then warnings, then notes; within a severity by sheet and
 * row as they come (a stable sort, so the reader's order is kept).
 * @example orderIssues([note, error, warning]).map((i) => i.severity) // ['error', 'warning', 'info']
 */
export function orderIssues<T extends Pick<Issue, 'severity'>>(issues: readonly T[]): T[] {
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => RANK[a.issue.severity] - RANK[b.issue.severity] || a.index - b.index)
    .map((x) => x.issue);
}

/**
 * The rule's title in the user's language (the code itself stays internal: a tooltip at most).
 * @example issueTitle('lead-missing', 'vi') // 'Thiếu cơ quan chủ trì'
 */
export function issueTitle(code: string, lang: 'vi' | 'en'): string {
  const entry = (CATALOG as Record<string, { title: { vi: string; en: string } } | undefined>)[code as IssueCode];
  return entry ? entry.title[lang] : code;
}

// The Word reader names its grid after the document ("ke-hoach.docx", "ke-hoach.docx (văn bản)"): no worksheet is so
// named, and an official would look for a sheet that is not there.
const WORD_GRID = /\.docx?( \(văn bản\))?$/i;

/**
 * Whether a grid's sheet name is the Word reader's (the document's name): said "Tài liệu", not "Trang tính".
 * @example isWordGrid('ke-hoach.docx') // true
 */
export function isWordGrid(sheet: string): boolean {
  return WORD_GRID.test(sheet);
}

/**
 * Where an issue is, in words: "Dòng 5", "Ô C7", or the sheet (the document, for a Word file) for a sheet-level issue;
 * with the sheet's name when asked.
 * @example issueWhere({ sheet: 'PL1', row: 5 }, 'vi') // 'Dòng 5'
 * @example issueWhere({ sheet: 'PL1', row: 5, cell: 'C5' }, 'vi', true) // 'PL1 · Ô C5'
 * @example issueWhere({ sheet: 'ke-hoach.docx' }, 'vi') // 'Tài liệu ke-hoach.docx'
 */
export function issueWhere(issue: Pick<Issue, 'sheet' | 'row' | 'cell'>, lang: 'vi' | 'en', withSheet = false): string {
  const word = isWordGrid(issue.sheet);
  const words =
    lang === 'en'
      ? { row: 'Row', cell: 'Cell', sheet: word ? 'Document' : 'Sheet' }
      : { row: 'Dòng', cell: 'Ô', sheet: word ? 'Tài liệu' : 'Trang tính' };
  const spot = issue.cell ? `${words.cell} ${issue.cell.replace(/\$/g, '')}` : issue.row !== undefined ? `${words.row} ${issue.row}` : '';
  if (!spot) return `${words.sheet} ${issue.sheet}`;
  return withSheet ? `${issue.sheet} · ${spot}` : spot;
}

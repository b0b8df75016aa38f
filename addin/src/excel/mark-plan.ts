// Which cells to mark for a list of issues (the same cells and texts as the annotated .xlsx), and how they look.
import type { Issue, Severity } from '../../../core/validate/index.ts';
import { marksByCell, SEVERITY_FILL as CORE_FILL, type CellMark } from '../../../core/validate/index.ts';

/** The fills every output uses (core/validate/present.ts), as Office.js colours. */
export const SEVERITY_FILL: Record<Severity, string> = {
  error: `#${CORE_FILL.error}`,
  warning: `#${CORE_FILL.warning}`,
  info: `#${CORE_FILL.info}`,
};

/** Our threaded comments start with this, so they can be told from the user's. */
export const COMMENT_TAG = '[phuluc] ';

export type MarkTarget = Omit<CellMark, 'issues'>;

/**
 * One target per cell: the worst severity, every message as "[code] message"; a row-level issue marks the row's cell
 * in the table's first column (the same cells and texts as the annotated .xlsx).
 * @example planMarks(allIssues(report), 'vi')
 */
export function planMarks(issues: Issue[], lang: 'vi' | 'en'): MarkTarget[] {
  return marksByCell(issues, lang).map(({ sheet, cell, severity, text }) => ({ sheet, cell, severity, text }));
}

/**
 * The note on a marked cell: the user's own note kept on top, ours below.
 * @example noteText('Ghi chú', '[lead-missing] …') // 'Ghi chú\n\n— phuluc —\n[lead-missing] …'
 */
export function noteText(prior: string | null, text: string): string {
  return prior ? `${prior}\n\n— phuluc —\n${text}` : text;
}

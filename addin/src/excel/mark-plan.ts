// Which cells to mark for a list of issues (the same cells and texts as the annotated .xlsx), and how they look.
import type { Issue, Severity } from '../../../core/validate/issue.ts';

/** Same fills as server/export/styles.ts, so a marked sheet and an annotated file look alike. */
export const SEVERITY_FILL: Record<Severity, string> = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' };
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Our threaded comments start with this, so they can be told from the user's. */
export const COMMENT_TAG = '[phuluc] ';

export interface MarkTarget {
  sheet: string;
  cell: string;
  severity: Severity;
  text: string;
}

/**
 * One target per cell: the worst severity, every message as "[code] message". A row-level issue marks column A.
 * @example planMarks(allIssues(report), 'vi')
 */
export function planMarks(issues: Issue[], lang: 'vi' | 'en'): MarkTarget[] {
  const byCell = new Map<string, MarkTarget>();
  for (const i of issues) {
    const cell = i.cell ?? (i.row !== undefined ? `A${i.row}` : undefined);
    if (!cell) continue;
    const key = `${i.sheet}\u0000${cell}`;
    const line = `[${i.code}] ${lang === 'en' ? i.messageEn : i.message}`;
    const t = byCell.get(key);
    if (!t) byCell.set(key, { sheet: i.sheet, cell, severity: i.severity, text: line });
    else {
      t.text += `\n${line}`;
      if (RANK[i.severity] < RANK[t.severity]) t.severity = i.severity;
    }
  }
  return [...byCell.values()];
}

/**
 * The note on a marked cell: the user's own note kept on top, ours below.
 * @example noteText('Ghi chú', '[lead-missing] …') // 'Ghi chú\n\n— phuluc —\n[lead-missing] …'
 */
export function noteText(prior: string | null, text: string): string {
  return prior ? `${prior}\n\n— phuluc —\n${text}` : text;
}

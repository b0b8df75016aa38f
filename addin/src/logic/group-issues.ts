// Issues grouped for the pane: by severity (errors first), then by rule in catalog order, with counts.
import { ISSUE_CODES } from '../../../core/validate/index.ts';
import type { Issue, IssueCode, Severity } from '../../../core/validate/index.ts';
import { issueCell, SEVERITIES } from '../../../core/validate/index.ts';

export { SEVERITIES };

export interface CodeGroup {
  code: IssueCode;
  issues: Issue[];
  /** Issues of this rule that carry a fix (safe or suggested). */
  fixable: number;
}

export interface SeverityGroup {
  severity: Severity;
  count: number;
  codes: CodeGroup[];
}

/**
 * Group issues by severity, then rule; empty severities are left out.
 * @example groupIssues(allIssues(report))[0]?.severity // 'error' when there is one
 */
export function groupIssues(issues: readonly Issue[]): SeverityGroup[] {
  const order = new Map(ISSUE_CODES.map((code, i) => [code, i]));
  return SEVERITIES.map((severity) => {
    const byCode = new Map<IssueCode, Issue[]>();
    for (const issue of issues) {
      if (issue.severity !== severity) continue;
      const list = byCode.get(issue.code);
      if (list) list.push(issue);
      else byCode.set(issue.code, [issue]);
    }
    const codes = [...byCode.entries()]
      .sort(([a], [b]) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
      .map(([code, list]) => ({ code, issues: list, fixable: list.filter((i) => i.fix !== undefined).length }));
    return { severity, count: codes.reduce((n, c) => n + c.issues.length, 0), codes };
  }).filter((g) => g.count > 0);
}

/**
 * Where clicking an issue goes: its cell, else the first cell of its row in the table; null for sheet-level issues.
 * @example issueTarget({ sheet: 'PL II', row: 17, table: 'A5:F73', … }) // { sheet: 'PL II', cell: 'A17' }
 */
export function issueTarget(issue: Issue): { sheet: string; cell: string } | null {
  const cell = issueCell(issue);
  return cell === undefined ? null : { sheet: issue.sheet, cell };
}

/** A stable key for React lists (issues have no id of their own). */
export function issueKey(issue: Issue, index: number): string {
  return `${issue.code}|${issue.sheet}|${issue.cell ?? issue.row ?? ''}|${index}`;
}

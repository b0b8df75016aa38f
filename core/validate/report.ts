// The validation report: one object — `valid` computed from the issues, stats, and issues per table.
import type { AppendixKind } from '../model/appendix.ts';
import type { Issue } from './issue.ts';

export interface TableReport {
  sheet: string;
  /** A1 range of the table; null for issues about a sheet as a whole (header-not-found). */
  range: string | null;
  kind: AppendixKind | null;
  issues: Issue[];
}

export interface ReportStats {
  tables: number;
  tasks: number;
  indicators: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Issues with a safe fix ("Sửa tất cả lỗi an toàn" applies them). */
  fixable: number;
}

export interface Report {
  /** No errors (computed from the stats, never stored separately). */
  readonly valid: boolean;
  stats: ReportStats;
  tables: TableReport[];
}

/**
 * Build a report; `valid` is a getter, so it serializes with JSON.stringify and can never disagree with the stats.
 * @example makeReport(tables, { tasks: 34, indicators: 0 }).valid
 */
export function makeReport(tables: TableReport[], counts: { tasks: number; indicators: number }): Report {
  // One count over the issues, without copying them into one list.
  const stats: ReportStats = {
    tables: 0,
    tasks: counts.tasks,
    indicators: counts.indicators,
    errors: 0,
    warnings: 0,
    infos: 0,
    fixable: 0,
  };
  // Issues by index: this runs once per validation, unoptimized, where for…of would make an iterator result per issue.
  for (const t of tables) {
    if (t.range !== null) stats.tables++;
    const issues = t.issues;
    for (let n = 0; n < issues.length; n++) {
      const i = issues[n]!;
      if (i.severity === 'error') stats.errors++;
      else if (i.severity === 'warning') stats.warnings++;
      else if (i.severity === 'info') stats.infos++;
      if (i.fix?.safe === true) stats.fixable++;
    }
  }
  return {
    get valid() {
      return stats.errors === 0;
    },
    stats,
    tables,
  };
}

/** All issues of a report, flattened (for listing and tests: [[cell, code], …]). */
export function allIssues(report: Report): Issue[] {
  return report.tables.flatMap((t) => t.issues);
}

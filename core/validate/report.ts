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
  const all = tables.flatMap((t) => t.issues);
  const stats: ReportStats = {
    tables: tables.filter((t) => t.range !== null).length,
    tasks: counts.tasks,
    indicators: counts.indicators,
    errors: all.filter((i) => i.severity === 'error').length,
    warnings: all.filter((i) => i.severity === 'warning').length,
    infos: all.filter((i) => i.severity === 'info').length,
    fixable: all.filter((i) => i.fix?.safe === true).length,
  };
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

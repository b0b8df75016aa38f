// The issue model: a stable code, a severity, a location in Excel terms, typed parameters, an optional fix.
import type { ColumnRole } from '../model/appendix.ts';
import type { Patch } from '../model/patch.ts';
import type { ProgressStatus } from '../model/progress-status.ts';

export type Severity = 'error' | 'warning' | 'info';

/**
 * Parameters of each code's message. The list of codes is derived from this map, never kept twice.
 * Codes are a public contract: never rename one.
 */
export interface IssueParams {
  'header-not-found': { sheet: string };
  'no-table': Record<string, never>;
  'table-empty': { kind: 'tasks' | 'indicators' };
  'missing-column': { role: ColumnRole; required: boolean };
  /** columns: "E (Người xử lý), F (Ngày nhận)". */
  'columns-left-aside': { columns: string };
  'repeated-header-row': Record<string, never>;
  'continuation-row': { into: number };
  'blank-row': Record<string, never>;
  'merged-cells-in-body': { range: string };
  'group-number-gap': { expected: string; found: string };
  'group-number-style': { styles: string; majority: string };
  'task-number-gap': { expected: string; found: string };
  'task-number-duplicate': { tt: string; firstRow: number };
  'task-number-invalid': { tt: string };
  'numbering-scheme-mixed': { group: string; scheme: string; majority: string };
  'content-missing': Record<string, never>;
  'lead-missing': Record<string, never>;
  'deadline-missing': Record<string, never>;
  'result-missing': Record<string, never>;
  'partners-missing': Record<string, never>;
  'head-missing': Record<string, never>;
  'lead-multiple': { count: number; names: string };
  'lead-generic': { name: string };
  'agency-variant': { name: string; canonical: string };
  /** parts: the catalog names run together in `name` without a separator ("A; B"), when that is what it is. */
  'agency-unknown': { name: string; parts?: string };
  'deadline-unparsed': { text: string };
  'deadline-before-plan': { text: string; due: string; planDate: string };
  'deadline-outside-period': { text: string; due: string; from: number; to: number };
  'deadline-conditional': { text: string };
  'deadline-format': { text: string; canonical: string };
  'deadline-overdue': { text: string; due: string; asOf: string };
  'legacy-encoding': { encoding: string; preview: string };
  'decomposed-unicode': Record<string, never>;
  'stray-whitespace': Record<string, never>;
  'word-artifact': { artifact: string };
  'tone-style-mixed': { old: number; new: number; example: string };
  'formula-like-text': { start: string };
  'duplicate-task': { otherRow: number; similarity: number };
  'indicator-unit-missing': Record<string, never>;
  'indicator-target-missing': Record<string, never>;
  'indicator-target-invalid': { target: string; unit: string; reason: 'not-number' | 'percent-range' | 'negative' };
  'indicator-target-regression': { target: string; earlier: string; earlierRow: number };
  // Progress columns of a task table (issue 17). Days are ISO (yyyy-mm-dd); messages write them dd/mm/yyyy.
  'progress-status-unreadable': { text: string };
  'progress-date-unreadable': { text: string };
  'progress-date-missing': Record<string, never>;
  'progress-date-future': { day: string; today: string };
  'progress-date-not-done': { day: string; status: ProgressStatus };
  'progress-achieved-missing': Record<string, never>;
  'progress-reason-missing': { status: ProgressStatus };
}

export type IssueCode = keyof IssueParams;

/** Where an issue is: always a sheet; a cell (A1) or a row when known; the column's role. */
export interface IssueLocation {
  sheet: string;
  /** A1 range of the table the issue belongs to, when it belongs to one. */
  table?: string;
  row?: number;
  cell?: string;
  column?: ColumnRole;
}

/** What a check pushes: code, parameters, location and an optional fix — no message. */
export type RawIssue = {
  [K in IssueCode]: { code: K; params: IssueParams[K]; loc: IssueLocation; severity?: Severity; fix?: Patch };
}[IssueCode];

/** An issue as reported: message built from the catalog in both languages. */
export interface Issue {
  code: IssueCode;
  severity: Severity;
  sheet: string;
  table?: string;
  row?: number;
  cell?: string;
  column?: ColumnRole;
  message: string;
  messageEn: string;
  tags: string[];
  params: Record<string, unknown>;
  fix?: Patch;
}

// The standard appendix's columns (headings, roles, widths), shared by the .xlsx template (workbook/export/template.ts) and the pane's plain-value template.
import type { ColumnRole } from '../model/index.ts';
import { PROGRESS_COLUMNS, type ProgressRole } from './columns.ts';

/**
 * The progress columns the template carries: what every period's report asks of every task. The other five (reason,
 * evidence, highlights, obstacles, proposals) are written in the period's report, not here: fourteen columns on an
 * A4 page shrink the plan's text below reading size, and most tasks never need them.
 */
export const TEMPLATE_PROGRESS_ROLES: readonly ProgressRole[] = ['status', 'completedOn', 'achieved'];

const progressLabel = (role: ProgressRole) => PROGRESS_COLUMNS.find((c) => c.role === role)!.label.vi;

export const TASK_TEMPLATE_HEADERS: readonly string[] = [
  'TT',
  'Nội dung nhiệm vụ',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp',
  'Kết quả/sản phẩm',
  'Thời gian hoàn thành',
  ...TEMPLATE_PROGRESS_ROLES.map(progressLabel),
];

/** The indicator's achieved value: its own heading, so a "Kết quả" target column is never taken for it. */
export const INDICATOR_ACHIEVED_LABEL = 'Kết quả thực hiện đạt được';

export const INDICATOR_TEMPLATE_HEADERS: readonly string[] = [
  'TT',
  'Chỉ tiêu',
  'Đơn vị tính',
  'Kết quả',
  'Cơ quan chủ trì theo dõi, đánh giá',
  INDICATOR_ACHIEVED_LABEL,
];

/** What each column of the standard table reads as, in the order of the headings. */
export const TEMPLATE_ROLES: Readonly<Record<'tasks' | 'indicators', readonly ColumnRole[]>> = {
  tasks: ['tt', 'content', 'lead', 'partners', 'result', 'deadline', ...TEMPLATE_PROGRESS_ROLES],
  indicators: ['tt', 'content', 'unit', 'target', 'monitor', 'achieved'],
};

/**
 * Column widths in characters. Narrower plan columns than a plan-only table: nine columns must still print at a
 * readable size on A4 landscape.
 */
export const TEMPLATE_WIDTHS: Readonly<Record<'tasks' | 'indicators', readonly number[]>> = {
  tasks: [6, 50, 22, 22, 22, 15, 15, 14, 25],
  indicators: [6, 58, 12, 14, 30, 18],
};

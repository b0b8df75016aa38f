// The progress columns of a task table, in the order the template writes them: one list for the template, the pane and the reader's tests.
import type { ColumnRole } from '../model/appendix.ts';

/** A progress column: the role the reader gives it and its heading as the template writes it. */
export interface ProgressColumn {
  readonly role: ProgressRole;
  readonly label: { readonly vi: string; readonly en: string };
}

export type ProgressRole = Extract<
  ColumnRole,
  'status' | 'completedOn' | 'achieved' | 'reason' | 'evidence' | 'highlights' | 'obstacles' | 'proposals'
>;

/**
 * Ordered as a report reads: what state the task is in, when it was done, what it achieved, then why and what to do.
 * @example PROGRESS_COLUMNS[0].label.vi // 'Tình trạng thực hiện'
 */
export const PROGRESS_COLUMNS: readonly ProgressColumn[] = [
  { role: 'status', label: { vi: 'Tình trạng thực hiện', en: 'Status' } },
  { role: 'completedOn', label: { vi: 'Ngày hoàn thành', en: 'Completion date' } },
  { role: 'achieved', label: { vi: 'Kết quả đạt được', en: 'Achieved' } },
  { role: 'reason', label: { vi: 'Lý do (tạm dừng, chậm tiến độ)', en: 'Reason (paused, late)' } },
  { role: 'evidence', label: { vi: 'Tài liệu kiểm chứng', en: 'Evidence' } },
  { role: 'highlights', label: { vi: 'Kết quả nổi bật', en: 'Highlights' } },
  { role: 'obstacles', label: { vi: 'Khó khăn, vướng mắc', en: 'Obstacles' } },
  { role: 'proposals', label: { vi: 'Đề xuất, kiến nghị', en: 'Proposals' } },
];

/** The progress roles in column order. */
export const PROGRESS_ROLES: readonly ProgressRole[] = PROGRESS_COLUMNS.map((c) => c.role);

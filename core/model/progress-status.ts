// A task's reported status ("Tình trạng thực hiện"): the five words an official picks from, with their labels (in the model so the reader and the checks can use them).
import { z } from 'zod';

/** In the order a dropdown lists them. */
export const ProgressStatusSchema = z.enum(['not-started', 'in-progress', 'done', 'paused', 'dropped']);
export type ProgressStatus = z.infer<typeof ProgressStatusSchema>;
export const PROGRESS_STATUSES: readonly ProgressStatus[] = ProgressStatusSchema.options;

/** Labels as reports write them, and English. */
export const PROGRESS_STATUS_LABEL: Readonly<Record<ProgressStatus, { vi: string; en: string }>> = {
  'not-started': { vi: 'Chưa thực hiện', en: 'Not started' },
  'in-progress': { vi: 'Đang thực hiện', en: 'In progress' },
  done: { vi: 'Đã hoàn thành', en: 'Done' },
  paused: { vi: 'Tạm dừng', en: 'Paused' },
  dropped: { vi: 'Không thực hiện', en: 'Dropped' },
};

/** Statuses that stop a task by decision: a reason must say why (a province reads it before anything else). */
export const NEEDS_REASON: ReadonlySet<ProgressStatus> = new Set<ProgressStatus>(['paused', 'dropped']);

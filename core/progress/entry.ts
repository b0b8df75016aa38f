// A task's progress for one reporting period: what the commune reports about one task of its plan.
import { z } from 'zod';
import { IsoDaySchema, MomentSchema } from './day.ts';
import { PeriodIdSchema } from './period.ts';
import { ProgressStatusSchema } from './status.ts';

/** Free text an official writes: trimmed; an empty cell is the same as no text. */
const Text = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

export const TaskProgressSchema = z.object({
  /** The task's stable id in the plan (`AppendixRow.id`, given by assignIds and kept in the sheet's id column). */
  taskId: z.string().min(1),
  /** The reporting period this entry reports on (canonical id, "2026-Q1"). */
  period: PeriodIdSchema,
  status: ProgressStatusSchema,
  /** Why the task is paused or dropped (required then), or why it is late ("lý do chậm tiến độ"). */
  reason: Text,
  /** The day the task was completed (ISO); expected when the status is done. */
  completedOn: IsoDaySchema.optional(),
  /** "Kết quả đạt được": what was achieved, as written. */
  achieved: Text,
  /** A reference to the evidence ("Quyết định số 12/QĐ-UBND", a link, a file name). */
  evidence: Text,
  /** "Kết quả nổi bật", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị": what the province reads first. */
  highlights: Text,
  obstacles: Text,
  proposals: Text,
  /**
   * Who reported it and when. Optional in the model: an entry read from a workbook has neither until it is sent;
   * whoever records the entry (the server on receipt) fills them.
   */
  reportedBy: Text,
  reportedAt: MomentSchema.optional(),
});
export type TaskProgress = z.infer<typeof TaskProgressSchema>;
/** An entry as given before parsing (text not yet trimmed). */
export type TaskProgressInput = z.input<typeof TaskProgressSchema>;

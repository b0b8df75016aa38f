// Deadline: the structured value of a "Thời gian hoàn thành" cell (see core/deadline.ts for the grammar).
import { z } from 'zod';

/** How finely a period was stated. */
export const PrecisionSchema = z.enum(['day', 'month', 'quarter', 'half', 'year', 'range']);
export type Precision = z.infer<typeof PrecisionSchema>;

/** A stated period: first and last day (ISO yyyy-mm-dd, inclusive). The due date is `end`. */
export const PeriodSchema = z.object({
  precision: PrecisionSchema,
  start: z.string(),
  end: z.string(),
});
export type Period = z.infer<typeof PeriodSchema>;

export const RecurrenceSchema = z.enum(['continuous', 'yearly', 'quarterly', 'monthly']);
export type Recurrence = z.infer<typeof RecurrenceSchema>;

export const DeadlineSchema = z.discriminatedUnion('kind', [
  /** "Quý III/2025", "31/12/2025", "Giai đoạn 2025-2026", "Đến năm 2030"; `note` as for recurring deadlines. */
  z.object({ kind: z.literal('period'), text: z.string(), period: PeriodSchema, note: z.string().optional() }),
  /**
   * "Thường xuyên", "Hằng năm", "Định kỳ hằng quý"; with `first` for "Tháng 7/2025, duy trì hàng năm"
   * or "Năm 2025 và những năm tiếp theo"; with `relative` for "Quý IV của năm trước" (each year, in Q4 of the year before)
   * and "Trước ngày 31/01 năm liền kề" in a plan without a single year (each year, by 31 January of the next).
   */
  z.object({
    kind: z.literal('recurring'),
    text: z.string(),
    every: RecurrenceSchema,
    first: PeriodSchema.optional(),
    relative: z
      .object({
        quarter: z.number().int().min(1).max(4).optional(),
        month: z.number().int().min(1).max(12).optional(),
        /** A day of `month` ("Trước ngày 31/01 năm liền kề"); the month's last day when absent. */
        day: z.number().int().min(1).max(31).optional(),
        yearOffset: z.number().int(),
      })
      .optional(),
    /** Words after the deadline phrase and a comma ("Thường xuyên, định kỳ hằng quý báo cáo về Sở Tài chính"), kept as written. */
    note: z.string().optional(),
  }),
  /** "Khi có văn bản của cấp trên", "Theo hướng dẫn của cấp trên": no date can be known. */
  z.object({ kind: z.literal('conditional'), text: z.string() }),
  /** Anything else, kept verbatim. */
  z.object({ kind: z.literal('unparsed'), text: z.string() }),
]);
export type Deadline = z.infer<typeof DeadlineSchema>;

// A commune's progress report for one period: its task entries and indicator actuals, or "không phát sinh".
import { z } from 'zod';
import { TaskProgressSchema } from './entry.ts';
import { IndicatorActualSchema } from './indicator.ts';
import { PeriodIdSchema } from './period.ts';

export const ProgressReportSchema = z.object({
  period: PeriodIdSchema,
  /** "Không phát sinh": the commune states it has nothing to report for the period (no entries then). */
  nothingToReport: z.boolean().optional(),
  entries: z.array(TaskProgressSchema),
  indicators: z.array(IndicatorActualSchema),
});
export type ProgressReport = z.infer<typeof ProgressReportSchema>;

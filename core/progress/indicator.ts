// An indicator's actual value for one reporting period, and the next period's pre-filled draft.
import { z } from 'zod';
import { MomentSchema } from './day.ts';
import { PeriodIdSchema } from './period.ts';

/**
 * 'cumulative': the value at the reporting date ("tính đến ngày"), carried into the next period;
 * 'within-period': what the period alone achieved ("trong kỳ"), started afresh each period.
 */
export const ActualModeSchema = z.enum(['cumulative', 'within-period']);
export type ActualMode = z.infer<typeof ActualModeSchema>;

export const IndicatorActualSchema = z.object({
  /** The indicator's stable id in the plan (`AppendixRow.id`). */
  indicatorId: z.string().min(1),
  period: PeriodIdSchema,
  /** A number, or text when the target is words ("Đã ban hành", "Đạt chuẩn"). */
  value: z.union([z.number().finite(), z.string().trim().min(1)]),
  mode: ActualModeSchema,
  note: z.string().trim().optional(),
  evidence: z.string().trim().optional(),
  reportedBy: z.string().trim().optional(),
  reportedAt: MomentSchema.optional(),
});
export type IndicatorActual = z.infer<typeof IndicatorActualSchema>;

/** An actual being filled in: the value may still be missing. */
export type IndicatorActualDraft = Omit<IndicatorActual, 'value'> & { value?: IndicatorActual['value'] };

/**
 * The draft of a new period from the previous period's actual: a cumulative value is carried over (it only grows
 * from there), a within-period value starts empty; notes, evidence and reporter are not carried.
 * @example prefillActual({ indicatorId: 'c1', period: '2026-Q1', value: 40, mode: 'cumulative' }, '2026-Q2') // { indicatorId: 'c1', period: '2026-Q2', mode: 'cumulative', value: 40 }
 */
export function prefillActual(previous: IndicatorActual, period: string): IndicatorActualDraft {
  const draft: IndicatorActualDraft = { indicatorId: previous.indicatorId, period, mode: previous.mode };
  if (previous.mode === 'cumulative') draft.value = previous.value;
  return draft;
}

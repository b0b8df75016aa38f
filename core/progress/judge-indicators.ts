// Every indicator of a plan judged as of a day: its latest actual against its target, and how many are met.
import type { Plan } from '../model/index.ts';
import type { IndicatorActual } from './indicator.ts';
import { latestActuals } from './latest.ts';
import { evaluateActual, type Evaluation } from './pass-rule.ts';

/** One indicator of the plan, with the actual that speaks for it and the verdict. */
export interface JudgedIndicator {
  /** The indicator's id, when the plan has given it one (an indicator without an id cannot be reported on). */
  indicatorId?: string;
  tt: string;
  content: string;
  unit: string;
  target: string;
  actual?: IndicatorActual;
  evaluation: Evaluation;
}

/**
 * Judge every indicator row of the plan's indicator tables by its latest actual as of the day (the value as
 * reported: a cumulative value at its date, a within-period value for its period alone). An indicator nobody
 * reported on is unknown ('no-value').
 * @example judgeIndicators(plan, actuals, '2026-06-30').filter((i) => i.evaluation.verdict === 'not-met')
 */
export function judgeIndicators(plan: Plan, actuals: readonly IndicatorActual[], asOf: string): JudgedIndicator[] {
  const latest = latestActuals(actuals, asOf);
  const rows = plan.appendices.filter((a) => a.kind === 'indicators').flatMap((a) => a.rows.filter((r) => r.kind === 'indicator'));
  return rows.map((row) => {
    const actual = row.id === undefined ? undefined : latest.get(row.id);
    const unit = row.fields.unit ?? '';
    const target = row.fields.target ?? '';
    const out: JudgedIndicator = {
      tt: row.tt ?? '',
      content: row.fields.content ?? '',
      unit,
      target,
      evaluation: evaluateActual(target, actual?.value, unit),
    };
    if (row.id !== undefined) out.indicatorId = row.id;
    if (actual) out.actual = actual;
    return out;
  });
}

export interface IndicatorCounts {
  indicators: number;
  /** Indicators an actual speaks for as of the day. */
  reported: number;
  met: number;
  notMet: number;
  /** Not judged: no actual, or no number on one side. */
  unknown: number;
}

/**
 * How many indicators are met, not met, or cannot be judged.
 * @example countIndicators(judgeIndicators(plan, actuals, '2026-06-30')).met
 */
export function countIndicators(judged: readonly JudgedIndicator[]): IndicatorCounts {
  const c: IndicatorCounts = { indicators: 0, reported: 0, met: 0, notMet: 0, unknown: 0 };
  for (const j of judged) {
    c.indicators++;
    if (j.actual) c.reported++;
    if (j.evaluation.verdict === 'met') c.met++;
    else if (j.evaluation.verdict === 'not-met') c.notMet++;
    else c.unknown++;
  }
  return c;
}

// Which of a task's entries (or an indicator's actuals) speaks for it as of a day: the latest period begun, then the latest report.
import type { IndicatorActual } from './indicator.ts';
import type { TaskProgress } from './entry.ts';
import { spanOfId } from './period.ts';

/** What a per-period report of anything carries: its period and, once recorded, when it was reported. */
interface Reported {
  period: string;
  reportedAt?: string | undefined;
}

/**
 * Each key's report as of `asOf`: among the reports of periods that began on or before asOf, the one whose period
 * ends last; between periods ending the same day (2026-Q2 and 2026-H1), the one reported last. Reports of periods
 * not yet begun are ignored.
 * @example latestBy(entries, (e) => e.taskId, '2026-05-10')
 */
export function latestBy<T extends Reported>(items: readonly T[], keyOf: (item: T) => string, asOf: string): Map<string, T> {
  const out = new Map<string, { item: T; end: string }>();
  for (const item of items) {
    const span = spanOfId(item.period);
    if (span.start > asOf) continue;
    const key = keyOf(item);
    const held = out.get(key);
    if (!held || span.end > held.end || (span.end === held.end && moment(item) > moment(held.item))) out.set(key, { item, end: span.end });
  }
  return new Map([...out].map(([key, v]) => [key, v.item]));
}

/**
 * Each task's entry as of `asOf` (latestBy, by task id).
 * @example latestEntries([q1, q2], '2026-05-10').get('t1') === q2 // true
 */
export function latestEntries(entries: readonly TaskProgress[], asOf: string): Map<string, TaskProgress> {
  return latestBy(entries, (e) => e.taskId, asOf);
}

/**
 * Each indicator's actual as of `asOf` (latestBy, by indicator id).
 * @example latestActuals([q1, q2], '2026-05-10').get('c1') === q2 // true
 */
export function latestActuals(actuals: readonly IndicatorActual[], asOf: string): Map<string, IndicatorActual> {
  return latestBy(actuals, (a) => a.indicatorId, asOf);
}

/** When a report was made, comparable across offsets; one without a moment counts as the earliest. */
function moment(r: Reported): number {
  const t = r.reportedAt === undefined ? NaN : Date.parse(r.reportedAt);
  return Number.isNaN(t) ? -Infinity : t;
}

// Which of a task's entries speaks for it as of a day: the latest period already begun, then the latest report.
import type { TaskProgress } from './entry.ts';
import { spanOfId } from './period.ts';

/**
 * Each task's entry as of `asOf`: among the entries of periods that began on or before asOf, the one whose period ends
 * last; between periods ending the same day (2026-Q2 and 2026-H1), the one reported last. Entries of periods not yet
 * begun are ignored.
 * @example latestEntries([q1, q2], '2026-05-10').get('t1') === q2 // true
 */
export function latestEntries(entries: readonly TaskProgress[], asOf: string): Map<string, TaskProgress> {
  const out = new Map<string, { entry: TaskProgress; end: string }>();
  for (const entry of entries) {
    const span = spanOfId(entry.period);
    if (span.start > asOf) continue;
    const held = out.get(entry.taskId);
    if (!held || span.end > held.end || (span.end === held.end && moment(entry) > moment(held.entry))) {
      out.set(entry.taskId, { entry, end: span.end });
    }
  }
  return new Map([...out].map(([id, v]) => [id, v.entry]));
}

/** When an entry was reported, comparable across offsets; an entry without one counts as the earliest. */
function moment(e: TaskProgress): number {
  const t = e.reportedAt === undefined ? NaN : Date.parse(e.reportedAt);
  return Number.isNaN(t) ? -Infinity : t;
}

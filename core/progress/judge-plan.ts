// Every task of a plan judged as of a day: its entry (if any), its category and due date, its lead agencies.
import { DEFAULT_CATALOG, matchAgency, splitAgencies, type Catalog } from '../agencies.ts';
import { mapGroup, OTHER_GROUP, type GroupRef } from '../consolidate/index.ts';
import { parseDeadline } from '../deadline.ts';
import type { AppendixRow, Plan } from '../model/index.ts';
import { categorize, type ProgressCategory } from './category.ts';
import { vietnamDay } from './day.ts';
import type { TaskProgress } from './entry.ts';
import { latestEntries } from './latest.ts';
import { spanOfId } from './period.ts';
import type { ProgressStatus } from './status.ts';

export interface JudgeOptions {
  /** The reporting period judged (canonical id); the year up to asOf when not given. */
  period?: string;
  /** Agency catalog for canonical lead names. */
  catalog?: Catalog;
}

/** One task of the plan, as the province's lists show it. */
export interface JudgedTask {
  /** The task's id, when the plan has given it one (a task without an id cannot be reported on). */
  taskId?: string;
  tt: string;
  content: string;
  /** The NQ57 group of the task's heading ("Khác" when it names none). */
  group: GroupRef;
  /** Lead agencies in their catalog spelling (names outside the catalog as written); empty when the cell is. */
  leads: string[];
  status: ProgressStatus;
  /** Whether an entry speaks for the task as of the day. */
  reported: boolean;
  category: ProgressCategory;
  due: string | null;
  /** The entry judged, when there is one (its reason, result, obstacles…). */
  entry?: TaskProgress;
}

/**
 * Judge every task row of the plan's task tables. A task without an entry is judged as not started; entries
 * for ids the plan does not hold are left out (progressCounts counts them as `unmatchedTasks`). For a period, the
 * entries of periods that begin after it never speak, even when asOf is later (a late look at an earlier period).
 * @example judgePlan(plan, entries, '2026-06-30', { period: '2026-H1' }).filter((t) => t.category === 'overdue')
 */
export function judgePlan(plan: Plan, entries: readonly TaskProgress[], asOf: string, opts: JudgeOptions = {}): JudgedTask[] {
  const catalog = opts.catalog ?? DEFAULT_CATALOG;
  const period = opts.period === undefined ? undefined : spanOfId(opts.period);
  const latest = latestEntries(entries, period && period.end < asOf ? period.end : asOf);
  // A deadline without a year ("Quý IV") means the plan's year, but only a one-year plan has one (as consolidation reads it).
  const span = plan.reference?.period;
  const planYear = span && span.from === span.to ? span.from : undefined;
  const out: JudgedTask[] = [];
  for (const { row, group } of tasksWithGroups(plan)) {
    const entry = row.id === undefined ? undefined : latest.get(row.id);
    const deadlineText = row.fields.deadline?.trim() ?? '';
    const deadline = row.deadline ?? (deadlineText === '' ? undefined : parseDeadline(deadlineText, { planYear }));
    const reportedOn = entry?.reportedAt === undefined ? undefined : (vietnamDay(entry.reportedAt) ?? undefined);
    const status = entry?.status ?? 'not-started';
    const judged = categorize({ status, completedOn: entry?.completedOn, reportedOn, deadline, asOf, period });
    const task: JudgedTask = {
      tt: row.tt ?? '',
      content: row.fields.content ?? '',
      group,
      leads: leadNames(row.fields.lead ?? '', catalog),
      status,
      reported: entry !== undefined,
      ...judged,
    };
    if (row.id !== undefined) task.taskId = row.id;
    if (entry) task.entry = entry;
    out.push(task);
  }
  return out;
}

/** The task rows of every task table, in plan order. */
export function taskRows(plan: Plan): AppendixRow[] {
  return plan.appendices.filter((a) => a.kind === 'tasks').flatMap((a) => a.rows.filter((r) => r.kind === 'task'));
}

/**
 * Each task row with the NQ57 group of the heading it sits under, walked as core/consolidate's plan rows walk it:
 * a group heading maps to its group; under a heading that names none, each subgroup heading may.
 */
function* tasksWithGroups(plan: Plan): Generator<{ row: AppendixRow; group: GroupRef }> {
  for (const a of plan.appendices) {
    if (a.kind !== 'tasks') continue;
    let group: GroupRef = OTHER_GROUP;
    let headingGroup: GroupRef = OTHER_GROUP;
    for (const row of a.rows) {
      if (row.kind === 'group') headingGroup = group = mapGroup((row.fields.content ?? '').trim(), row.tt ?? undefined);
      else if (row.kind === 'subgroup' && headingGroup === OTHER_GROUP) group = mapGroup((row.fields.content ?? '').trim());
      else if (row.kind === 'task') yield { row, group };
    }
  }
}

/** A lead cell's agencies in catalog spelling, each once. */
function leadNames(cell: string, catalog: Catalog): string[] {
  if (cell.trim() === '') return [];
  const names = splitAgencies(cell, catalog).map((name) => {
    const m = matchAgency(name, { catalog });
    return m.kind === 'catalog' && m.canonical !== undefined ? m.canonical : name;
  });
  return [...new Set(names)];
}

// Counts a province reads first: tasks per category, reported or not, and overdue tasks per lead agency; per plan and overall.
import { DEFAULT_CATALOG, type Catalog } from '../agencies.ts';
import { leadCounter } from '../consolidate/index.ts';
import type { Plan } from '../model/index.ts';
import { PROGRESS_CATEGORIES, type ProgressCategory } from './category.ts';
import type { TaskProgress } from './entry.ts';
import { judgePlan, taskRows, type JudgedTask, type JudgeOptions } from './judge-plan.ts';

/** Overdue tasks of one lead agency. `lead` is '' for tasks whose lead cell is empty. */
export interface LeadOverdue {
  lead: string;
  overdue: number;
}

export interface ProgressCounts {
  tasks: number;
  /** Tasks an entry speaks for as of the day; the others are judged as not started. */
  reported: number;
  unreported: number;
  /** Every category present, zero or not. */
  byCategory: Record<ProgressCategory, number>;
  /**
   * Overdue tasks per lead agency, most first, then by name (at most consolidation's MAX_LEADS agencies), then the
   * tasks without a lead under ''. A task with two lead agencies counts for each, so these may add up to more than
   * `byCategory.overdue`.
   */
  overdueByLead: LeadOverdue[];
  /** Task ids that entries name but the plan does not hold (a task deleted since, or a wrong id). */
  unmatchedTasks: number;
}

/**
 * Counts over tasks already judged (judgePlan). `unmatchedTasks` is 0: only the plan and its entries can tell it.
 * Overdue tasks per agency are counted as consolidation counts tasks per lead (leadCounter: one line per catalog
 * agency whatever its spelling or commune, other names by folded spelling); tasks without a lead come last, under ''.
 * @example countJudged(judgePlan(plan, entries, '2026-06-30')).byCategory.overdue
 */
export function countJudged(tasks: readonly JudgedTask[], catalog: Catalog = DEFAULT_CATALOG): ProgressCounts {
  const c = emptyCounts();
  const leads = leadCounter(catalog);
  let noLead = 0;
  for (const t of tasks) {
    c.tasks++;
    if (t.reported) c.reported++;
    c.byCategory[t.category]++;
    if (t.category !== 'overdue') continue;
    if (t.leads.length === 0) noLead++;
    else leads.add(t.leads.join('; '));
  }
  c.unreported = c.tasks - c.reported;
  c.overdueByLead = leads.result().map((l) => ({ lead: l.name, overdue: l.tasks }));
  if (noLead > 0) c.overdueByLead.push({ lead: '', overdue: noLead });
  return c;
}

/**
 * A plan's counts as of a day (for a reporting period, when given).
 * @example progressCounts(plan, entries, '2026-06-30', { period: '2026-H1' }).byCategory['done-on-time'] // 3
 */
export function progressCounts(plan: Plan, entries: readonly TaskProgress[], asOf: string, opts: JudgeOptions = {}): ProgressCounts {
  return countPlan(plan, entries, judgePlan(plan, entries, asOf, opts), opts.catalog);
}

/** countJudged plus the task ids the entries name but the plan does not hold. */
function countPlan(plan: Plan, entries: readonly TaskProgress[], judged: readonly JudgedTask[], catalog?: Catalog): ProgressCounts {
  const c = countJudged(judged, catalog);
  const known = new Set(taskRows(plan).flatMap((r) => (r.id === undefined ? [] : [r.id])));
  c.unmatchedTasks = new Set(entries.map((e) => e.taskId).filter((id) => !known.has(id))).size;
  return c;
}

/** One plan with its entries, under a key of the caller's choosing (a commune's code, a plan key). */
export interface PlanProgress {
  key: string;
  plan: Plan;
  entries: readonly TaskProgress[];
}

/**
 * Each plan's counts, in the order given, and their sum (overdue per lead agency added up across plans).
 * @example overallProgressCounts([{ key: '10903', plan, entries }], '2026-06-30').total.tasks
 */
export function overallProgressCounts(
  plans: readonly PlanProgress[],
  asOf: string,
  opts: JudgeOptions = {},
): { plans: { key: string; counts: ProgressCounts }[]; total: ProgressCounts } {
  const judged = plans.map((p) => judgePlan(p.plan, p.entries, asOf, opts));
  const each = plans.map((p, i) => ({ key: p.key, counts: countPlan(p.plan, p.entries, judged[i]!, opts.catalog) }));
  // Agencies are counted over every plan's tasks at once, so one agency spelt differently in two plans is one line.
  const total = countJudged(judged.flat(), opts.catalog);
  total.unmatchedTasks = each.reduce((n, p) => n + p.counts.unmatchedTasks, 0);
  return { plans: each, total };
}

function emptyCounts(): ProgressCounts {
  const byCategory = {} as Record<ProgressCategory, number>;
  for (const k of PROGRESS_CATEGORIES) byCategory[k] = 0;
  return { tasks: 0, reported: 0, unreported: 0, byCategory, overdueByLead: [], unmatchedTasks: 0 };
}

// Counts a province reads first: tasks per category, reported or not, and overdue tasks per lead agency; per plan and overall.
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
   * Overdue tasks per lead agency, most first, then by name. A task with two lead agencies counts for each,
   * so these may add up to more than `byCategory.overdue`.
   */
  overdueByLead: LeadOverdue[];
  /** Task ids that entries name but the plan does not hold (a task deleted since, or a wrong id). */
  unmatchedTasks: number;
}

/**
 * Counts over tasks already judged (judgePlan). `unmatchedTasks` is 0: only the plan and its entries can tell it.
 * @example countJudged(judgePlan(plan, entries, '2026-06-30')).byCategory.overdue
 */
export function countJudged(tasks: readonly JudgedTask[]): ProgressCounts {
  const c = emptyCounts();
  const byLead = new Map<string, number>();
  for (const t of tasks) {
    c.tasks++;
    if (t.reported) c.reported++;
    c.byCategory[t.category]++;
    if (t.category !== 'overdue') continue;
    for (const lead of t.leads.length === 0 ? [''] : t.leads) byLead.set(lead, (byLead.get(lead) ?? 0) + 1);
  }
  c.unreported = c.tasks - c.reported;
  c.overdueByLead = sortLeads(byLead);
  return c;
}

/**
 * A plan's counts as of a day (for a reporting period, when given).
 * @example progressCounts(plan, entries, '2026-06-30', { period: '2026-H1' }).byCategory['done-on-time'] // 3
 */
export function progressCounts(plan: Plan, entries: readonly TaskProgress[], asOf: string, opts: JudgeOptions = {}): ProgressCounts {
  const c = countJudged(judgePlan(plan, entries, asOf, opts));
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
  const each = plans.map((p) => ({ key: p.key, counts: progressCounts(p.plan, p.entries, asOf, opts) }));
  const total = emptyCounts();
  const byLead = new Map<string, number>();
  for (const { counts } of each) {
    total.tasks += counts.tasks;
    total.reported += counts.reported;
    total.unreported += counts.unreported;
    total.unmatchedTasks += counts.unmatchedTasks;
    for (const k of PROGRESS_CATEGORIES) total.byCategory[k] += counts.byCategory[k];
    for (const l of counts.overdueByLead) byLead.set(l.lead, (byLead.get(l.lead) ?? 0) + l.overdue);
  }
  total.overdueByLead = sortLeads(byLead);
  return { plans: each, total };
}

function emptyCounts(): ProgressCounts {
  const byCategory = {} as Record<ProgressCategory, number>;
  for (const k of PROGRESS_CATEGORIES) byCategory[k] = 0;
  return { tasks: 0, reported: 0, unreported: 0, byCategory, overdueByLead: [], unmatchedTasks: 0 };
}

// Vietnamese order for names ("Đ" after "D"), the same on every machine that has Intl.
const COLLATOR = new Intl.Collator('vi');

function sortLeads(byLead: ReadonlyMap<string, number>): LeadOverdue[] {
  return [...byLead]
    .map(([lead, overdue]) => ({ lead, overdue }))
    .sort((a, b) => b.overdue - a.overdue || COLLATOR.compare(a.lead, b.lead));
}

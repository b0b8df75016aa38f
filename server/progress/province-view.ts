// A province's view of one reporting period (issue 17), built commune by commune so that only one page of plans is held at a time.
import type { FollowUpSchema, ProvinceProgress, ReportStatus } from '../../core/api/index.ts';
import type { Plan } from '../../core/model/index.ts';
import {
  countJudged,
  followUps,
  judgePlan,
  taskRows,
  type FollowUp,
  type JudgedTask,
  type ProgressCounts,
  type ProgressReport,
} from '../../core/progress/index.ts';
import type { z } from 'zod';

type WireFollowUp = z.infer<typeof FollowUpSchema>;
type Counts = ProvinceProgress['total'];
type ProvinceCommune = ProvinceProgress['communes'][number];

/** One commune of the province: its head plan (if it sent one), the head report of the period (if any), its state. */
export interface CommuneProgressInput {
  code: string;
  name: string;
  plan: Plan | null;
  report: ProgressReport | null;
  /**
   * The commune's head reports of every period (this one included): a task is judged by the entry of the latest-ending
   * period already begun, not after this one, as core's judgePlan chooses — a task reported done in Q1 stays done in H1.
   * Defaults to this period's report alone.
   */
  reports?: readonly ProgressReport[];
  status: ReportStatus;
}

/** What the province's total needs of a judged task (the rest of it is let go with its page). */
type Slim = Pick<JudgedTask, 'reported' | 'category' | 'leads'>;

/**
 * Builds the province's answer commune by commune: each commune's counts (judgePlan + countJudged over the period's
 * head report, as core's progressCounts counts a plan), its follow-ups (in the order communes are added: the route adds
 * them by code), and the province's total counted over every commune's tasks at once (countJudged, as
 * overallProgressCounts does, so one agency spelt differently in two communes is one line of overdue per lead). The
 * communes and those not reported are listed by code whatever the order they were added in.
 * @example const view = new ProvinceProgressView('2026-H1', '2026-06-30'); for (const c of page) view.add(c); view.result(head)
 */
export class ProvinceProgressView {
  private readonly communes: ProvinceCommune[] = [];
  private readonly notReported: { code: string; name: string }[] = [];
  private readonly slim: Slim[] = [];
  private unmatched = 0;
  private readonly lists: Record<'highlights' | 'obstacles' | 'proposals', WireFollowUp[]> = {
    highlights: [],
    obstacles: [],
    proposals: [],
  };

  constructor(
    private readonly period: string,
    private readonly asOf: string,
  ) {}

  /** Add one commune (its plan and report may be dropped by the caller afterwards). */
  add(c: CommuneProgressInput): void {
    if (!c.plan) {
      this.communes.push({ code: c.code, name: c.name, submittedPlan: false, report: c.status, counts: null });
      return;
    }
    // "Không phát sinh" is a report: the commune has answered for the period, with no entries.
    if (!c.report) this.notReported.push({ code: c.code, name: c.name });
    const entries = c.report?.entries ?? [];
    const all = c.reports ? c.reports.flatMap((r) => r.entries) : entries;
    const judged = judgePlan(c.plan, all, this.asOf, { period: this.period });
    const counts = countJudged(judged);
    counts.unmatchedTasks = unmatchedTasks(c.plan, entries);
    this.unmatched += counts.unmatchedTasks;
    for (const t of judged) this.slim.push({ reported: t.reported, category: t.category, leads: t.leads });
    this.communes.push({ code: c.code, name: c.name, submittedPlan: true, report: c.status, counts: wireCounts(counts) });
    // The follow-up lists are what this period's report says, not what an earlier one said.
    const lists = followUps(judged.filter((t) => t.entry?.period === this.period));
    for (const key of ['highlights', 'obstacles', 'proposals'] as const)
      for (const f of lists[key]) this.lists[key].push(wireFollowUp(c, f));
  }

  /** The answer, once every commune has been added. */
  result(head: Pick<ProvinceProgress, 'province' | 'planKey' | 'period' | 'periodLabel'>): ProvinceProgress {
    // countJudged reads only what Slim keeps of a judged task.
    const total = countJudged(this.slim as JudgedTask[]);
    total.unmatchedTasks = this.unmatched;
    return {
      ...head,
      asOf: this.asOf,
      total: wireCounts(total),
      communes: [...this.communes].sort(byCode),
      notReported: [...this.notReported].sort(byCode),
      followUps: this.lists,
    };
  }
}

const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** Task ids the report names that the plan does not hold (as core's progressCounts counts them). */
function unmatchedTasks(plan: Plan, entries: ProgressReport['entries']): number {
  const known = new Set(taskRows(plan).flatMap((r) => (r.id === undefined ? [] : [r.id])));
  return new Set(entries.map((e) => e.taskId).filter((id) => !known.has(id))).size;
}

function wireCounts(c: ProgressCounts): Counts {
  return { ...c, byCategory: { ...c.byCategory }, overdueByLead: c.overdueByLead.map((l) => ({ lead: l.lead, overdue: l.overdue })) };
}

/** A follow-up with its commune; the group as the wire names it (a resolution group's title stays out). */
function wireFollowUp(c: { code: string; name: string }, f: FollowUp): WireFollowUp {
  const out: WireFollowUp = {
    communeCode: c.code,
    communeName: c.name,
    tt: f.tt,
    content: f.content,
    group: { id: f.group.id, number: f.group.number, short: f.group.short, shortEn: f.group.shortEn },
    text: f.text,
  };
  if (f.taskId !== undefined) out.taskId = f.taskId;
  return out;
}

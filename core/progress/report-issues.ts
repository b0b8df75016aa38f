// Checks of a whole report against the plan it reports on: one entry per task of the plan, all for the report's period.
import type { Plan } from '../model/index.ts';
import { issue, validateTaskProgress, type EntryCheckOptions, type ProgressIssue } from './entry-issues.ts';
import { parsePeriodId } from './period.ts';
import { periodLabel } from './period-text.ts';
import type { ProgressReport } from './report.ts';

/**
 * Every finding about a report: each entry's own (validateTaskProgress, tagged with its task id); an entry or actual
 * for another period than the report's; a task or indicator reported twice; an id the plan does not hold (a task
 * deleted since, a wrong id); "không phát sinh" with entries. Ids are checked against the plan's task and
 * indicator rows.
 * @example validateProgressReport({ period: '2026-Q2', entries: [], indicators: [] }, plan) // []
 */
export function validateProgressReport(report: ProgressReport, plan: Plan, opts: EntryCheckOptions = {}): ProgressIssue[] {
  const out: ProgressIssue[] = [];
  const taskIds = idsOf(plan, 'tasks', 'task');
  const indicatorIds = idsOf(plan, 'indicators', 'indicator');
  if (report.nothingToReport && (report.entries.length > 0 || report.indicators.length > 0)) {
    out.push(
      issue(
        'nothing-to-report-with-entries',
        'error',
        'nothingToReport',
        'Báo cáo ghi "không phát sinh" nhưng vẫn có nội dung báo cáo.',
        'The report says there is nothing to report but has entries.',
      ),
    );
  }
  const seenTasks = new Set<string>();
  for (const e of report.entries) {
    const tag = (i: ProgressIssue): ProgressIssue => ({ ...i, taskId: e.taskId });
    if (e.period !== report.period) out.push(tag(mismatch(e.period, report.period)));
    if (seenTasks.has(e.taskId)) out.push(tag(twice('entries')));
    else if (!taskIds.has(e.taskId)) out.push(tag(unknown('unknown-task', 'taskId', 'nhiệm vụ', 'task')));
    seenTasks.add(e.taskId);
    out.push(...validateTaskProgress(e, opts).map(tag));
  }
  const seenIndicators = new Set<string>();
  for (const a of report.indicators) {
    const tag = (i: ProgressIssue): ProgressIssue => ({ ...i, indicatorId: a.indicatorId });
    if (a.period !== report.period) out.push(tag(mismatch(a.period, report.period)));
    if (seenIndicators.has(a.indicatorId)) out.push(tag(twice('indicators')));
    else if (!indicatorIds.has(a.indicatorId)) out.push(tag(unknown('unknown-indicator', 'indicatorId', 'chỉ tiêu', 'indicator')));
    seenIndicators.add(a.indicatorId);
  }
  return out;
}

function idsOf(plan: Plan, table: 'tasks' | 'indicators', kind: 'task' | 'indicator'): Set<string> {
  const ids = new Set<string>();
  for (const a of plan.appendices) if (a.kind === table) for (const r of a.rows) if (r.kind === kind && r.id !== undefined) ids.add(r.id);
  return ids;
}

function mismatch(found: string, period: string): ProgressIssue {
  // Both ids passed the schema, so both name a period.
  const label = (id: string, lang: 'vi' | 'en') => periodLabel(parsePeriodId(id)!, lang);
  return issue(
    'period-mismatch',
    'error',
    'period',
    `Nội dung của kỳ "${label(found, 'vi')}" nằm trong báo cáo kỳ "${label(period, 'vi')}".`,
    `An entry for "${label(found, 'en')}" is in the report for "${label(period, 'en')}".`,
  );
}

function twice(list: 'entries' | 'indicators'): ProgressIssue {
  const [vi, en] = list === 'entries' ? ['Nhiệm vụ', 'The task'] : ['Chỉ tiêu', 'The indicator'];
  return issue(
    'duplicate-entry',
    'error',
    list,
    `${vi} được báo cáo hai lần trong cùng một báo cáo.`,
    `${en} is reported twice in one report.`,
  );
}

function unknown(code: 'unknown-task' | 'unknown-indicator', field: string, vi: string, en: string): ProgressIssue {
  return issue(
    code,
    'error',
    field,
    `Kế hoạch không có ${vi} này (đã bị xóa hoặc ghi sai mã).`,
    `The plan has no such ${en} (deleted, or a wrong id).`,
  );
}

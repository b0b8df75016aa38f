// A progress report read from a plan whose tables carry progress columns (the template filled in, a pane's sheet).
import type { Appendix, AppendixRow, Plan } from '../model/appendix.ts';
import { parseDay, parseStatus, statusWordList } from '../read/progress-cells.ts';
import { fold } from '../text/fold.ts';
import { parseActualValue } from './actual-value.ts';
import { PROGRESS_ROLES, type ProgressRole } from './columns.ts';
import type { IsoDay } from './day.ts';
import { checkTaskProgress, issue, type ProgressIssue } from './entry-issues.ts';
import type { TaskProgress, TaskProgressInput } from './entry.ts';
import type { IndicatorActual } from './indicator.ts';
import type { PeriodId } from './period.ts';
import type { ProgressReport } from './report.ts';

export interface FromPlanOptions {
  /** Today (ISO): a completion date after it is an error. Without it, the future is not checked. */
  today?: IsoDay;
}

/**
 * The progress a plan's sheets hold for one period. A task row with any progress cell filled becomes an entry keyed
 * by its id; a row without an id (a sheet the add-in or the server never numbered) is not guessed at: it is left out
 * with a `row-without-id` issue — run assignIds against the plan on record first. A status that is missing or not
 * one of the words we read leaves the row out too, with an error naming the words to use. Indicator rows with an
 * achieved value become actuals ('cumulative' unless the column says "trong kỳ").
 * @example progressFromPlan(plan, '2026-Q2').report.entries[0] // { taskId: 't1', period: '2026-Q2', status: 'done', … }
 */
export function progressFromPlan(
  plan: Plan,
  period: PeriodId,
  opts: FromPlanOptions = {},
): { report: ProgressReport; issues: ProgressIssue[] } {
  const entries: TaskProgress[] = [];
  const indicators: IndicatorActual[] = [];
  const issues: ProgressIssue[] = [];
  const seen = new Set<string>();
  for (const a of plan.appendices) {
    for (const row of a.rows) {
      if (row.kind === 'task') {
        const got = taskEntry(a, row, period, opts);
        issues.push(...got.issues);
        if (got.entry && !duplicate(got.entry.taskId, a, row, 'status', seen, issues)) entries.push(got.entry);
      } else if (row.kind === 'indicator') {
        const got = indicatorActual(a, row, period);
        issues.push(...got.issues);
        if (got.actual && !duplicate(got.actual.indicatorId, a, row, 'achieved', seen, issues)) indicators.push(got.actual);
      }
    }
  }
  return { report: { period, entries, indicators }, issues };
}

function taskEntry(
  a: Appendix,
  row: AppendixRow,
  period: PeriodId,
  opts: FromPlanOptions,
): { entry?: TaskProgress; issues: ProgressIssue[] } {
  const text = (role: ProgressRole) => (row.fields[role] ?? '').trim();
  const filled = PROGRESS_ROLES.filter((r) => text(r) !== '');
  if (filled.length === 0) return { issues: [] };
  const at = (role: ProgressRole) => ({ at: locate(a, row, role) });
  if (row.id === undefined) return { issues: [withoutId(a, row, filled[0]!)] };
  const ids = { taskId: row.id };
  const rawStatus = text('status');
  if (rawStatus === '')
    return {
      issues: [
        {
          ...issue(
            'status-missing',
            'error',
            'status',
            `Nhiệm vụ có ghi tiến độ nhưng chưa chọn tình trạng thực hiện (${statusWordList('vi')}).`,
            `The task has progress written but no status (${statusWordList('en')}).`,
          ),
          ...ids,
          ...at('status'),
        },
      ],
    };
  const status = parseStatus(rawStatus);
  if (status === null)
    return {
      issues: [
        {
          ...issue(
            'status-unreadable',
            'error',
            'status',
            `Tình trạng "${rawStatus}" không đọc được; chọn một trong: ${statusWordList('vi')}.`,
            `The status "${rawStatus}" cannot be read; pick one of: ${statusWordList('en')}.`,
          ),
          ...ids,
          ...at('status'),
        },
      ],
    };
  const input: TaskProgressInput = { taskId: row.id, period, status };
  const out: ProgressIssue[] = [];
  const rawDay = text('completedOn');
  if (rawDay !== '') {
    const day = parseDay(rawDay);
    if (day !== null) input.completedOn = day;
    else
      out.push({
        ...issue(
          'completion-date-unreadable',
          'error',
          'completedOn',
          `Ngày hoàn thành "${rawDay}" không đọc được; ghi ngày/tháng/năm (15/06/2026).`,
          `The completion date "${rawDay}" cannot be read; write day/month/year (15/06/2026).`,
        ),
        ...ids,
        ...at('completedOn'),
      });
  }
  for (const role of ['achieved', 'reason', 'evidence', 'highlights', 'obstacles', 'proposals'] as const) {
    if (text(role) !== '') input[role] = text(role);
  }
  const checked = checkTaskProgress(input, opts);
  for (const i of checked.issues) {
    // An unreadable date is already said; "no date" on top of it would say it twice.
    if (i.code === 'completion-date-missing' && out.length > 0) continue;
    out.push({ ...i, ...ids, at: locate(a, row, roleOfField(i.field)) });
  }
  return { entry: checked.entry, issues: out };
}

function indicatorActual(a: Appendix, row: AppendixRow, period: PeriodId): { actual?: IndicatorActual; issues: ProgressIssue[] } {
  const value = parseActualValue(row.fields.achieved ?? '');
  if (value === null) return { issues: [] };
  if (row.id === undefined) return { issues: [withoutId(a, row, 'achieved')] };
  const within = / trong ki /.test(` ${fold(a.header.labels.achieved ?? '')} `);
  const actual: IndicatorActual = { indicatorId: row.id, period, value, mode: within ? 'within-period' : 'cumulative' };
  const evidence = (row.fields.evidence ?? '').trim();
  if (evidence !== '') actual.evidence = evidence;
  return { actual, issues: [] };
}

function withoutId(a: Appendix, row: AppendixRow, role: ProgressRole): ProgressIssue {
  return {
    ...issue(
      'row-without-id',
      'error',
      role,
      `Dòng ${row.source.row} chưa có mã nhiệm vụ nên tiến độ của dòng này chưa ghi nhận được; mở bảng bằng phần bổ trợ hoặc nạp kế hoạch lên máy chủ để đánh mã.`,
      `Row ${row.source.row} has no task id, so its progress cannot be recorded; open the sheet in the add-in or upload the plan to number its tasks.`,
    ),
    at: locate(a, row, role),
  };
}

function duplicate(id: string, a: Appendix, row: AppendixRow, role: ProgressRole, seen: Set<string>, issues: ProgressIssue[]): boolean {
  if (!seen.has(id)) {
    seen.add(id);
    return false;
  }
  issues.push({
    ...issue(
      'duplicate-entry',
      'error',
      role,
      `Dòng ${row.source.row} trùng mã với một dòng phía trên; chỉ ghi nhận tiến độ của dòng trên.`,
      `Row ${row.source.row} repeats the id of a row above; only the row above is recorded.`,
    ),
    ...(row.kind === 'indicator' ? { indicatorId: id } : { taskId: id }),
    at: locate(a, row, role),
  });
  return true;
}

/** The cell a role's value came from: the reader's own record, else the role's column on the row. */
function locate(a: Appendix, row: AppendixRow, role: ProgressRole): { sheet: string; cell: string } {
  const cell = row.source.cells[role] ?? `${a.columns[role] ?? a.columns.content ?? 'A'}${row.source.row}`;
  return { sheet: row.source.sheet, cell };
}

function roleOfField(field: string): ProgressRole {
  return (PROGRESS_ROLES as readonly string[]).includes(field) ? (field as ProgressRole) : 'status';
}

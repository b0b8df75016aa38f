// Checks of a progress entry: its shape (the schema) and what the fields must say together (a reason, a date, a result).
import { formatDay, GLOSSARY, term } from '../i18n/index.ts';
import { spanOfId } from './period.ts';
import { TaskProgressSchema, type TaskProgress } from './entry.ts';
import { NEEDS_REASON, PROGRESS_STATUS_LABEL } from './status.ts';

export type ProgressIssueCode =
  | 'invalid-field'
  | 'reason-missing'
  | 'completion-date-missing'
  | 'completion-date-future'
  | 'completion-date-after-period'
  | 'completion-date-not-done'
  | 'achieved-missing'
  | 'period-mismatch'
  | 'duplicate-entry'
  | 'unknown-task'
  | 'unknown-indicator'
  | 'nothing-to-report-with-entries'
  // Reading progress from a sheet (from-plan.ts): a row the report cannot take as it is.
  | 'row-without-id'
  | 'status-missing'
  | 'status-unreadable'
  | 'completion-date-unreadable';

/** One finding about an entry: never thrown, always returned, so a pane can show them all at once. */
export interface ProgressIssue {
  code: ProgressIssueCode;
  severity: 'error' | 'warning';
  /** The entry's field the issue is about ("reason", "completedOn"); the path joined by "." for a schema issue. */
  field: string;
  message: { vi: string; en: string };
  /** The task or indicator the issue is about, in a whole report's issues. */
  taskId?: string;
  indicatorId?: string;
  /** Where it is in the workbook, for an entry read from a sheet ("Phụ lục II", "F12"). */
  at?: { sheet: string; cell: string };
}

export interface EntryCheckOptions {
  /** Today (ISO): a completion date after it is refused. Without it, the future is not checked. */
  today?: string;
}

/**
 * What the fields of a well-formed entry must say together: a reason for a paused or dropped task; for a done task,
 * its completion date (not in the future, not after the period reported on) and what was achieved; no completion
 * date on a task that is not done.
 * @example validateTaskProgress({ taskId: 't1', period: '2026-Q1', status: 'paused' }).map((i) => i.code) // ['reason-missing']
 */
export function validateTaskProgress(e: TaskProgress, opts: EntryCheckOptions = {}): ProgressIssue[] {
  const out: ProgressIssue[] = [];
  const status = PROGRESS_STATUS_LABEL[e.status];
  if (NEEDS_REASON.has(e.status) && !e.reason)
    out.push(
      issue(
        'reason-missing',
        'error',
        'reason',
        `Nhiệm vụ "${status.vi}" phải ghi ${term('reason', 'vi')}.`,
        `A task marked "${status.en}" needs a reason.`,
      ),
    );
  if (e.status === 'done') {
    if (e.completedOn === undefined)
      out.push(
        issue(
          'completion-date-missing',
          'warning',
          'completedOn',
          'Nhiệm vụ đã hoàn thành chưa ghi ngày hoàn thành.',
          'A done task has no completion date.',
        ),
      );
    if (!e.achieved)
      out.push(
        issue(
          'achieved-missing',
          'warning',
          'achieved',
          'Nhiệm vụ đã hoàn thành chưa ghi kết quả đạt được.',
          'A done task says nothing about what was achieved.',
        ),
      );
  } else if (e.completedOn !== undefined) {
    out.push(
      issue(
        'completion-date-not-done',
        'warning',
        'completedOn',
        `Có ngày hoàn thành nhưng tình trạng là "${status.vi}".`,
        `A completion date is given but the status is "${status.en}".`,
      ),
    );
  }
  if (e.completedOn !== undefined) {
    const day = formatDay(e.completedOn);
    if (opts.today !== undefined && e.completedOn > opts.today)
      out.push(
        issue(
          'completion-date-future',
          'error',
          'completedOn',
          `Ngày hoàn thành ${day} ở tương lai.`,
          `The completion date ${day} is in the future.`,
        ),
      );
    else if (e.completedOn > spanOfId(e.period).end)
      out.push(
        issue(
          'completion-date-after-period',
          'warning',
          'completedOn',
          `Ngày hoàn thành ${day} sau khi kỳ báo cáo kết thúc.`,
          `The completion date ${day} is after the end of the reporting period.`,
        ),
      );
  }
  return out;
}

/**
 * Check an entry as received (a request body, a row read from a sheet): the schema's findings as `invalid-field`
 * issues, or the parsed entry and validateTaskProgress's findings.
 * @example checkTaskProgress({ taskId: 't1', period: '2026-Q5', status: 'done' }).issues[0].field // 'period'
 */
export function checkTaskProgress(input: unknown, opts: EntryCheckOptions = {}): { entry?: TaskProgress; issues: ProgressIssue[] } {
  const parsed = TaskProgressSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => {
      const field = i.path.map(String).join('.');
      const label = FIELD_LABEL[field] ?? { vi: field, en: field };
      // Our own checks (a period id, a real day) explain themselves in Vietnamese; zod's built-in messages are English.
      const vi = `${capital(label.vi)} không hợp lệ${i.code === 'custom' ? `: ${i.message}.` : '.'}`;
      const en = `${capital(label.en)} is invalid${i.code === 'custom' ? '.' : `: ${i.message}`}`;
      return issue('invalid-field', 'error', field, vi, en);
    });
    return { issues };
  }
  return { entry: parsed.data, issues: validateTaskProgress(parsed.data, opts) };
}

/** An issue without a task or indicator: the one place the shape is put together. */
export function issue(code: ProgressIssueCode, severity: ProgressIssue['severity'], field: string, vi: string, en: string): ProgressIssue {
  return { code, severity, field, message: { vi, en } };
}

/** The words an official knows each field by (a schema issue must not show an internal name). */
const FIELD_LABEL: Readonly<Record<string, { vi: string; en: string }>> = {
  taskId: { vi: 'mã nhiệm vụ', en: 'task id' },
  period: GLOSSARY.reportingPeriod,
  status: { vi: 'tình trạng thực hiện', en: 'status' },
  reason: GLOSSARY.reason,
  completedOn: GLOSSARY.completedOn,
  achieved: GLOSSARY.achieved,
  evidence: GLOSSARY.evidence,
  highlights: GLOSSARY.highlights,
  obstacles: GLOSSARY.obstacles,
  proposals: GLOSSARY.proposals,
  reportedBy: GLOSSARY.reportedBy,
  reportedAt: GLOSSARY.reportedAt,
};

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

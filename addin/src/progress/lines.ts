// The Tiến độ view's tasks: each task row of the sheet with its progress cells read back, the official's unsaved edits
// laid over them, its category for the period (core's judgePlan), and the cells an edit writes. Pure.
import { a1, columnNumber, type AppendixRow, type CellValue, type Plan } from '../../../core/model/index.ts';
import {
  judgePlan,
  parseDay,
  parseStatus,
  PROGRESS_STATUS_LABEL,
  spanOfId,
  type ProgressCategory,
  type ProgressStatus,
  type TaskProgress,
} from '../../../core/progress/index.ts';

/** The fields the view edits (evidence and highlights stay in the sheet: written there, sent, not edited here). */
export const EDIT_ROLES = ['status', 'completedOn', 'achieved', 'reason', 'obstacles', 'proposals'] as const;
export type EditRole = (typeof EDIT_ROLES)[number];

/** One task's fields as the view holds them: status as its code, the date as yyyy-mm-dd, text as written ('' = empty). */
export type TaskFields = Record<EditRole, string>;
/** Unsaved edits, per task key. */
export type Drafts = Record<string, Partial<TaskFields>>;

export interface TaskLine {
  /** "sheet!row": stable while the sheet is not edited elsewhere. */
  key: string;
  sheet: string;
  row: number;
  taskId: string | null;
  tt: string;
  content: string;
  /** What the sheet holds now. */
  saved: TaskFields;
  /** With the unsaved edits. */
  fields: TaskFields;
  dirty: boolean;
  category: ProgressCategory;
  /** The due date judged (yyyy-mm-dd), null when none can be known. */
  due: string | null;
  /** Column letters of the table's progress columns. */
  columns: Partial<Record<EditRole, string>>;
}

/** A status cell's words as a status, as the report reads them (core's parseStatus); null otherwise. */
export function statusOf(text: string | undefined): ProgressStatus | null {
  return text === undefined ? null : parseStatus(text);
}

/** A date cell as yyyy-mm-dd, as the report reads it (core's parseDay); '' when empty or not one day. */
export function dayOf(text: string | undefined): string {
  return text === undefined ? '' : (parseDay(text) ?? '');
}

function savedFields(row: AppendixRow): TaskFields {
  const f = row.fields;
  return {
    status: statusOf(f.status) ?? '',
    completedOn: dayOf(f.completedOn),
    achieved: f.achieved?.trim() ?? '',
    reason: f.reason?.trim() ?? '',
    obstacles: f.obstacles?.trim() ?? '',
    proposals: f.proposals?.trim() ?? '',
  };
}

/** The day categories are judged at: today, or the period's end once it is over. */
export function asOfFor(period: string, today: string): string {
  const end = spanOfId(period).end;
  return end < today ? end : today;
}

/**
 * Every task row of the plan's task tables, with its fields and edits, judged for the period as of `today`.
 * @example taskLines(plan, '2026-H1', {}, '2026-05-01').filter((l) => l.category === 'overdue')
 */
export function taskLines(plan: Plan, period: string, drafts: Drafts, today: string): TaskLine[] {
  const rows: { row: AppendixRow; columns: TaskLine['columns'] }[] = [];
  for (const a of plan.appendices) {
    if (a.kind !== 'tasks') continue;
    const columns: TaskLine['columns'] = {};
    for (const r of EDIT_ROLES) if (a.columns[r]) columns[r] = a.columns[r];
    for (const row of a.rows) if (row.kind === 'task') rows.push({ row, columns });
  }
  const lines = rows.map(({ row, columns }) => {
    const key = `${row.source.sheet}!${row.source.row}`;
    const saved = savedFields(row);
    const fields = { ...saved, ...drafts[key] };
    return { row, columns, key, saved, fields, dirty: EDIT_ROLES.some((r) => fields[r] !== saved[r]) };
  });
  // judgePlan speaks of ids: rows the server has not numbered yet get one for this judging only.
  const keyed: Plan = {
    ...plan,
    appendices: plan.appendices.map((a) => ({
      ...a,
      rows: a.rows.map((r) => ({ ...r, id: r.id ?? `@${r.source.sheet}!${r.source.row}` })),
    })),
  };
  const entries: TaskProgress[] = lines.flatMap(({ row, fields }) => {
    const status = fields.status as ProgressStatus | '';
    if (status === '') return [];
    return [
      {
        taskId: row.id ?? `@${row.source.sheet}!${row.source.row}`,
        period,
        status,
        ...(fields.completedOn ? { completedOn: fields.completedOn } : {}),
      },
    ];
  });
  const judged = judgePlan(keyed, entries, asOfFor(period, today), { period });
  return lines.map(({ row, columns, key, saved, fields, dirty }, i) => ({
    key,
    sheet: row.source.sheet,
    row: row.source.row,
    taskId: row.id ?? null,
    tt: row.tt ?? '',
    content: row.fields.content ?? '',
    saved,
    fields,
    dirty,
    category: judged[i]!.category,
    due: judged[i]!.due,
    columns,
  }));
}

/** A field's value as its cell takes it: the status's label, the date as a date, text as text, '' as empty. */
export function cellValue(role: EditRole, value: string): CellValue {
  if (value === '') return null;
  if (role === 'status') return PROGRESS_STATUS_LABEL[value as ProgressStatus]?.vi ?? value;
  if (role === 'completedOn') {
    const [y, m, d] = value.split('-').map(Number);
    return new Date(Date.UTC(y!, m! - 1, d!));
  }
  return value;
}

/**
 * The cells the edited fields of these lines write (only fields that changed and whose column the table has).
 * @example editCells(lines) // [{ sheet: 'PL II', cell: 'J12', value: 'Đã hoàn thành' }]
 */
export function editCells(lines: readonly TaskLine[]): { sheet: string; cell: string; value: CellValue }[] {
  return lines.flatMap((l) =>
    EDIT_ROLES.filter((r) => l.fields[r] !== l.saved[r] && l.columns[r]).map((r) => ({
      sheet: l.sheet,
      cell: a1(l.row, columnNumber(l.columns[r]!)),
      value: cellValue(r, l.fields[r]),
    })),
  );
}

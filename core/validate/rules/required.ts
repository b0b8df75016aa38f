// Required fields: every task needs content, a lead and a deadline; result and partners are recommended.
import type { ColumnRole } from '../../model/appendix.ts';
import type { IssueCode } from '../issue.ts';
import { cellLoc, items, type Check } from '../context.ts';

const TASK_FIELDS: { role: ColumnRole; code: IssueCode; always: boolean }[] = [
  { role: 'content', code: 'content-missing', always: true },
  { role: 'lead', code: 'lead-missing', always: false },
  { role: 'deadline', code: 'deadline-missing', always: false },
  { role: 'result', code: 'result-missing', always: false },
  { role: 'partners', code: 'partners-missing', always: false },
  { role: 'head', code: 'head-missing', always: false },
];

export const requiredFields: Check = (ctx) => {
  const a = ctx.appendix;
  const listForm = a.header.rows.length === 0;
  for (const row of items(a)) {
    for (const { role, code, always } of a.kind === 'tasks' ? TASK_FIELDS : TASK_FIELDS.slice(0, 1)) {
      // A missing column is reported once (missing-column), not on every row; list form has no columns.
      const present = listForm ? role !== 'head' && role !== 'result' && role !== 'partners' : a.columns[role] !== undefined;
      if (!always && !present) continue;
      if ((row.fields[role] ?? '').trim() !== '') continue;
      ctx.push({ code, params: {}, loc: cellLoc(ctx, row, role) } as Parameters<typeof ctx.push>[0]);
    }
  }
};

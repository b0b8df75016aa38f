// Required fields: every task needs content, a lead and a deadline; result and partners are recommended.
import type { ColumnRole } from '../../model/appendix.ts';
import type { IssueCode } from '../issue.ts';
import { cellLoc, tableItems, type Check } from '../context.ts';

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
  // The fields this table asks for, worked out once: a missing column is reported once (missing-column), not on
  // every row; list form has no columns.
  const fields = (a.kind === 'tasks' ? TASK_FIELDS : TASK_FIELDS.slice(0, 1)).filter(({ role, always }) => {
    const present = listForm ? role !== 'head' && role !== 'result' && role !== 'partners' : a.columns[role] !== undefined;
    return always || present;
  });
  for (const row of tableItems(ctx)) {
    for (const { role, code } of fields) {
      if (hasText(row.fields[role])) continue;
      ctx.push({ code, params: {}, loc: cellLoc(ctx, row, role) } as Parameters<typeof ctx.push>[0]);
    }
  }
};

/** (s ?? '').trim() !== '', without trimming when the first character is plainly not a space. */
function hasText(s: string | undefined): boolean {
  if (s === undefined || s === '') return false;
  const c = s.charCodeAt(0);
  if ((c > 0x20 && c < 0x7f) || (c > 0xa0 && c < 0x1680)) return true;
  return s.trim() !== '';
}

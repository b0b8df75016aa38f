// Required fields: every task needs content, a lead and a deadline; result and partners are recommended.
import type { ColumnRole } from '../../model/appendix.ts';
import { cellLoc, tableItems, type Check } from '../context.ts';

/** The fields in the order their issues are listed in a row; content always, the others when the table has them. */
const TASK_FIELDS: { role: ColumnRole; always: boolean }[] = [
  { role: 'content', always: true },
  { role: 'lead', always: false },
  { role: 'deadline', always: false },
  { role: 'result', always: false },
  { role: 'partners', always: false },
  { role: 'head', always: false },
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
  const wanted = (role: ColumnRole) => fields.some((f) => f.role === role);
  const content = wanted('content');
  const lead = wanted('lead');
  const deadline = wanted('deadline');
  const result = wanted('result');
  const partners = wanted('partners');
  const head = wanted('head');
  // Each field read by name (one shape at each read, not a keyed read of five names), in TASK_FIELDS' order.
  for (const row of tableItems(ctx)) {
    const f = row.fields;
    if (content && !hasText(f.content)) ctx.push({ code: 'content-missing', params: {}, loc: cellLoc(ctx, row, 'content') });
    if (lead && !hasText(f.lead)) ctx.push({ code: 'lead-missing', params: {}, loc: cellLoc(ctx, row, 'lead') });
    if (deadline && !hasText(f.deadline)) ctx.push({ code: 'deadline-missing', params: {}, loc: cellLoc(ctx, row, 'deadline') });
    if (result && !hasText(f.result)) ctx.push({ code: 'result-missing', params: {}, loc: cellLoc(ctx, row, 'result') });
    if (partners && !hasText(f.partners)) ctx.push({ code: 'partners-missing', params: {}, loc: cellLoc(ctx, row, 'partners') });
    if (head && !hasText(f.head)) ctx.push({ code: 'head-missing', params: {}, loc: cellLoc(ctx, row, 'head') });
  }
};

/** (s ?? '').trim() !== '', without trimming when the first character is plainly not a space. */
function hasText(s: string | undefined): boolean {
  if (s === undefined || s === '') return false;
  const c = s.charCodeAt(0);
  if ((c > 0x20 && c < 0x7f) || (c > 0xa0 && c < 0x1680)) return true;
  return s.trim() !== '';
}

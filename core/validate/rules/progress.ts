// Progress checks on a task table's progress columns: a status we can read, a completion date that fits it, a result
// and a reason where the status asks for them. Never fixed automatically: these are the official's own words.
import { NEEDS_REASON } from '../../model/progress-status.ts';
import { parseDay, parseStatus } from '../../read/progress-cells.ts';
import { parseDeadline } from '../../deadline.ts';
import { cellLoc, type Check } from '../context.ts';

export const progressCells: Check = (ctx) => {
  const a = ctx.appendix;
  if (a.kind !== 'tasks') return;
  const cols = a.columns;
  if (cols.status === undefined && cols.completedOn === undefined) return;
  const today = ctx.opts.today ?? ctx.opts.asOf;
  for (const row of a.rows) {
    if (row.kind !== 'task') continue;
    const text = (role: 'status' | 'completedOn' | 'achieved' | 'reason') => (row.fields[role] ?? '').trim();
    const rawStatus = text('status');
    const status = rawStatus === '' ? null : parseStatus(rawStatus);
    // Some plans head their schedule "Tiến độ thực hiện" ("Quý I/2026", "Thường xuyên"): a time, not a reported status.
    if (rawStatus !== '' && status === null && !isSchedule(rawStatus))
      ctx.push({ code: 'progress-status-unreadable', params: { text: rawStatus }, loc: cellLoc(ctx, row, 'status') });

    const rawDay = text('completedOn');
    const day = rawDay === '' ? null : parseDay(rawDay);
    if (rawDay !== '' && day === null)
      ctx.push({ code: 'progress-date-unreadable', params: { text: rawDay }, loc: cellLoc(ctx, row, 'completedOn') });
    if (day !== null && today !== undefined && day > today)
      ctx.push({ code: 'progress-date-future', params: { day, today }, loc: cellLoc(ctx, row, 'completedOn') });

    if (status === null) continue;
    if (status === 'done') {
      if (rawDay === '' && cols.completedOn !== undefined)
        ctx.push({ code: 'progress-date-missing', params: {}, loc: cellLoc(ctx, row, 'completedOn') });
      if (text('achieved') === '' && cols.achieved !== undefined)
        ctx.push({ code: 'progress-achieved-missing', params: {}, loc: cellLoc(ctx, row, 'achieved') });
    } else if (day !== null) {
      ctx.push({ code: 'progress-date-not-done', params: { day, status }, loc: cellLoc(ctx, row, 'completedOn') });
    }
    // Only where the table has a reason column: a sheet without one cannot be filled in, the report will ask instead.
    if (NEEDS_REASON.has(status) && cols.reason !== undefined && text('reason') === '')
      ctx.push({ code: 'progress-reason-missing', params: { status }, loc: cellLoc(ctx, row, 'reason') });
  }
};

function isSchedule(text: string): boolean {
  const kind = parseDeadline(text).kind;
  return kind === 'period' || kind === 'recurring';
}

// Deadline checks: unreadable, conditional, before the plan date, outside the plan period, overdue, non-canonical (fix).
import type { AppendixRow } from '../../model/appendix.ts';
import type { Deadline } from '../../model/deadline.ts';
import { dueDate, formatDeadline, isCanonical, parseDeadline } from '../../deadline.ts';
import { cellLoc, items, rawCell, type Check, type CheckContext } from '../context.ts';

export const deadlines: Check = (ctx) => {
  const ref = { ...ctx.plan.reference, ...ctx.appendix.title.reference };
  for (const row of items(ctx.appendix)) {
    const d = row.deadline;
    if (!d) continue;
    const text = d.text;
    // Built on first use: most deadlines have nothing to say.
    let at: ReturnType<typeof cellLoc> | undefined;
    const loc = () => (at ??= cellLoc(ctx, row, 'deadline'));
    // A deadline merged down over several tasks is checked once, on the row that holds the cell; each task can
    // still be overdue on its own.
    if (row.shared?.includes('deadline')) {
      overdue(ctx, d, text, loc);
      continue;
    }
    if (d.kind === 'unparsed') {
      ctx.push({ code: 'deadline-unparsed', params: { text }, loc: loc() });
      continue;
    }
    if (d.kind === 'conditional') {
      ctx.push({ code: 'deadline-conditional', params: { text }, loc: loc() });
      continue;
    }
    const end = firstEnd(d);
    // Text read with the plan's year ("Tháng 01 năm sau" in the 2026 plan) is where the author meant by construction,
    // the year after included, and right as written: its canonical form alone would say something else.
    const fromPlanYear = needsPlanYear(d, text);
    if (end && ref.date && end < ref.date) {
      ctx.push({ code: 'deadline-before-plan', params: { text, due: end, planDate: ref.date }, loc: loc() });
    }
    if (end && ref.period && !fromPlanYear) {
      const year = Number(end.slice(0, 4));
      const startYear = d.kind === 'period' ? Number(d.period.start.slice(0, 4)) : year;
      if (year > ref.period.to || startYear < ref.period.from) {
        ctx.push({ code: 'deadline-outside-period', params: { text, due: end, from: ref.period.from, to: ref.period.to }, loc: loc() });
      }
    }
    overdue(ctx, d, text, loc);
    // A real date cell is already unambiguous; only written text has a canonical form to suggest.
    const raw = rawCell(ctx, row.source.row, 'deadline');
    if (!isCanonical(text) && (!ctx.sheet || typeof raw?.v === 'string') && !fromPlanYear) {
      const canonical = formatDeadline(d);
      const fix = formatPatch(ctx, row, canonical);
      ctx.push({ code: 'deadline-format', params: { text, canonical }, loc: loc(), ...(fix ? { fix } : {}) });
    }
  }
};

function overdue(ctx: CheckContext, d: Deadline, text: string, loc: () => ReturnType<typeof cellLoc>): void {
  if (!ctx.opts.asOf || d.kind !== 'period') return;
  const due = dueDate(d, ctx.opts.asOf);
  if (due && due < ctx.opts.asOf) ctx.push({ code: 'deadline-overdue', params: { text, due, asOf: ctx.opts.asOf }, loc: loc() });
}

/** Whether the deadline was read with the plan's year: its text alone reads otherwise. */
function needsPlanYear(d: Deadline, text: string): boolean {
  return formatDeadline(parseDeadline(text)) !== formatDeadline(d);
}

/** The first date the deadline falls due: a period's end, or a recurring deadline's first period. */
function firstEnd(d: Deadline): string | null {
  if (d.kind === 'period') return d.period.end;
  if (d.kind === 'recurring' && d.first) return d.first.end;
  return null;
}

function formatPatch(ctx: CheckContext, row: AppendixRow, canonical: string) {
  const cell = row.source.cells.deadline;
  const raw = rawCell(ctx, row.source.row, 'deadline');
  // Only a single, Unicode text cell is rewritten here; fragments are merged first (next round), dates are left alone.
  if (!ctx.sheet || !cell || row.mergedFrom || row.encoding?.deadline || typeof raw?.v !== 'string') return undefined;
  return {
    id: `deadline-format@${ctx.appendix.sheet}!${cell}`,
    code: 'deadline-format',
    safe: true,
    ops: [{ op: 'set-cells' as const, sheet: ctx.appendix.sheet, edits: [{ cell, from: raw.v, to: canonical }] }],
  };
}

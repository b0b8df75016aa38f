// Deadline checks: unreadable, conditional, before the plan date, outside the plan period, overdue, non-canonical (fix).
import type { AppendixRow } from '../../model/appendix.ts';
import type { Deadline, Period } from '../../model/deadline.ts';
import { dueDate, formatDeadline, parseDeadline } from '../../deadline.ts';
import { cellLoc, columnOf, tableItems, type Check, type CheckContext } from '../context.ts';
import type { RawIssue } from '../issue.ts';

export const deadlines: Check = (ctx) => {
  const ref = { ...ctx.plan.reference, ...ctx.appendix.title.reference };
  const col = ctx.sheet ? columnOf(ctx, 'deadline') : undefined;
  for (const row of tableItems(ctx)) {
    const d = row.deadline;
    if (!d) continue;
    const text = d.text;
    // A deadline merged down over several tasks is checked once, on the row that holds the cell; each task can
    // still be overdue on its own.
    if (row.shared?.includes('deadline')) {
      overdue(ctx, row, d, text);
      continue;
    }
    if (d.kind === 'unparsed') {
      ctx.push({ code: 'deadline-unparsed', params: { text }, loc: cellLoc(ctx, row, 'deadline') });
      continue;
    }
    if (d.kind === 'conditional') {
      ctx.push({ code: 'deadline-conditional', params: { text }, loc: cellLoc(ctx, row, 'deadline') });
      continue;
    }
    const phrase = phraseOf(text);
    // The row's own canonical form, worked out only when asked (most rows read as their text does).
    let own: string | undefined;
    const end = firstEnd(d);
    // Text read with the plan's year ("Tháng 01 năm sau" in the 2026 plan) is where the author meant by construction,
    // the year after included, and right as written: its canonical form alone would say something else.
    let fromPlanYear: boolean | undefined;
    if (end && ref.date && end < ref.date) {
      ctx.push({ code: 'deadline-before-plan', params: { text, due: end, planDate: ref.date }, loc: cellLoc(ctx, row, 'deadline') });
    }
    if (end && ref.period && !(fromPlanYear ??= (own ??= canonicalOf(d, phrase)) !== phrase.plain)) {
      const year = Number(end.slice(0, 4));
      const startYear = d.kind === 'period' ? Number(d.period.start.slice(0, 4)) : year;
      if (year > ref.period.to || startYear < ref.period.from) {
        ctx.push({
          code: 'deadline-outside-period',
          params: { text, due: end, from: ref.period.from, to: ref.period.to },
          loc: cellLoc(ctx, row, 'deadline'),
        });
      }
    }
    overdue(ctx, row, d, text);
    if (phrase.canonical) continue;
    // A real date cell is already unambiguous; only written text has a canonical form to suggest.
    const raw = col === undefined ? undefined : ctx.sheet!.cell(row.source.row, col)?.v;
    if ((!ctx.sheet || typeof raw === 'string') && !(fromPlanYear ??= (own ??= canonicalOf(d, phrase)) !== phrase.plain)) {
      const canonical = own ?? canonicalOf(d, phrase);
      const issue: RawIssue = { code: 'deadline-format', params: { text, canonical }, loc: cellLoc(ctx, row, 'deadline') };
      const fix = formatPatch(ctx, row, canonical, raw);
      if (fix) issue.fix = fix;
      ctx.push(issue);
    }
  }
};

function overdue(ctx: CheckContext, row: AppendixRow, d: Deadline, text: string): void {
  if (!ctx.opts.asOf || d.kind !== 'period') return;
  const due = dueDate(d, ctx.opts.asOf);
  if (due && due < ctx.opts.asOf) {
    ctx.push({ code: 'deadline-overdue', params: { text, due, asOf: ctx.opts.asOf }, loc: cellLoc(ctx, row, 'deadline') });
  }
}

/** What a deadline's text alone says: its reading without the plan's year, that reading's canonical form, and whether
 * the text (trimmed) already is that form (isCanonical). */
interface Phrase {
  parsed: Deadline;
  plain: string;
  canonical: boolean;
}

// A deadline column repeats a handful of phrases; each is parsed and formatted once (bounded, like the parser's).
const PHRASES = new Map<string, Phrase>();
const PHRASES_LIMIT = 20_000;

function phraseOf(text: string): Phrase {
  let p = PHRASES.get(text);
  if (p === undefined) {
    const parsed = parseDeadline(text);
    const plain = formatDeadline(parsed);
    p = { parsed, plain, canonical: text.trim() === plain };
    if (PHRASES.size >= PHRASES_LIMIT) PHRASES.clear();
    PHRASES.set(text, p);
  }
  return p;
}

/** formatDeadline(d), answered from the phrase when d is what its text reads as (the fields formatDeadline reads). */
function canonicalOf(d: Deadline, phrase: Phrase): string {
  return sameForm(d, phrase.parsed) ? phrase.plain : formatDeadline(d);
}

function sameForm(a: Deadline, b: Deadline): boolean {
  if (a.kind === 'period') return b.kind === 'period' && samePeriod(a.period, b.period) && (a.note || undefined) === (b.note || undefined);
  if (a.kind === 'recurring') {
    if (b.kind !== 'recurring' || a.every !== b.every || (a.note || undefined) !== (b.note || undefined)) return false;
    if (a.relative || b.relative) {
      const x = a.relative;
      const y = b.relative;
      return !!x && !!y && x.quarter === y.quarter && x.month === y.month && x.day === y.day && x.yearOffset === y.yearOffset;
    }
    return a.first === undefined || b.first === undefined ? a.first === b.first : samePeriod(a.first, b.first);
  }
  return false;
}

function samePeriod(a: Period, b: Period): boolean {
  return a.precision === b.precision && a.start === b.start && a.end === b.end;
}

/** The first date the deadline falls due: a period's end, or a recurring deadline's first period. */
function firstEnd(d: Deadline): string | null {
  if (d.kind === 'period') return d.period.end;
  if (d.kind === 'recurring' && d.first) return d.first.end;
  return null;
}

function formatPatch(ctx: CheckContext, row: AppendixRow, canonical: string, raw: unknown) {
  const cell = row.source.cells.deadline;
  // Only a single, Unicode text cell is rewritten here; fragments are merged first (next round), dates are left alone.
  if (!ctx.sheet || !cell || row.mergedFrom || row.encoding?.deadline || typeof raw !== 'string') return undefined;
  return {
    id: `deadline-format@${ctx.appendix.sheet}!${cell}`,
    code: 'deadline-format',
    safe: true,
    ops: [{ op: 'set-cells' as const, sheet: ctx.appendix.sheet, edits: [{ cell, from: raw, to: canonical }] }],
  };
}

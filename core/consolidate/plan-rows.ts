// One commune's plan → its consolidated task and indicator rows, in plan order, each with its group and status.
import { dueDate, parseDeadline } from '../deadline.ts';
import type { Appendix } from '../model/appendix.ts';
import type { Deadline } from '../model/deadline.ts';
import { OTHER_GROUP, type GroupRef } from './groups.ts';
import type { LeadCanonicalizer } from './lead.ts';
import { mapGroup } from './map-group.ts';
import { taskStatus } from './status.ts';
import type { ConsolidatedIndicator, ConsolidatedRow, ConsolidateInput } from './types.ts';

/** What one plan contributes; the caches are shared across plans so repeated text is worked out once. */
export interface PlanRowsContext {
  asOf: string;
  leadCanonical: LeadCanonicalizer;
  /** Deadline text (with plan year) → parsed deadline, for rows the reader left unparsed. */
  deadlines: Map<string, Deadline>;
}

/**
 * Append one plan's tasks (kind 'task' rows of 'tasks' appendices) and indicators to `rows` / `indicators`.
 * @example planRows(input, ctx, rows, indicators) // rows grows by the plan's task count
 */
export function planRows(
  input: ConsolidateInput,
  ctx: PlanRowsContext,
  rows: ConsolidatedRow[],
  indicators: ConsolidatedIndicator[],
): void {
  const period = input.plan.reference?.period;
  // A deadline without a year ("Quý IV") means the plan's year, but only a one-year plan has one.
  const planYear = period && period.from === period.to ? period.from : undefined;
  for (const appendix of input.plan.appendices) {
    if (appendix.kind === 'tasks') taskRows(input, appendix, ctx, planYear, rows);
    else indicatorRows(input, appendix, indicators);
  }
}

const text = (s: string | undefined): string => (s ?? '').trim();

function taskRows(
  input: ConsolidateInput,
  appendix: Appendix,
  ctx: PlanRowsContext,
  planYear: number | undefined,
  out: ConsolidatedRow[],
): void {
  let heading = '';
  let group: GroupRef = OTHER_GROUP;
  let headingGroup: GroupRef = OTHER_GROUP;
  for (const row of appendix.rows) {
    if (row.kind === 'group') {
      heading = text(row.fields.content);
      headingGroup = group = mapGroup(heading, row.tt ?? undefined);
      continue;
    }
    if (row.kind === 'subgroup') {
      // A group that names no NQ57 group ("II. NHIỆM VỤ") often splits into subgroups that do.
      if (headingGroup === OTHER_GROUP) group = mapGroup(text(row.fields.content));
      continue;
    }
    if (row.kind !== 'task') continue;
    const deadlineText = text(row.fields.deadline);
    const deadline = row.deadline ?? parsed(deadlineText, planYear, ctx.deadlines);
    const due = deadline ? dueDate(deadline, ctx.asOf) : null;
    const statusText = text(row.fields.status);
    const lead = text(row.fields.lead);
    // One flat literal per row (no spread): V8 keeps 180,000 such rows in fast mode and in a single shape.
    out.push({
      communeCode: input.commune.code,
      communeName: input.commune.name,
      planKey: input.planKey,
      revision: input.revision,
      source: row.source,
      group,
      groupHeading: heading,
      tt: text(row.tt ?? undefined),
      content: text(row.fields.content),
      lead,
      leadCanonical: ctx.leadCanonical(lead),
      partners: text(row.fields.partners),
      result: text(row.fields.result),
      deadline: deadlineText,
      dueDate: due,
      status: taskStatus({ statusText, deadline, due }, ctx.asOf),
      statusText,
    });
  }
}

function parsed(deadlineText: string, planYear: number | undefined, cache: Map<string, Deadline>): Deadline | undefined {
  if (deadlineText === '') return undefined;
  const key = `${planYear ?? ''}|${deadlineText}`;
  let d = cache.get(key);
  if (!d) cache.set(key, (d = parseDeadline(deadlineText, planYear === undefined ? {} : { planYear })));
  return d;
}

function indicatorRows(input: ConsolidateInput, appendix: Appendix, out: ConsolidatedIndicator[]): void {
  let heading = '';
  for (const row of appendix.rows) {
    if (row.kind === 'group') heading = text(row.fields.content);
    if (row.kind !== 'indicator') continue;
    out.push({
      communeCode: input.commune.code,
      communeName: input.commune.name,
      planKey: input.planKey,
      revision: input.revision,
      source: row.source,
      groupHeading: heading,
      tt: text(row.tt ?? undefined),
      content: text(row.fields.content),
      unit: text(row.fields.unit),
      target: text(row.fields.target),
      monitor: text(row.fields.monitor),
    });
  }
}

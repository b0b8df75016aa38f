// Every commune's plan of a province → one table of tasks and indicators, with statuses as of a date and stats.
import { ymd } from '../deadline/calendar.ts';
import type { Commune } from '../dvhc.ts';
import type { Deadline } from '../model/deadline.ts';
import { makeLeadCanonicalizer } from './lead.ts';
import { planRows, type PlanRowsContext } from './plan-rows.ts';
import { computeStats } from './stats.ts';
import type { Consolidated, ConsolidatedIndicator, ConsolidatedRow, ConsolidateInput, ConsolidateOptions } from './types.ts';

function compareInputs(a: ConsolidateInput, b: ConsolidateInput): number {
  if (a.commune.code !== b.commune.code) return a.commune.code < b.commune.code ? -1 : 1;
  if (a.planKey !== b.planKey) return a.planKey < b.planKey ? -1 : 1;
  return a.revision - b.revision;
}

/**
 * Consolidate communes' plans (pass each plan's latest revision). Rows run communes by code, then plan order;
 * each task gets its NQ57 group, its lead in catalog spelling, its due date and its status as of `asOf`.
 * Linear in the number of rows: group headings, lead cells and deadline texts are each worked out once.
 * Throws a RangeError when asOf is not an ISO date (a caller bug, not data).
 * @example consolidate([{ commune, planKey: 'kh-2026', revision: 3, plan }], { asOf: '2026-05-15' }).stats.totals.tasks
 */
export function consolidate(inputs: readonly ConsolidateInput[], opts: ConsolidateOptions): Consolidated {
  const { asOf } = opts;
  if (!ymd(asOf)) throw new RangeError(`consolidate: asOf must be an ISO date (yyyy-mm-dd), got ${JSON.stringify(asOf)}`);
  // A stable sort keeps callers' order among equal keys, so the output never depends on the sort's internals.
  const sorted = [...inputs].sort(compareInputs);
  const ctx: PlanRowsContext = { asOf, leadCanonical: makeLeadCanonicalizer(), deadlines: new Map<string, Deadline>() };
  const rows: ConsolidatedRow[] = [];
  const indicators: ConsolidatedIndicator[] = [];
  for (const input of sorted) planRows(input, ctx, rows, indicators);

  const communes: Commune[] = [];
  for (const input of sorted) if (communes[communes.length - 1]?.code !== input.commune.code) communes.push(input.commune);
  const out: Consolidated = { asOf, communes, rows, indicators, stats: computeStats(communes, rows, indicators) };
  const provinces = new Set(communes.map((c) => c.provinceCode));
  if (provinces.size === 1 && communes[0]) out.province = { code: communes[0].provinceCode, name: communes[0].provinceName };
  return out;
}

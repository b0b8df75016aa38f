// Every commune's plan of a province → one table of tasks and indicators, with statuses as of a date and stats.
import { ymd } from '../deadline/calendar.ts';
import type { Commune } from '../dvhc.ts';
import type { Deadline } from '../model/deadline.ts';
import { makeLeadCanonicalizer } from './lead.ts';
import { planRows, type PlanRowsContext } from './plan-rows.ts';
import { statsCounter } from './stats.ts';
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
  const c = createConsolidator(opts, { anyOrder: true });
  for (const input of inputs) c.add(input);
  return c.finish();
}

/** consolidate() one plan at a time, for callers that read or page plans in and let each go once added. */
export interface Consolidator {
  /** Add the next plan; returns its task rows. */
  add(input: ConsolidateInput): ConsolidatedRow[];
  /**
   * Add the next plan by its rows, worked out elsewhere by planRowsOf() with the same asOf (a read worker): the
   * same as add() with the plan.
   */
  addRows(input: Omit<ConsolidateInput, 'plan'>, rows: ConsolidatedRow[], indicators: ConsolidatedIndicator[]): void;
  /** The consolidation; `rows` is empty when the consolidator was made with keepRows: false. */
  finish(): Consolidated;
}

export interface ConsolidatorMode {
  /** Keep the rows for finish() (default); false: rows are only returned by add() and counted in the stats. */
  keepRows?: boolean;
  /**
   * Plans may come in any order: each plan's rows wait and are put in consolidate()'s order (commune code, plan key,
   * revision; a stable sort) by finish(). Otherwise plans must come in that order, and a plan out of it throws.
   */
  anyOrder?: boolean;
}

interface Part {
  input: ConsolidateInput;
  rows: ConsolidatedRow[];
  indicators: ConsolidatedIndicator[];
}

const NO_PLAN: ConsolidateInput['plan'] = { appendices: [] };

/**
 * One plan's task rows and indicators as a consolidator with these options works them out, for Consolidator.addRows
 * (a read worker works out the rows of the plans it reads; the caches are its own, memos only).
 * @example const rowsOf = planRowsOf({ asOf: '2026-06-30' }); const { rows } = rowsOf(input)
 */
export function planRowsOf(
  opts: ConsolidateOptions,
): (input: ConsolidateInput) => { rows: ConsolidatedRow[]; indicators: ConsolidatedIndicator[] } {
  if (!ymd(opts.asOf)) throw new RangeError(`consolidate: asOf must be an ISO date (yyyy-mm-dd), got ${JSON.stringify(opts.asOf)}`);
  const ctx: PlanRowsContext = { asOf: opts.asOf, leadCanonical: makeLeadCanonicalizer(), deadlines: new Map<string, Deadline>() };
  return (input) => {
    const rows: ConsolidatedRow[] = [];
    const indicators: ConsolidatedIndicator[] = [];
    planRows(input, ctx, rows, indicators);
    return { rows, indicators };
  };
}

/**
 * The same result as consolidate() over the same inputs, without holding them: plans can go once added (rows are
 * worked out at once), and with keepRows: false rows too (stats are counted as they come) — a national export then
 * needs one page of plans. Throws a RangeError for a bad asOf, or for plans out of order unless anyOrder.
 * @example const c = createConsolidator({ asOf: '2026-06-30' }); for (const p of page) c.add(p); const out = c.finish()
 */
export function createConsolidator(opts: ConsolidateOptions, mode: ConsolidatorMode = {}): Consolidator {
  const { asOf } = opts;
  if (!ymd(asOf)) throw new RangeError(`consolidate: asOf must be an ISO date (yyyy-mm-dd), got ${JSON.stringify(asOf)}`);
  const keep = mode.keepRows ?? true;
  const ctx: PlanRowsContext = { asOf, leadCanonical: makeLeadCanonicalizer(), deadlines: new Map<string, Deadline>() };
  const rows: ConsolidatedRow[] = [];
  const indicators: ConsolidatedIndicator[] = [];
  const communes: Commune[] = [];
  const stats = statsCounter();
  const waiting: Part[] = [];
  let last: ConsolidateInput | null = null;
  const take = (p: Part) => {
    if (communes[communes.length - 1]?.code !== p.input.commune.code) {
      communes.push(p.input.commune);
      stats.commune(p.input.commune);
    }
    for (const r of p.rows) stats.task(r);
    for (const i of p.indicators) stats.indicator(i);
    for (const i of p.indicators) indicators.push(i);
    if (keep) for (const r of p.rows) rows.push(r);
  };
  const put = (part: Part) => {
    if (mode.anyOrder) waiting.push(part);
    else {
      if (last && compareInputs(last, part.input) > 0)
        throw new RangeError(`consolidate: plans out of order (${part.input.commune.code} after ${last.commune.code})`);
      last = part.input;
      take(part);
    }
  };
  return {
    add(input) {
      const part: Part = { input: { ...input, plan: NO_PLAN }, rows: [], indicators: [] };
      // Rows depend on their own plan only (the caches are memos), so working them out early changes nothing.
      planRows(input, ctx, part.rows, part.indicators);
      put(part);
      return part.rows;
    },
    addRows(input, rows, indicators) {
      put({ input: { ...input, plan: NO_PLAN }, rows, indicators });
    },
    finish() {
      // A stable sort keeps callers' order among equal keys, so the output never depends on the sort's internals.
      waiting.sort((a, b) => compareInputs(a.input, b.input));
      for (const p of waiting.splice(0)) take(p);
      const out: Consolidated = { asOf, communes, rows, indicators, stats: stats.result() };
      const provinces = new Set(communes.map((c) => c.provinceCode));
      if (provinces.size === 1 && communes[0]) out.province = { code: communes[0].provinceCode, name: communes[0].provinceName };
      return out;
    },
  };
}

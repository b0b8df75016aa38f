// Dropdown lists for a task table: the catalog's agency names plus the plan's own, and the standard deadlines.
import deadlines from '../../../templates/deadlines.vi.json' with { type: 'json' };
import { canonicalAgencyNames, splitAgencies } from '../../../core/agencies.ts';
import type { DropdownSpec } from '../excel/port.ts';
import type { Plan } from '../../../core/model/index.ts';
import { fold } from '../../../core/text/index.ts';
import type { TableTarget } from './tables.ts';

/** Rows under the table that get the dropdowns too, for tasks still to be added. */
export const EXTRA_ROWS = 100;
const MAX_YEARS = 6;

/**
 * Years the deadline list covers: the plan's period, else its year and the next, else this year and the next.
 * @example planYears({ appendices: [], reference: { period: { from: 2026, to: 2030 } } }) // [2026, …, 2030]
 */
export function planYears(plan: Plan | null, today = new Date()): number[] {
  const period = plan?.reference?.period;
  if (period && period.to >= period.from) {
    const to = Math.min(period.to, period.from + MAX_YEARS - 1);
    return Array.from({ length: to - period.from + 1 }, (_, i) => period.from + i);
  }
  const year = plan?.reference?.year ?? today.getFullYear();
  return [year, year + 1];
}

/**
 * Standard deadline texts: the fixed ones ("Thường xuyên"…) then each year's ("Quý I/2026"…).
 * @example deadlineList([2026]).includes('Quý III/2026') // true
 */
export function deadlineList(years: number[]): string[] {
  return [...deadlines.fixed, ...years.flatMap((y) => deadlines.perYear.map((d) => d.replace('{year}', String(y))))];
}

/**
 * Agency names for the lists: the catalog's (ward or commune level from the issuer), then the names the plan
 * itself uses that the catalog does not spell the same way.
 * @example agencyList(plan).includes('Công an xã') // true
 */
export function agencyList(plan: Plan | null): string[] {
  const issuer = fold(plan?.reference?.issuer ?? '');
  const level = /\bphuong\b/.test(issuer) ? 'ward' : /\bxa\b/.test(issuer) ? 'commune' : undefined;
  const names = canonicalAgencyNames(undefined, level ? { level } : {});
  const seen = new Set(names.map(fold));
  for (const a of plan?.appendices ?? []) {
    for (const row of a.rows) {
      for (const cell of [row.fields.lead, row.fields.partners, row.fields.monitor]) {
        if (!cell) continue;
        for (const name of splitAgencies(cell)) {
          const key = fold(name);
          if (key === '' || seen.has(key) || name.length > 120) continue;
          seen.add(key);
          names.push(name.trim());
        }
      }
    }
  }
  return names;
}

/**
 * The dropdown spec for a table (null when it has none of the three columns).
 * @example dropdownSpec(table, plan)?.columns // { lead: 'C', partners: 'D', deadline: 'F' }
 */
export function dropdownSpec(target: TableTarget, plan: Plan | null): DropdownSpec | null {
  const columns: DropdownSpec['columns'] = {};
  const lead = target.columns.lead ?? target.columns.monitor;
  if (lead) columns.lead = lead;
  if (target.columns.partners) columns.partners = target.columns.partners;
  if (target.columns.deadline) columns.deadline = target.columns.deadline;
  if (Object.keys(columns).length === 0) return null;
  return {
    sheet: target.sheet,
    firstRow: target.headerLastRow + 1,
    lastRow: Math.max(target.endRow, target.headerLastRow + 1) + EXTRA_ROWS,
    columns,
    lists: { agencies: agencyList(plan), deadlines: deadlineList(planYears(plan)) },
  };
}

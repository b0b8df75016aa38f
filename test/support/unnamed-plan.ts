// A plan with its sheet names taken out, to compare a Word plan (its grid named after the file) with a workbook's.
import type { Plan } from '../../core/model/index.ts';

/**
 * The whole plan, every `sheet` field the same: what a reader says, wherever the cells came from.
 * @example expect(unnamedPlan(fromDocx)).toEqual(unnamedPlan(fromWorkbook))
 */
export function unnamedPlan(plan: Plan): Plan {
  return JSON.parse(JSON.stringify(plan, (key, v: unknown) => (key === 'sheet' ? 'S' : v))) as Plan;
}

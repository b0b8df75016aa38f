// Deadlines written without their year ("Quý IV", "Trước ngày 31/01 năm liền kề") read again with the plan's year.
import { parseDeadline } from '../deadline.ts';
import type { Appendix, PlanReference } from '../model/appendix.ts';

/**
 * The one year a table's deadlines count from: its own title's period ("… NĂM 2026"), else the plan's, and only
 * when that period is a single year (a stage "giai đoạn 2026-2030" has none: "năm liền kề" is then each year's).
 * @example planYearOf(appendix, { period: { from: 2026, to: 2026 } }) // 2026
 */
export function planYearOf(appendix: Appendix, plan: PlanReference | undefined): number | undefined {
  const period = appendix.title.reference.period ?? plan?.period;
  return period && period.from === period.to ? period.from : undefined;
}

/**
 * Parse every deadline of the plan's tables again with its table's plan year (tables are read before the plan's
 * reference is known). A deadline that never needed the year reads the same; a date cell's text is its day.
 * @example withPlanYear(plan.appendices, plan.reference) // "Tháng 01 năm sau" in the 2026 plan → Tháng 1/2027
 */
export function withPlanYear(appendices: Appendix[], plan: PlanReference | undefined): void {
  for (const appendix of appendices) {
    const planYear = planYearOf(appendix, plan);
    if (planYear === undefined) continue;
    for (const row of appendix.rows) if (row.deadline) row.deadline = parseDeadline(row.deadline.text, { planYear });
  }
}

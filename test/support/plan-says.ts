// What a plan says, whatever it was read from, to compare a Word plan with the equivalent workbook.
import type { Plan } from '../../core/model/index.ts';

/**
 * Each table's kind, reference, columns and every row's kind, TT and fields by role. Continuation fragments, retyped
 * headers and blank rows are how a source is laid out, not what the plan says: a workbook's rows split across PDF
 * pages are joined into the task they continue, as the Word table holds them.
 * @example expect(planSays(fromDocx)).toEqual(planSays(fromWorkbook))
 */
export function planSays(plan: Plan) {
  return plan.appendices.map((a) => ({
    kind: a.kind,
    appendix: a.title?.appendix,
    name: a.title?.name,
    reference: a.title?.reference,
    roles: Object.keys(a.columns).sort(),
    rows: a.rows
      .filter((r) => !['continuation', 'repeated-header', 'blank'].includes(r.kind))
      .map((r) => ({ kind: r.kind, tt: r.tt, fields: r.fields })),
  }));
}

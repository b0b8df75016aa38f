// Reading the plan to sync from the workbook: every table read and checked, and the part that goes to the server.
import { validateGrids } from '../../../core/validate/index.ts';
import { appendixKeys } from '../../../core/merge/index.ts';
import type { Plan } from '../../../core/model/index.ts';
import type { Report } from '../../../core/validate/index.ts';
import type { ExcelPort, WorkbookSnapshot } from '../excel/port.ts';

export interface LocalRead {
  snapshot: WorkbookSnapshot;
  report: Report;
  /** Every table of the workbook, as read. */
  plan: Plan;
  /** What goes to the server: every table, or only the bound one. */
  outgoing: Plan;
}

/**
 * Read every sheet and validate; `outgoing` holds only the bound table when the binding names one.
 * @example const { outgoing, report } = await readLocal(port, null)
 */
export async function readLocal(port: ExcelPort, table: string | null): Promise<LocalRead> {
  const snapshot = await port.readWorkbook({ sheets: 'all' });
  const { report, plan } = validateGrids(snapshot.grids);
  return { snapshot, report, plan, outgoing: withoutIdColumn(onlyTable(plan, table)) };
}

/**
 * The plan as the server keeps it: where the sheet hides its ids (`idColumn`) is this workbook's business, and sending
 * it would make a sheet just brought in line with the head differ from it (its push then never "unchanged").
 * @example withoutIdColumn(plan).appendices.every((a) => a.idColumn === undefined) // true
 */
export function withoutIdColumn(plan: Plan): Plan {
  return { ...plan, appendices: plan.appendices.map(({ idColumn: _, ...a }) => a) };
}

/**
 * The plan restricted to one table (by appendixKey); the whole plan when `table` is null.
 * @example onlyTable(plan, 'tasks:pl i').appendices.length // 1
 */
export function onlyTable(plan: Plan, table: string | null): Plan {
  if (table === null) return plan;
  const keys = appendixKeys(plan);
  return { ...plan, appendices: plan.appendices.filter((_, i) => keys[i] === table) };
}

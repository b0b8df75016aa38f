// The province's consolidated JSON as two sheets' values: "Tổng hợp" (one row per task) and "Thống kê" (per commune).
import { plainCell, STATS_COLUMNS, TASK_COLUMNS, type CommuneStats, type Consolidated } from '../../../core/consolidate/index.ts';
import type { CellValue } from '../../../core/model/index.ts';
import type { Lang } from '../i18n/index.ts';

const NAMES = {
  vi: { tasks: 'Tổng hợp', stats: 'Thống kê', all: 'Cả tỉnh' },
  en: { tasks: 'Consolidated', stats: 'Statistics', all: 'Province' },
};

/**
 * The same columns as the server's consolidated workbook (core/consolidate/columns.ts), as values.
 * @example consolidatedSheets(json, 'vi').map((s) => s.name) // ['Tổng hợp', 'Thống kê']
 */
export function consolidatedSheets(c: Consolidated, lang: Lang): { name: string; values: CellValue[][] }[] {
  const t = NAMES[lang];
  const tasks: CellValue[][] = [
    TASK_COLUMNS.map((col) => col.header[lang]),
    ...c.rows.map((r) => TASK_COLUMNS.map((col) => plainCell(col.value(r, lang)))),
  ];
  const statRow = (s: CommuneStats): CellValue[] => STATS_COLUMNS.map((col) => plainCell(col.value(s, lang)));
  const stats: CellValue[][] = [
    STATS_COLUMNS.map((col) => col.header[lang]),
    ...c.stats.communes.map(statRow),
    statRow({ ...c.stats.totals, code: '', name: t.all }),
  ];
  return [
    { name: t.tasks, values: tasks },
    { name: t.stats, values: stats },
  ];
}

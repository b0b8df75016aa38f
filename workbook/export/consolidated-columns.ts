// Which columns of the consolidated tables print, in what order and how wide: a landscape A4 page holds about 180
// characters at a readable size, so the columns an official reads come first and print; the ones kept for sorting
// and filtering (commune code, the plan's own group heading, the catalog's agency name, the computed due date) follow
// on screen only; the revision number is the server's and is not written at all.
import type { ColumnSpec } from '../../core/consolidate/index.ts';
import { INDICATOR_COLUMNS, STATS_COLUMNS, TASK_COLUMNS } from '../../core/consolidate/index.ts';

/** Columns in the order written, with widths for print; the first `printed` of them print. */
export interface SheetColumns<T> {
  columns: ColumnSpec<T>[];
  printed: number;
}

/** Pick columns of a core spec by their English header, with new widths; throws on a name the spec lacks. */
function pick<T>(all: readonly ColumnSpec<T>[], printed: [string, number][], screen: [string, number][]): SheetColumns<T> {
  const by = (en: string, width: number): ColumnSpec<T> => {
    const c = all.find((x) => x.header.en === en);
    if (!c) throw new Error(`No column "${en}"`);
    return { ...c, width };
  };
  return { columns: [...printed.map(([en, w]) => by(en, w)), ...screen.map(([en, w]) => by(en, w))], printed: printed.length };
}

/** "Tổng hợp": 9 printed columns (177 characters), 4 more on screen. */
export const TASK_SHEET = pick(
  TASK_COLUMNS,
  [
    ['Commune', 16],
    ['NQ57 group', 16],
    ['No.', 5],
    ['Task', 50],
    ['Lead agency', 20],
    ['Partner agencies', 22],
    ['Result/output', 20],
    ['Deadline (as written)', 14],
    ['Status', 14],
  ],
  [
    ['Commune code', 9],
    ['Group (as in the plan)', 30],
    ['Lead agency (catalog name)', 24],
    ['Due date', 12],
  ],
);

/** "Thống kê": every column prints; group headers wrap over three or four lines. */
export const STATS_SHEET = pick(
  STATS_COLUMNS,
  STATS_COLUMNS.map((c, i): [string, number] => [c.header.en, i === 0 ? 8 : i === 1 ? 20 : i < 10 ? 11 : 10]),
  [],
);

/** "Chỉ tiêu": 7 printed columns, the commune code on screen. */
export const INDICATOR_SHEET = pick(
  INDICATOR_COLUMNS,
  [
    ['Commune', 18],
    ['Section (as in the plan)', 22],
    ['No.', 5],
    ['Indicator', 50],
    ['Unit', 10],
    ['Target', 12],
    ['Monitoring agency', 26],
  ],
  [['Commune code', 9]],
);

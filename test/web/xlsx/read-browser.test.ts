// /kiem-tra's workbook reader (the fast reader with fflate's inflate, web/src/xlsx/read-browser.ts) must give the page
// exactly what the exceljs path it replaced gave: the same report, the same repair rounds and summary (the download's
// label and the copy), and the same preview (sheets, sizes, every visible cell's text) — on every fixture workbook and
// every real published table; run in Node, as the browser would run it (no native zlib).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixAll, fixSummary } from '../../../core/fix/index.ts';
import type { Grid } from '../../../core/model/index.ts';
import { textGrid } from '../../../core/read/index.ts';
import { validateGrids } from '../../../core/validate/index.ts';
import { readGridsInBrowser } from '../../../web/src/xlsx/read-browser.ts';
import { readWorkbookWithExceljs } from '../../../workbook/xlsx/index.ts';
import { filesIn, FIXTURES, REAL } from '../../support/paths.ts';

const FILES = [...filesIn(FIXTURES, '.xlsx'), ...filesIn(REAL, '.xlsx')];
/** A fixed day, so a deadline in the past reads the same in both runs whatever the date. */
const TODAY = '2026-06-15';

/** What the page shows of a workbook: the check's report, the repair's rounds and label, the preview's cells. */
function pageResult(grids: Grid[]) {
  const { report } = validateGrids(grids, { today: TODAY }, 'xlsx');
  const fix = fixAll(grids);
  const preview = grids.map((g) => {
    const tg = textGrid(g);
    const cells: string[][] = [];
    for (let r = 1; r <= tg.rows; r++) {
      const row: string[] = [];
      for (let c = 1; c <= tg.cols; c++) row.push(tg.coveredBy(r, c) ? '' : tg.text(r, c));
      cells.push(row);
    }
    return { sheet: g.sheet, hidden: g.hidden ?? false, rows: tg.rows, cols: tg.cols, merges: g.merges, cells };
  });
  return { report, rounds: fix.rounds, summary: fixSummary(fix), preview };
}

describe('the check page reads a workbook with the fast reader, as the exceljs path did', () => {
  it('covers the fixture workbooks and the real tables', () => {
    expect(FILES.map((f) => path.basename(f)).sort()).toEqual([
      'bac-ninh-144.xlsx',
      'cam-giang-phu-luc.xlsx',
      'dong-thap-552.xlsx',
      'ha-noi-310.xlsx',
      'hcm-2820.xlsx',
      'quang-son-phu-luc.xlsx',
      'ttg-2629.xlsx',
    ]);
  });

  it.each(FILES.map((f) => [path.basename(f), f]))('%s: same report, repair and preview', async (_name, file) => {
    const bytes = new Uint8Array(await readFile(file));
    const fast = pageResult(readGridsInBrowser(bytes));
    const slow = pageResult((await readWorkbookWithExceljs(bytes)).sheets);
    expect(fast).toEqual(slow);
    // Not an empty comparison: every file has tables and issues to show.
    expect(fast.report.tables.length).toBeGreaterThan(0);
    expect(fast.report.stats.errors + fast.report.stats.warnings + fast.report.stats.infos).toBeGreaterThan(0);
  });
});

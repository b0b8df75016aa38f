// The repaired and annotated copies, made in the browser with the same core rounds and exceljs adapters as
// `phuluc fix` and `phuluc check --format xlsx`; returned as Blobs for download.
import { fixAll } from '../../../core/fix/fix-all.ts';
import type { Grid } from '../../../core/model/grid.ts';
import type { Report } from '../../../core/validate/report.ts';
import { validateGrids } from '../../../core/validate/validate.ts';
import { annotateWorkbook } from '../../../server/export/annotate.ts';
import { applyPatchesToWorkbook } from '../../../server/fix/apply-exceljs.ts';
import { XLSX_TYPE } from '../dom/download.ts';
import type { Lang } from '../i18n/index.ts';
import { openForEditInBrowser } from '../xlsx/read-browser.ts';

export interface RepairedCopy {
  blob: Blob;
  /** Places changed, counted as `phuluc fix` does (each edited cell and each removed row). */
  places: number;
  rounds: number;
  /** Issues the repaired sheets still have (none of them safely fixable). */
  left: number;
}

/**
 * Apply every safe fix, round by round, to the workbook itself (formatting, widths and other sheets kept).
 * @example const { blob } = await repairedCopy(bytes, grids)
 */
export async function repairedCopy(bytes: Uint8Array, grids: Grid[]): Promise<RepairedCopy> {
  const { rounds, grids: fixed } = fixAll(grids);
  const wb = await openForEditInBrowser(bytes);
  let places = 0;
  for (const round of rounds) {
    applyPatchesToWorkbook(wb, round);
    for (const p of round) for (const op of p.ops) places += op.op === 'delete-rows' ? op.rows.length : op.edits.length;
  }
  const out = await wb.xlsx.writeBuffer();
  const { report } = validateGrids(fixed);
  const left = report.stats.errors + report.stats.warnings + report.stats.infos;
  return { blob: new Blob([out as ArrayBuffer], { type: XLSX_TYPE }), places, rounds: rounds.length, left };
}

/**
 * Highlights, notes and a "Kết quả kiểm tra" sheet, as `phuluc check --format xlsx` writes them.
 * @example const blob = await annotatedCopy(bytes, report, 'vi')
 */
export async function annotatedCopy(bytes: Uint8Array, report: Report, lang: Lang): Promise<Blob> {
  const wb = await openForEditInBrowser(bytes);
  annotateWorkbook(wb, report, lang);
  const out = await wb.xlsx.writeBuffer();
  return new Blob([out as ArrayBuffer], { type: XLSX_TYPE });
}

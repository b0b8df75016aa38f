// The repaired and annotated copies, made in the browser with the same core rounds and in-place package edits as
// `phuluc fix` and `phuluc check --format xlsx` (every part the edits do not touch — charts, images, pivot tables,
// comments — copied as it was); returned as Blobs for download.
import type { FixAllResult } from '../../../core/fix/index.ts';
import type { Report } from '../../../core/validate/index.ts';
import { validateGrids } from '../../../core/validate/index.ts';
import { annotatedCopy as annotatedBytes } from '../../../workbook/export/annotate.ts';
import { fixedCopy } from '../../../workbook/fix/apply-package.ts';
import { XLSX_TYPE } from '../dom/download.ts';
import type { Lang } from '../i18n/index.ts';

export interface RepairedCopy {
  blob: Blob;
  /** Issues the repaired sheets still have (none of them safely fixable). */
  left: number;
}

/**
 * Replay `fixAll`'s rounds, computed once when the file was checked (the button's label counts the same rounds), on
 * the workbook itself (formatting, widths and other sheets kept).
 * @example const { blob } = await repairedCopy(bytes, fixAll(grids))
 */
export async function repairedCopy(bytes: Uint8Array, fix: FixAllResult): Promise<RepairedCopy> {
  // Throws CopyRefusedError (a message naming what a row deletion would lose) rather than drop anything.
  const out = fixedCopy(bytes, fix.rounds).bytes;
  const { report } = validateGrids(fix.grids);
  const left = report.stats.errors + report.stats.warnings + report.stats.infos;
  return { blob: new Blob([out as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE }), left };
}

/**
 * Highlights, notes and a "Kết quả kiểm tra" sheet, as `phuluc check --format xlsx` writes them.
 * @example const blob = await annotatedCopy(bytes, report, 'vi')
 */
export async function annotatedCopy(bytes: Uint8Array, report: Report, lang: Lang): Promise<Blob> {
  const out = annotatedBytes(bytes, report, lang);
  return new Blob([out as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE });
}

// The national data set for benchmarks: one appendix workbook per commune of the 2025 list (3,321), in the layouts
// the fixtures show (5/6/7 columns, title block, continuation rows, repeated headers), 40–70 tasks each.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { COMMUNES } from '../../core/dvhc.ts';
import { generateAppendix, rng } from './appendix.ts';

/**
 * Write the workbooks into `dir` as `<code>-<n>.xlsx`; returns the file paths. `limit` takes the first n communes.
 * @example await writeNationalWorkbooks('/tmp/phuluc-bench', 3321)
 */
export async function writeNationalWorkbooks(dir: string, limit = COMMUNES.length, onFile?: (n: number) => void): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (const [i, commune] of COMMUNES.slice(0, limit).entries()) {
    const rand = rng(Number(commune.code) + 17);
    const columns = ([5, 6, 6, 6, 7] as const)[Math.floor(rand() * 5)]!;
    const grid = generateAppendix({
      tasks: 40 + Math.floor(rand() * 31), seed: Number(commune.code), columns, continuationRate: 0.05,
      repeatHeaderEvery: rand() < 0.4 ? 25 : 0, sheet: 'Phụ lục II', commune: commune.name,
    });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(grid.sheet);
    ws.columns = [{ width: 6 }, { width: 55 }, { width: 22 }, { width: 24 }, { width: 20 }, { width: 18 }, { width: 18 }];
    grid.rows.forEach((r, ri) => {
      const row = ws.getRow(ri + 1);
      r.forEach((c, ci) => {
        if (!c) return;
        const cell = row.getCell(ci + 1);
        cell.value = c.v as ExcelJS.CellValue;
        cell.font = { name: 'Times New Roman', size: 12, bold: ri < 5 };
      });
    });
    for (let r = 1; r <= 3; r++) ws.mergeCells(r, 1, r, columns);
    const file = path.join(dir, `${commune.code}-${i}.xlsx`);
    await wb.xlsx.writeFile(file);
    files.push(file);
    onFile?.(i + 1);
  }
  return files;
}

// The national data set for benchmarks: one appendix workbook per commune of the 2025 list (3,321), in the layouts
// the fixtures show (5/6/7 columns, title blocks of 2–4 lines, continuation rows, repeated headers, an indicators
// sheet beside the tasks in some), 40–70 tasks each. Written to a temporary folder by the benchmarks, never committed.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { COMMUNES, type Commune } from '../../core/dvhc.ts';
import type { CellValue } from '../../core/model/index.ts';
import { generateAppendix, rng } from './appendix.ts';

const SHEETS = ['Phụ lục II', 'PL II - Nhiệm vụ', 'Phụ lục', 'Nhiệm vụ', 'Sheet1'];
const INDICATORS: [string, string, string][] = [
  ['Dân số trưởng thành có điện thoại thông minh', '%', '≥ 85'],
  ['Hồ sơ thủ tục hành chính xử lý trực tuyến', '%', '≥ 92'],
  ['Hộ gia đình có kết nối Internet cáp quang', '%', '90'],
  ['Người dân có tài khoản định danh điện tử mức 2', '%', '≥ 80'],
  ['Giao dịch không dùng tiền mặt tại chợ', '%', '50'],
  ['Cán bộ, công chức được bồi dưỡng kỹ năng số', 'người', '100'],
  ['Thôn có Tổ công nghệ số cộng đồng', '%', '100'],
  ['Sản phẩm OCOP bán trên sàn thương mại điện tử', 'sản phẩm', '≥ 3'],
];

/** The title block above the header, in one of the shapes real appendices use; its length moves the header row. */
function titleBlock(commune: Commune, variant: number, plan: number): CellValue[][] {
  const attached = `(Kèm theo Kế hoạch số ${plan}/KH-UBND ngày ${1 + (plan % 28)}/${7 + (plan % 3)}/2025 của UBND ${commune.name})`;
  switch (variant) {
    case 0:
      return [['PHỤ LỤC II'], ['DANH MỤC NHIỆM VỤ THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW'], [attached], []];
    case 1:
      return [['Phụ lục II'], [`NHIỆM VỤ TRIỂN KHAI NGHỊ QUYẾT 57-NQ/TW TRÊN ĐỊA BÀN ${commune.name.toUpperCase()}`], [attached]];
    case 2:
      return [
        [`ỦY BAN NHÂN DÂN ${commune.name.toUpperCase()}`, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
        ['PHỤ LỤC'],
        ['DANH MỤC NHIỆM VỤ NĂM 2025 - 2026'],
        [attached],
        [],
      ];
    default:
      return [['DANH MỤC NHIỆM VỤ'], [attached]];
  }
}

/** A short indicators sheet (Chỉ tiêu · Đơn vị tính · Kết quả · Cơ quan theo dõi), as in quang-son-phu-luc.xlsx. */
function indicatorRows(commune: Commune, rand: () => number): CellValue[][] {
  const rows: CellValue[][] = [
    ['Phụ lục I'],
    ['DANH MỤC CÁC CHỈ TIÊU CỤ THỂ'],
    [`(Kèm theo Kế hoạch của UBND ${commune.name})`],
    [],
    ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Kết quả', 'Cơ quan theo dõi'],
    ['I', 'Đến năm 2025'],
  ];
  INDICATORS.forEach(([name, unit, target], i) => {
    if (rand() < 0.8) rows.push([i + 1, name, unit, target, i % 2 ? 'Phòng Văn hóa - Xã hội' : 'Trung tâm Phục vụ hành chính công']);
  });
  return rows;
}

function writeSheet(wb: ExcelJS.Workbook, name: string, rows: CellValue[][], header: number, width: number): void {
  const ws = wb.addWorksheet(name);
  ws.columns = [{ width: 6 }, { width: 55 }, { width: 22 }, { width: 24 }, { width: 20 }, { width: 18 }, { width: 18 }];
  rows.forEach((r, ri) => {
    const row = ws.getRow(ri + 1);
    r.forEach((v, ci) => {
      if (v === null || v === undefined) return;
      const cell = row.getCell(ci + 1);
      cell.value = v as ExcelJS.CellValue;
      cell.font = { name: 'Times New Roman', size: 12, bold: ri < header };
      if (ri >= header) cell.alignment = { wrapText: true, vertical: 'top' };
    });
  });
  for (let r = 1; r < header; r++) if (rows[r - 1]?.length === 1) ws.mergeCells(r, 1, r, width);
}

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
      tasks: 40 + Math.floor(rand() * 31),
      seed: Number(commune.code),
      columns,
      continuationRate: 0.05,
      repeatHeaderEvery: rand() < 0.4 ? 25 : 0,
      commune: commune.name,
    });
    // generateAppendix puts a 4-row title block above the header: swap in this commune's shape.
    const title = titleBlock(commune, Math.floor(rand() * 4), 10 + Math.floor(rand() * 200));
    const rows = [...title, ...grid.rows.slice(4).map((r) => r.map((c) => c?.v ?? null))];
    const wb = new ExcelJS.Workbook();
    if (rand() < 0.3) writeSheet(wb, 'PL I - Chỉ tiêu', indicatorRows(commune, rand), 5, 5);
    writeSheet(wb, SHEETS[Math.floor(rand() * SHEETS.length)]!, rows, title.length + 1, columns);
    const file = path.join(dir, `${commune.code}-${i}.xlsx`);
    await wb.xlsx.writeFile(file);
    files.push(file);
    onFile?.(i + 1);
  }
  return files;
}

// The standard appendix as plain values: what the pane inserts when Excel cannot insert the .xlsx template
// (insertWorksheetsFromBase64 needs ExcelApi 1.13). Same layout as workbook/export/template.ts, without styles.
import groups from '../../../templates/nq57-groups.vi.json' with { type: 'json' };
import type { CellValue } from '../../../core/model/index.ts';
import { INDICATOR_TEMPLATE_HEADERS, TASK_TEMPLATE_HEADERS } from '../../../core/progress/index.ts';
import { intToRoman } from '../../../core/text/index.ts';

export type TemplateKind = 'tasks' | 'indicators';

export const TASK_HEADERS = TASK_TEMPLATE_HEADERS;
export const INDICATOR_HEADERS = INDICATOR_TEMPLATE_HEADERS;
const ROWS_PER_GROUP = 3;

/**
 * Title block, header (row 5) and the group rows, each followed by empty task rows.
 * @example templateValues('tasks', 2026)[4] // ['TT', 'Nội dung nhiệm vụ', …]
 */
export function templateValues(kind: TemplateKind, year: number): CellValue[][] {
  const headers = kind === 'tasks' ? TASK_HEADERS : INDICATOR_HEADERS;
  const width = headers.length;
  const line = (first: CellValue, second: CellValue = null): CellValue[] => [first, second, ...new Array<CellValue>(width - 2).fill(null)];
  const rows: CellValue[][] = [
    line(kind === 'tasks' ? 'PHỤ LỤC II' : 'PHỤ LỤC I'),
    line(kind === 'tasks' ? `DANH MỤC NHIỆM VỤ THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW NĂM ${year}` : `DANH MỤC CÁC CHỈ TIÊU CỤ THỂ NĂM ${year}`),
    line(`(Kèm theo Kế hoạch số      /KH-UBND ngày      tháng      năm ${year} của UBND xã …)`),
    line(null),
    [...headers],
  ];
  const sections = kind === 'tasks' ? groups.groups.map((g) => g.title) : [`Đến năm ${year}`, 'Đến năm 2030'];
  sections.forEach((title, i) => {
    rows.push(line(intToRoman(i + 1), title));
    for (let k = 0; k < ROWS_PER_GROUP; k++) rows.push(line(null));
  });
  return rows;
}

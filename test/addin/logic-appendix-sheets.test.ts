// appendixSheets: a plan read from a Word document (a real fixture) → template-like sheets, and the sheets read back to the same items.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendixSheets } from '../../addin/src/logic/appendix-sheets.ts';
import { agencyList, deadlineList, planYears } from '../../addin/src/logic/dropdowns.ts';
import { INDICATOR_TEMPLATE_HEADERS, TASK_TEMPLATE_HEADERS } from '../../core/progress/index.ts';
import { gridFromValues, type Appendix } from '../../core/model/index.ts';
import { readPlan } from '../../core/read/index.ts';
import { readDocx } from '../../workbook/docx/index.ts';
import { TEST_FIXTURES } from '../support/paths.ts';

const EMPTY10 = new Array(10).fill(null);
const line = (text: string) => [text, ...EMPTY10.slice(1)];
/** A group row: TT and content, its id in the hidden last column. */
const group = (tt: string, content: string, id: string) => [tt, content, ...EMPTY10.slice(3), id];

describe('appendixSheets', () => {
  it('lays a Word appendix out as the template: title, blank, header, groups and tasks in their role columns', async () => {
    const bytes = new Uint8Array(await readFile(path.join(TEST_FIXTURES, 'docx/cam-giang-danh-sach.docx')));
    const { plan } = readPlan(readDocx(bytes, { name: 'ke-hoach.docx' }).grids, { format: 'docx' });
    let n = 0;
    const sheets = appendixSheets(plan, () => `t${++n}`);
    expect(sheets).toEqual([
      {
        name: 'Phụ lục II',
        headerRow: 5,
        merges: ['A1:I1', 'A2:I2', 'A3:I3'],
        // The template's widths (characters, core's TEMPLATE_WIDTHS) in points, then the hidden id column's.
        widths: [35.25, 266.25, 119.25, 119.25, 119.25, 82.5, 82.5, 77.25, 135, 66.75],
        italicRows: [3],
        boldRows: [6, 9],
        hiddenColumns: [10],
        rules: {
          firstRow: 6,
          lastRow: 110,
          columns: { lead: 'C', partners: 'D', deadline: 'F' },
          lists: { agencies: agencyList(plan), deadlines: deadlineList(planYears(plan)) },
          status: {
            column: 'G',
            items: ['Chưa thực hiện', 'Đang thực hiện', 'Đã hoàn thành', 'Tạm dừng', 'Không thực hiện'],
            prompt: 'Chọn tình trạng thực hiện trong kỳ báo cáo.',
            error: 'Chọn một trong: Chưa thực hiện, Đang thực hiện, Đã hoàn thành, Tạm dừng, Không thực hiện.',
          },
          dateColumn: 'H',
        },
        values: [
          line('PHỤ LỤC II'),
          line('DANH MỤC NHIỆM VỤ PHÁT TRIỂN HẠ TẦNG SỐ NĂM 2025'),
          line('(Kèm theo Kế hoạch số 03/KH-UBND ngày 07 tháng 7 năm 2025 của UBND xã Cẩm Giàng)'),
          EMPTY10,
          [...TASK_TEMPLATE_HEADERS, 'phuluc-id'],
          group('I', 'Tăng cường đầu tư, phát triển hạ tầng cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số', 't1'),
          [
            '1',
            'Cân đối ngân sách của xã dành cho hoạt động khoa học công nghệ, đổi mới sáng tạo và chuyển đổi số phù hợp với khả năng ngân sách của xã.',
            'Phòng Kinh tế xã',
            'Các phòng, ban, ngành, đơn vị có liên quan',
            null,
            'Hàng năm',
            null,
            null,
            null,
            't2',
          ],
          [
            '2',
            'Triển khai cấp chứng thư số đến 100% cán bộ, công chức xã',
            'Phòng Văn hoá – Xã hội xã',
            'Các phòng, ban, ngành, đơn vị có liên quan',
            null,
            'Tháng 7/2025',
            null,
            null,
            null,
            't3',
          ],
          group('II', 'Thúc đẩy mạnh mẽ hoạt động khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trong doanh nghiệp', 't4'),
          [
            '1',
            'Xây dựng Mô hình nông nghiệp thông minh như: Triển khai thực hiện ứng dụng hệ thống tưới tự động trong nông nghiệp; Nhà kính thông minh.',
            'Phòng Kinh tế xã',
            null,
            null,
            'Giai đoạn 2025-2026',
            null,
            null,
            null,
            't5',
          ],
        ],
      },
    ]);
    // Read back as a sheet, the same items come out (what the Check tab sees after writing).
    const again = readPlan([gridFromValues('Phụ lục II', sheets[0]!.values)]).plan.appendices[0]!;
    const items = (p: Appendix | undefined) =>
      p!.rows.filter((r) => r.kind !== 'blank').map((r) => [r.kind, r.tt, r.fields.content, r.fields.lead ?? null]);
    expect(items(again)).toEqual(items(plan.appendices[0]));
  });

  it('an indicators table without a title gets the template title, its columns, and numbered names when several', () => {
    const grid = gridFromValues('Chỉ tiêu', [
      ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Kết quả', 'Cơ quan chủ trì theo dõi, đánh giá'],
      ['1', 'Tỷ lệ hồ sơ trực tuyến', '%', '80', 'Văn phòng'],
    ]);
    const { plan } = readPlan([grid, grid]);
    let n = 0;
    const sheets = appendixSheets(plan, () => `c${++n}`);
    expect(sheets.map((s) => s.name)).toEqual(['Phụ lục 1', 'Phụ lục 2']);
    expect(sheets[0]!.values.slice(3)).toEqual([
      [null, null, null, null, null, null, null],
      [...INDICATOR_TEMPLATE_HEADERS, 'phuluc-id'],
      ['1', 'Tỷ lệ hồ sơ trực tuyến', '%', '80', 'Văn phòng', null, 'c1'],
    ]);
    expect(sheets[0]!.values[0]).toEqual(['PHỤ LỤC I', null, null, null, null, null, null]);
    // The monitoring body's column reads the agencies; there is no status nor day column in an indicators table.
    expect({ ...sheets[0]!.rules, lists: undefined }).toEqual({ firstRow: 6, lastRow: 106, columns: { lead: 'E' }, lists: undefined });
    expect([sheets[0]!.hiddenColumns, sheets[0]!.italicRows, sheets[0]!.boldRows]).toEqual([[7], [3], []]);
  });
});

// Word documents written by python-docx and LibreOffice read to the same plan as the equivalent workbook or text.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { gridFromValues } from '../../../core/model/index.ts';
import type { Plan } from '../../../core/model/index.ts';
import { readPlan, textToGrid } from '../../../core/read/index.ts';
import { readDocx } from '../../../workbook/docx/index.ts';
import { readWorkbook } from '../../../workbook/xlsx/index.ts';
import { TCVN3_WORKBOOK, VNI_WORKBOOK, writeLegacyWorkbook } from '../../support/legacy-workbook.ts';
import { REPO_ROOT } from '../../support/paths.ts';
import { planSays } from '../../support/plan-says.ts';
import { unnamedPlan } from '../../support/unnamed-plan.ts';

const DOCX = path.join(REPO_ROOT, 'test/fixtures/docx');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'phuluc-docx-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const bytes = (file: string) => new Uint8Array(readFileSync(file));

function docxPlan(file: string): Plan {
  return readPlan(readDocx(bytes(path.join(DOCX, file)), { name: file }).grids).plan;
}

describe('a .docx reads to the same plan as its workbook', () => {
  it.each([
    ['python-docx: merges both ways, repeated and retyped header, split table, Word artifacts', 'cam-giang-ke-hoach.docx'],
    ['LibreOffice from HTML: rowspan/colspan, a two-row <thead>, <br> and <p> in cells, layout tables', 'cam-giang-libreoffice.docx'],
  ])('Cẩm Giàng (%s)', async (_, file) => {
    const wb = await readWorkbook(bytes(path.join(REPO_ROOT, 'test/fixtures/workbooks/cam-giang-phu-luc.xlsx')));
    const expected = planSays(readPlan(wb.sheets).plan);
    expect(expected[0]!.rows).toHaveLength(38);
    expect(planSays(docxPlan(file))).toEqual(expected);
  });

  it('Cẩm Giàng by LibreOffice: the two-row header kept with its merges and marked to repeat', () => {
    const read = readDocx(bytes(path.join(DOCX, 'cam-giang-libreoffice.docx')), { name: 'x.docx' });
    const grid = read.grids[0]!;
    expect(grid.rows.slice(3, 5).map((r) => r.map((c) => c?.v ?? null))).toEqual([
      ['TT', 'Nội dung', 'Cơ quan thực hiện', null, 'Thời gian\nhoàn thành'],
      [null, null, 'Chủ trì\nthực hiện', 'Phối hợp'],
    ]);
    expect(grid.merges.filter((m) => m.top === 4)).toEqual([
      { top: 4, left: 1, bottom: 5, right: 1 },
      { top: 4, left: 2, bottom: 5, right: 2 },
      { top: 4, left: 3, bottom: 4, right: 4 },
      { top: 4, left: 5, bottom: 5, right: 5 },
    ]);
    expect(read.headerRows).toEqual([4, 5]);
  });

  it('Cẩm Giàng: the header read through its merges and line breaks, marked rows noted, layout tables left out', () => {
    const read = readDocx(bytes(path.join(DOCX, 'cam-giang-ke-hoach.docx')), { name: 'cam-giang-ke-hoach.docx' });
    expect(read.grids.map((g) => g.sheet)).toEqual(['cam-giang-ke-hoach.docx']);
    expect(read.refused).toEqual([]);
    const grid = read.grids[0]!;
    const text = (r: number) => grid.rows[r - 1]!.map((c) => c?.v ?? null);
    expect(text(4)).toEqual(['TT', 'Nội dung', 'Cơ quan thực hiện', null, 'Thời gian\nhoàn thành']);
    expect(text(5)).toEqual([null, null, 'Chủ trì\nthực hiện', 'Phối hợp']);
    expect(grid.merges.filter((m) => m.top === 4)).toEqual([
      { top: 4, left: 1, bottom: 5, right: 1 },
      { top: 4, left: 2, bottom: 5, right: 2 },
      { top: 4, left: 3, bottom: 4, right: 4 },
      { top: 4, left: 5, bottom: 5, right: 5 },
    ]);
    // Both header rows of both halves of the split table are marked to repeat.
    expect(read.headerRows).toEqual([4, 5, 17, 18]);
    const plan = readPlan(read.grids).plan;
    expect(plan.appendices).toHaveLength(1);
    expect(plan.appendices[0]!.header.rows).toEqual([4, 5]);
  });

  it.each([
    ['TCVN3', 'phu-luc-tcvn3.docx', TCVN3_WORKBOOK],
    ['VNI', 'phu-luc-vni.docx', VNI_WORKBOOK],
  ] as const)('%s runs (LibreOffice from HTML) decode as the openpyxl workbook in the same fonts does', async (_, file, legacy) => {
    const out = path.join(tmp, `${legacy.encoding}.xlsx`);
    writeLegacyWorkbook(legacy, out);
    const expected = planSays(readPlan((await readWorkbook(bytes(out))).sheets).plan);
    expect(expected[0]!.rows.map((r) => r.fields.content)).toEqual([
      'HOÀN THIỆN THỂ CHẾ, CHÍNH SÁCH',
      'Rà soát, sửa đổi quy chế làm việc của UBND xã',
      'Xây dựng kế hoạch chuyển đổi số của xã',
      'ỨNG DỤNG CÔNG NGHỆ SỐ',
      'Triển khai dịch vụ công trực tuyến toàn trình',
      'Số hóa hồ sơ, tài liệu lưu trữ của xã',
      undefined,
    ]);
    expect(planSays(docxPlan(file))).toEqual(expected);
  });

  it('an appendix written as paragraphs reads as its text does (list form)', () => {
    const txt = readFileSync(path.join(DOCX, 'cam-giang-danh-sach.txt'), 'utf-8');
    const expected = planSays(readPlan([textToGrid('cam-giang-danh-sach.txt', txt)]).plan);
    expect(expected[0]!.rows.map((r) => r.kind)).toEqual(['group', 'task', 'task', 'group', 'task']);
    expect(planSays(docxPlan('cam-giang-danh-sach.docx'))).toEqual(expected);
  });

  it('an appendix written as paragraphs reads to the whole plan its lines typed down column A of a workbook (openpyxl) give', async () => {
    const wb = await readWorkbook(bytes(path.join(DOCX, 'cam-giang-danh-sach.xlsx')));
    const expected = readPlan(wb.sheets).plan;
    expect(expected.appendices.map((a) => a.rows.filter((r) => r.kind === 'task').length)).toEqual([3]);
    expect(unnamedPlan(docxPlan('cam-giang-danh-sach.docx'))).toEqual(unnamedPlan(expected));
  });

  it('a task whose TT and text are merged down two rows, each row with its own product, lead and deadline', () => {
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const tc = (t: string, pr = '') => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}<w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
    const [down, on] = ['<w:vMerge w:val="restart"/>', '<w:vMerge/>'];
    const row = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
    const xml =
      `<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>PHỤ LỤC I</w:t></w:r></w:p><w:tbl>` +
      row(tc('TT'), tc('Nội dung'), tc('Sản phẩm'), tc('Cơ quan chủ trì'), tc('Thời gian hoàn thành')) +
      row(tc('1', down), tc('Xây dựng kế hoạch chuyển đổi số', down), tc('Kế hoạch'), tc('Phòng Văn hóa - Xã hội'), tc('Quý III/2025')) +
      row(tc('', on), tc('', on), tc('Báo cáo kết quả'), tc('Văn phòng HĐND và UBND xã'), tc('Quý IV/2025')) +
      row(tc('2'), tc('Số hóa hồ sơ'), tc('Cơ sở dữ liệu'), tc('Công an xã'), tc('Năm 2026')) +
      `</w:tbl></w:body></w:document>`;
    const parts = unzipSync(bytes(path.join(DOCX, 'cam-giang-ke-hoach.docx')));
    const read = readDocx(zipSync({ ...parts, 'word/document.xml': strToU8(xml) }), { name: 'ke-hoach.docx' });
    // The same cells and merges typed on a sheet.
    const sheet = gridFromValues(
      'Phụ lục I',
      [
        ['PHỤ LỤC I'],
        ['TT', 'Nội dung', 'Sản phẩm', 'Cơ quan chủ trì', 'Thời gian hoàn thành'],
        ['1', 'Xây dựng kế hoạch chuyển đổi số', 'Kế hoạch', 'Phòng Văn hóa - Xã hội', 'Quý III/2025'],
        [null, null, 'Báo cáo kết quả', 'Văn phòng HĐND và UBND xã', 'Quý IV/2025'],
        ['2', 'Số hóa hồ sơ', 'Cơ sở dữ liệu', 'Công an xã', 'Năm 2026'],
      ],
      [
        { top: 3, left: 1, bottom: 4, right: 1 },
        { top: 3, left: 2, bottom: 4, right: 2 },
      ],
    );
    expect(read.grids.map((g) => ({ rows: g.rows.map((r) => r.map((c) => c?.v ?? null)), merges: g.merges }))).toEqual([
      { rows: sheet.rows.map((r) => r.map((c) => c?.v ?? null)), merges: sheet.merges },
    ]);
    expect(planSays(readPlan(read.grids).plan)).toEqual(planSays(readPlan([sheet]).plan));
  });
});

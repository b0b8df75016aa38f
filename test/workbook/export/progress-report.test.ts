// A commune's periodic report workbook, read back with exceljs (every sheet's table as a whole), then printed through
// LibreOffice: A4 landscape, heading block and signature, the header row on every page, no row too short for its text.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../core/model/index.ts';
import { taskRows, type IndicatorActual, type TaskProgress } from '../../../core/progress/index.ts';
import { loadPlan } from '../../../cli/load-plan.ts';
import { HEADER_ROW } from '../../../workbook/export/consolidated-sheet.ts';
import { progressReportXlsx, reportTitle, reportUnit } from '../../../workbook/export/progress-report.ts';
import { planOf } from '../../core/consolidate/plan-builder.ts';
import { fixture } from '../../support/paths.ts';
import { isA4Landscape, pagePngs, pageSizes, pageTexts, printToPdf } from '../../support/print.ts';
import { rowsTooShort } from '../../support/row-fit.ts';

const dir = await mkdtemp(path.join(tmpdir(), 'phuluc-bao-cao-'));

/** The plan: group 3 first in the plan (the report lists group 1 first), an indicator table. */
function plan(): Plan {
  const p = planOf({
    groups: [
      {
        heading: 'Tăng cường đầu tư, hoàn thiện hạ tầng',
        tasks: [
          { content: 'Lắp đặt wifi công cộng', lead: 'Văn phòng HĐND và UBND', deadline: 'Quý I/2026' },
          { content: 'Nâng cấp đường truyền', lead: 'Phòng Kinh tế', deadline: 'Tháng 3/2026' },
        ],
      },
      {
        heading: 'Nâng cao nhận thức, đột phá về đổi mới tư duy',
        tasks: [
          { content: 'Tuyên truyền Nghị quyết 57', lead: 'Phòng Văn hóa - Xã hội', deadline: 'Tháng 5/2026' },
          { content: 'Sơ kết 1 năm', lead: 'Phòng Văn hóa - Xã hội', deadline: 'Quý IV/2026' },
          { content: '=Hội thi tìm hiểu', lead: '', deadline: 'Quý II/2026' },
        ],
      },
    ],
    indicators: [
      {
        heading: 'Chỉ tiêu năm 2026',
        items: [
          { content: 'Tỷ lệ hồ sơ trực tuyến', unit: '%', target: '≥ 70%' },
          { content: 'Số vụ mất an toàn thông tin', unit: 'vụ', target: 'Không quá 3' },
          { content: 'Xã đạt chuẩn chuyển đổi số', unit: '', target: 'Đạt chuẩn' },
          { content: 'Số thủ tục liên thông', unit: 'thủ tục', target: '10' },
          { content: 'Tỷ lệ hộ dùng thanh toán số', unit: '', target: 'Trên 80%' },
        ],
      },
    ],
    year: 2026,
  });
  p.reference = { ...p.reference, documentNumber: '03/KH-UBND', issuer: 'UBND xã Cẩm Giàng', commune: 'Cẩm Giàng' };
  taskRows(p).forEach((r, i) => (r.id = `t${i + 1}`));
  p.appendices[1]!.rows.filter((r) => r.kind === 'indicator').forEach((r, i) => (r.id = `c${i + 1}`));
  return p;
}

const ENTRIES: TaskProgress[] = [
  {
    taskId: 't1',
    period: '2026-H1',
    status: 'done',
    completedOn: '2026-03-20',
    achieved: 'Đã lắp 5 điểm wifi',
    evidence: 'Quyết định số 12/QĐ-UBND',
    obstacles: '=Thiếu kinh phí',
    highlights: 'Xã đầu tiên phủ wifi',
  },
  { taskId: 't2', period: '2026-H1', status: 'in-progress', reason: 'Chờ vốn của tỉnh', proposals: 'Đề nghị tỉnh bố trí vốn' },
  { taskId: 't3', period: '2026-H1', status: 'done', completedOn: '2026-06-10', achieved: 'Tổ chức 3 hội nghị' },
  { taskId: 't5', period: '2026-H1', status: 'paused', reason: 'Chờ sắp xếp đơn vị', obstacles: 'Thiếu người phụ trách' },
];
const ACTUALS: IndicatorActual[] = [
  { indicatorId: 'c1', period: '2026-H1', value: 72.5, mode: 'cumulative', note: 'Tính đến 30/6' },
  { indicatorId: 'c2', period: '2026-H1', value: 5, mode: 'within-period' },
  { indicatorId: 'c3', period: '2026-H1', value: 'Đạt', mode: 'cumulative' },
  { indicatorId: 'c5', period: '2026-H1', value: 85, mode: 'cumulative' },
];

/** Cell values as a reader sees them: dates as dd/mm/yyyy, empty cells as ''. */
function plain(v: ExcelJS.CellValue): string | number {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10).split('-').reverse().join('/');
  if (typeof v === 'number' || typeof v === 'string') return v;
  return JSON.stringify(v);
}

/** The table of a sheet: the header row and every row under it up to the signature block, as plain values. */
function table(ws: ExcelJS.Worksheet, width: number): (string | number)[][] {
  const out: (string | number)[][] = [];
  for (let r = HEADER_ROW; r <= ws.rowCount; r++) {
    const values = Array.from({ length: width }, (_, c) => {
      const cell = ws.getRow(r).getCell(c + 1);
      // A merged band is read once, from its first cell.
      return cell.isMerged && cell.master !== cell ? '' : plain(cell.value);
    });
    if (values[0] === '' && values.slice(1).every((v) => v === '')) break;
    out.push(values);
  }
  return out;
}

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

describe('the commune report workbook', async () => {
  const bytes = await progressReportXlsx({ plan: plan(), entries: ENTRIES, actuals: ACTUALS, period: '2026-H1', asOf: '2026-06-30' });
  const wb = await read(bytes);

  it('has its sheets in order, each under the heading block with the report title and what it holds', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Tổng hợp',
      'Nhiệm vụ',
      'Chỉ tiêu',
      'Kết quả nổi bật',
      'Khó khăn, vướng mắc',
      'Đề xuất, kiến nghị',
    ]);
    const ws = wb.getWorksheet('Nhiệm vụ')!;
    const heads = Array.from({ length: HEADER_ROW - 1 }, (_, i) => {
      const out: unknown[] = [];
      ws.getRow(i + 1).eachCell((cell) => {
        if (!cell.isMerged || cell.master === cell) out.push(cell.value);
      });
      return out;
    });
    expect(heads).toEqual([
      ['UBND XÃ CẨM GIÀNG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      ['—————', 'Độc lập - Tự do - Hạnh phúc'],
      ['———————————————'],
      ['Cẩm Giàng, ngày …… tháng …… năm 2026'],
      [],
      ['BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH SỐ 03/KH-UBND 6 THÁNG ĐẦU NĂM 2026'],
      ['Tình hình thực hiện các nhiệm vụ (tính đến ngày 30/06/2026)'],
      ['(Kèm theo ………… số ……/…… ngày …… tháng …… năm ……)'],
      [],
    ]);
    expect(ws.getCell('A1').font?.name).toBe('Times New Roman');
  });

  it('counts the tasks per category and the indicators per verdict', () => {
    expect(table(wb.getWorksheet('Tổng hợp')!, 4)).toEqual([
      ['STT', 'Nội dung', 'Số lượng', 'Tỷ lệ'],
      ['NHIỆM VỤ', '', '', ''],
      ['', 'Tổng số nhiệm vụ', 5, '100%'],
      [1, 'Hoàn thành đúng hạn', 1, '20%'],
      [2, 'Hoàn thành quá hạn', 1, '20%'],
      [3, 'Đang thực hiện trong hạn', 0, '0%'],
      [4, 'Quá hạn chưa hoàn thành', 1, '20%'],
      [5, 'Chưa đến hạn', 1, '20%'],
      [6, 'Không xác định hạn', 0, '0%'],
      [7, 'Tạm dừng', 1, '20%'],
      [8, 'Không thực hiện', 0, '0%'],
      ['', 'Trong đó: nhiệm vụ chưa có báo cáo tiến độ', 1, '20%'],
      ['CHỈ TIÊU', '', '', ''],
      ['', 'Tổng số chỉ tiêu', 5, '100%'],
      [1, 'Đạt', 2, '40%'],
      [2, 'Chưa đạt', 1, '20%'],
      [3, 'Chưa đánh giá được', 2, '40%'],
    ]);
  });

  it('lists the tasks by NQ57 group with status, completion, result, reason and category; formulas neutralized', () => {
    expect(table(wb.getWorksheet('Nhiệm vụ')!, 9)).toEqual([
      [
        'TT',
        'Nội dung',
        'Cơ quan chủ trì',
        'Thời gian hoàn thành',
        'Tình trạng',
        'Ngày hoàn thành',
        'Kết quả đạt được',
        'Lý do chậm/tạm dừng',
        'Phân loại',
      ],
      ['Nhóm nhiệm vụ 1: Nhận thức, tư duy', '', '', '', '', '', '', '', ''],
      [
        '1',
        'Tuyên truyền Nghị quyết 57',
        'Phòng Văn hóa - Xã hội',
        'Tháng 5/2026',
        'Đã hoàn thành',
        '10/06/2026',
        'Tổ chức 3 hội nghị',
        '',
        'Hoàn thành quá hạn',
      ],
      ['2', 'Sơ kết 1 năm', 'Phòng Văn hóa - Xã hội', 'Quý IV/2026', 'Chưa báo cáo', '', '', '', 'Chưa đến hạn'],
      ['3', "'=Hội thi tìm hiểu", '', 'Quý II/2026', 'Tạm dừng', '', '', 'Chờ sắp xếp đơn vị', 'Tạm dừng'],
      ['Nhóm nhiệm vụ 3: Hạ tầng', '', '', '', '', '', '', '', ''],
      [
        '1',
        'Lắp đặt wifi công cộng',
        'Văn phòng HĐND và UBND',
        'Quý I/2026',
        'Đã hoàn thành',
        '20/03/2026',
        'Đã lắp 5 điểm wifi\nTài liệu kiểm chứng: Quyết định số 12/QĐ-UBND',
        '',
        'Hoàn thành đúng hạn',
      ],
      [
        '2',
        'Nâng cấp đường truyền',
        'Phòng Kinh tế',
        'Tháng 3/2026',
        'Đang thực hiện',
        '',
        '',
        'Chờ vốn của tỉnh',
        'Quá hạn chưa hoàn thành',
      ],
    ]);
  });

  it('judges each indicator against its target, with the rule it was judged by', () => {
    expect(table(wb.getWorksheet('Chỉ tiêu')!, 7)).toEqual([
      ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Chỉ tiêu đề ra', 'Thực hiện', 'Đánh giá', 'Ghi chú'],
      ['1', 'Tỷ lệ hồ sơ trực tuyến', '%', '≥ 70%', '72,5', 'Đạt (≥ 70%)', 'Tính đến 30/6'],
      ['2', 'Số vụ mất an toàn thông tin', 'vụ', 'Không quá 3', '5', 'Chưa đạt (≤ 3)', ''],
      ['3', 'Xã đạt chuẩn chuyển đổi số', '', 'Đạt chuẩn', 'Đạt', 'Chưa đánh giá được', ''],
      ['4', 'Số thủ tục liên thông', 'thủ tục', '10', '', 'Chưa đánh giá được', ''],
      ['5', 'Tỷ lệ hộ dùng thanh toán số', '', 'Trên 80%', '85%', 'Đạt (≥ 80%)', ''],
    ]);
  });

  it('lists the highlights, obstacles and proposals by group; an empty list says so', () => {
    const lists = ['Kết quả nổi bật', 'Khó khăn, vướng mắc', 'Đề xuất, kiến nghị'].map((name) => table(wb.getWorksheet(name)!, 4));
    expect(lists).toEqual([
      [
        ['STT', 'TT nhiệm vụ', 'Nhiệm vụ', 'Kết quả nổi bật'],
        ['Nhóm nhiệm vụ 3: Hạ tầng', '', '', ''],
        [1, '1', 'Lắp đặt wifi công cộng', 'Xã đầu tiên phủ wifi'],
      ],
      [
        ['STT', 'TT nhiệm vụ', 'Nhiệm vụ', 'Khó khăn, vướng mắc'],
        ['Nhóm nhiệm vụ 1: Nhận thức, tư duy', '', '', ''],
        [1, '3', "'=Hội thi tìm hiểu", 'Thiếu người phụ trách'],
        ['Nhóm nhiệm vụ 3: Hạ tầng', '', '', ''],
        [2, '1', 'Lắp đặt wifi công cộng', "'=Thiếu kinh phí"],
      ],
      [
        ['STT', 'TT nhiệm vụ', 'Nhiệm vụ', 'Đề xuất, kiến nghị'],
        ['Nhóm nhiệm vụ 3: Hạ tầng', '', '', ''],
        [1, '2', 'Nâng cấp đường truyền', 'Đề nghị tỉnh bố trí vốn'],
      ],
    ]);
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((cell) => expect(cell.formula, cell.address).toBeUndefined()));
  });

  it('reads in English with --lang en words', async () => {
    const en = await read(
      await progressReportXlsx({ plan: plan(), entries: [], period: '2026-H1', asOf: '2026-06-30', lang: 'en', commune: 'Xã Cẩm Giàng' }),
    );
    expect(en.worksheets.map((w) => w.name)).toEqual(['Summary', 'Tasks', 'Indicators', 'Highlights', 'Obstacles', 'Proposals']);
    expect(en.getWorksheet('Tasks')!.getCell('A6').value).toBe('REPORT ON THE IMPLEMENTATION OF PLAN No. 03/KH-UBND, FIRST HALF OF 2026');
    expect(table(en.getWorksheet('Obstacles')!, 4)).toEqual([
      ['No.', 'Task No.', 'Task', 'Obstacles'],
      ['No obstacles were reported.', '', '', ''],
    ]);
  });
});

describe('the report unit and title', () => {
  it('names the commune from the title block, or as given, and the plan by its number when known', () => {
    const p = plan();
    const bare = planOf({ groups: [] });
    expect([reportUnit(p), reportUnit(p, 'Phường Hải An'), reportUnit(bare)]).toEqual(['Xã Cẩm Giàng', 'Phường Hải An', undefined]);
    expect([reportTitle(p, '2026-Q1', 'vi'), reportTitle(bare, '2026', 'vi')]).toEqual([
      'BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH SỐ 03/KH-UBND QUÝ I NĂM 2026',
      'BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW NĂM 2026',
    ]);
  });
});

/** Text compared without its spaces: pdftotext splits some Vietnamese words. */
const bare = (s: string) => s.normalize('NFC').replace(/\s+/g, '');

describe('the commune report of a real plan, printed', async () => {
  // Cẩm Giàng's published appendix (34 tasks of long text): the task sheet runs over several pages.
  const { plan: real } = await loadPlan(fixture('cam-giang-phu-luc.xlsx'));
  const rows = taskRows(real);
  rows.forEach((r, i) => (r.id = `t${i + 1}`));
  const entries: TaskProgress[] = rows.map((r, i) => ({
    taskId: r.id!,
    period: '2026-H1',
    status: i % 3 === 0 ? 'done' : i % 3 === 1 ? 'in-progress' : 'not-started',
    ...(i % 3 === 0 ? { completedOn: '2026-05-15', achieved: 'Đã ban hành kế hoạch và tổ chức triển khai đến các thôn, tổ dân phố' } : {}),
    ...(i % 4 === 0 ? { obstacles: 'Kinh phí còn hạn chế; một số cán bộ chưa được đào tạo về chuyển đổi số' } : {}),
  }));
  const file = path.join(dir, 'bao-cao.xlsx');
  await writeFile(file, await progressReportXlsx({ plan: real, entries, period: '2026-H1', asOf: '2026-06-30' }));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const pdf = await printToPdf(file);
  const texts = await pageTexts(pdf);
  const sizes = await pageSizes(pdf);
  await pagePngs(pdf, 'bao-cao-tien-do', 1, texts.length);
  const taskStart = texts.findIndex((t) => bare(t).includes(bare('Tình hình thực hiện các nhiệm vụ')));
  const taskEnd = texts.findIndex((t) => bare(t).includes(bare('Kết quả thực hiện các chỉ tiêu')));

  it('prints every page A4 landscape, numbered', () => {
    expect(sizes.length).toBe(texts.length);
    expect(sizes.filter((s) => !isA4Landscape(s))).toEqual([]);
    texts.forEach((t, i) => expect(bare(t), `page ${i + 1}`).toContain(bare(`Trang ${i + 1}/${texts.length}`)));
  });

  it('starts with the heading block and repeats the task header on every page of the task sheet', () => {
    const first = bare(texts[0]!);
    for (const line of ['UBND XÃ CẨM GIÀNG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Cẩm Giàng, ngày'])
      expect(first).toContain(bare(line));
    expect(first).toContain(bare('BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH SỐ 03/KH-UBND 6 THÁNG ĐẦU NĂM 2026'));
    expect(taskEnd - taskStart).toBeGreaterThan(2);
    for (let p = taskStart; p < taskEnd; p++)
      for (const h of ['Cơ quan chủ trì', 'Tình trạng', 'Kết quả đạt được', 'Phân loại'])
        expect(bare(texts[p]!), `page ${p + 1}`).toContain(bare(h));
    expect(bare(texts[taskEnd - 1]!)).toContain(bare('THỦ TRƯỞNG ĐƠN VỊ'));
    expect(bare(texts.at(-1)!)).toContain(bare('NGƯỜI LẬP BIỂU'));
  });

  it('has no row whose text needs more lines than its height shows', () => {
    for (const ws of wb.worksheets) expect(rowsTooShort(ws), ws.name).toEqual([]);
  });
});

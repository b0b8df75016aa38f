// The province's progress summary workbook, read back with exceljs (every sheet's table whole), then a summary of all
// the communes of Hải Phòng printed through LibreOffice: A4 landscape, heading block and signature, the header row
// on every page of the long count table, no row too short for its text.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ProvinceProgress, ReportStatus } from '../../../core/api/index.ts';
import { GROUP_COLUMNS } from '../../../core/consolidate/index.ts';
import { COMMUNES } from '../../../core/dvhc.ts';
import { PROGRESS_CATEGORIES, type ProgressCategory } from '../../../core/progress/index.ts';
import { HEADER_ROW } from '../../../workbook/export/consolidated-sheet.ts';
import { progressSummaryXlsx } from '../../../workbook/export/progress-summary.ts';
import { isA4Landscape, pagePngs, pageSizes, pageTexts, printToPdf } from '../../support/print.ts';
import { rowsTooShort } from '../../support/row-fit.ts';

type Counts = NonNullable<ProvinceProgress['communes'][number]['counts']>;

/** Counts from the eight category numbers in PROGRESS_CATEGORIES order. */
function counts(n: number[], reported: number, overdueByLead: Counts['overdueByLead']): Counts {
  const byCategory = Object.fromEntries(PROGRESS_CATEGORIES.map((c, i) => [c, n[i] ?? 0])) as Record<ProgressCategory, number>;
  const tasks = n.reduce((a, b) => a + b, 0);
  return { tasks, reported, unreported: tasks - reported, byCategory, overdueByLead, unmatchedTasks: 0 };
}

function status(state: ReportStatus['state'], extra: Partial<ReportStatus> = {}): ReportStatus {
  return {
    period: '2026-H1',
    state,
    seq: state === 'not-reported' ? null : 2,
    nothingToReport: false,
    locked: false,
    cutoff: '2026-07-10',
    reopenedUntil: null,
    returnReason: null,
    lastSent: null,
    ...extra,
  };
}

const g = (n: number) => GROUP_COLUMNS[n - 1]!;
const VP = 'Văn phòng HĐND và UBND';
const VH = 'Phòng Văn hóa - Xã hội';

const DATA: ProvinceProgress = {
  province: { code: '31', name: 'Thành phố Hải Phòng' },
  planKey: 'NQ57-2026',
  period: '2026-H1',
  periodLabel: '6 tháng đầu năm 2026',
  asOf: '2026-06-30',
  total: counts([4, 1, 2, 5, 6, 1, 1, 0], 11, [
    { lead: VP, overdue: 3 },
    { lead: VH, overdue: 2 },
    { lead: '', overdue: 1 },
  ]),
  communes: [
    {
      code: '10903',
      name: 'Xã Cẩm Giàng',
      submittedPlan: true,
      report: status('submitted'),
      counts: counts([3, 1, 1, 3, 2, 1, 1, 0], 9, [
        { lead: VP, overdue: 2 },
        { lead: VH, overdue: 2 },
      ]),
    },
    {
      code: '10888',
      name: 'Xã Quang Sơn',
      submittedPlan: true,
      report: status('accepted', { nothingToReport: true }),
      counts: counts([1, 0, 1, 2, 2, 0, 0, 0], 2, [
        { lead: VP, overdue: 1 },
        { lead: '', overdue: 1 },
      ]),
    },
    {
      code: '10525',
      name: 'Phường Hải An',
      submittedPlan: true,
      report: status('not-reported', { reopenedUntil: '2026-07-20' }),
      counts: counts([0, 0, 0, 0, 2, 0, 0, 0], 0, []),
    },
    { code: '10526', name: 'Xã Tân Tiến', submittedPlan: false, report: status('not-reported'), counts: null },
  ],
  notReported: [{ code: '10525', name: 'Phường Hải An' }],
  followUps: {
    highlights: [
      {
        communeCode: '10903',
        communeName: 'Xã Cẩm Giàng',
        tt: '1',
        content: 'Tuyên truyền Nghị quyết 57',
        group: g(1),
        text: 'Tổ chức 5 hội nghị',
      },
    ],
    obstacles: [
      { communeCode: '10888', communeName: 'Xã Quang Sơn', tt: '2', content: 'Đầu tư hạ tầng số', group: g(3), text: 'Thiếu kinh phí' },
      { communeCode: '10903', communeName: 'Xã Cẩm Giàng', tt: '4', content: 'Đào tạo cán bộ', group: g(4), text: '+Thiếu giảng viên' },
      {
        communeCode: '10903',
        communeName: 'Xã Cẩm Giàng',
        tt: '1',
        content: '@Tuyên truyền',
        group: g(1),
        text: 'Người dân chưa quan tâm',
      },
    ],
    proposals: [],
  },
};

function plain(v: ExcelJS.CellValue): string | number {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'string') return v;
  return JSON.stringify(v);
}

/** The header row and every row under it up to the signature block (a blank row before totals is skipped). */
function table(ws: ExcelJS.Worksheet): (string | number)[][] {
  const width = (ws.getRow(HEADER_ROW).values as unknown[]).length - 1;
  const out: (string | number)[][] = [];
  let blank = 0;
  for (let r = HEADER_ROW; r <= ws.rowCount && blank < 2; r++) {
    const values = Array.from({ length: width }, (_, c) => {
      const cell = ws.getRow(r).getCell(c + 1);
      return cell.isMerged && cell.master !== cell ? '' : plain(cell.value);
    });
    if (values.every((v) => v === '')) blank++;
    else {
      // The signature block starts at the first bold heading-looking row with no border.
      if (ws.getRow(r).getCell(1).border?.top === undefined && values.some((v) => v === 'NGƯỜI LẬP BIỂU' || v === 'PREPARED BY')) break;
      blank = 0;
      out.push(values);
    }
  }
  return out;
}

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

describe('the province progress summary workbook', async () => {
  const wb = await read(await progressSummaryXlsx(DATA, { lang: 'vi', generatedAt: '2027-01-05T03:00:00Z' }));

  it('has its sheets in order under the heading block naming the province and the period', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Tổng hợp',
      'Quá hạn theo cơ quan',
      'Kết quả nổi bật',
      'Khó khăn, vướng mắc',
      'Đề xuất, kiến nghị',
      'Chưa báo cáo',
    ]);
    const ws = wb.getWorksheet('Tổng hợp')!;
    const heads = Array.from({ length: HEADER_ROW - 1 }, (_, i) => {
      const out: unknown[] = [];
      ws.getRow(i + 1).eachCell((cell) => {
        if (!cell.isMerged || cell.master === cell) out.push(cell.value);
      });
      return out;
    });
    expect(heads).toEqual([
      ['UBND THÀNH PHỐ HẢI PHÒNG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      ['—————', 'Độc lập - Tự do - Hạnh phúc'],
      ['———————————————'],
      ['Hải Phòng, ngày …… tháng …… năm 2027'],
      [],
      [
        'TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW CỦA CẤP XÃ TRÊN ĐỊA BÀN THÀNH PHỐ HẢI PHÒNG 6 THÁNG ĐẦU NĂM 2026',
      ],
      ['Số nhiệm vụ theo phân loại của từng xã, phường (tính đến ngày 30/06/2026)'],
      ['(Kèm theo ………… số ……/…… ngày …… tháng …… năm ……)'],
      [],
    ]);
  });

  it('counts the tasks of each commune per category, with the total row', () => {
    expect(table(wb.getWorksheet('Tổng hợp')!)).toEqual([
      [
        'STT',
        'Xã/phường',
        'Báo cáo kỳ này',
        'Tổng số nhiệm vụ',
        'Hoàn thành đúng hạn',
        'Hoàn thành quá hạn',
        'Đang thực hiện trong hạn',
        'Quá hạn chưa hoàn thành',
        'Chưa đến hạn',
        'Không xác định hạn',
        'Tạm dừng',
        'Không thực hiện',
        'Nhiệm vụ chưa có báo cáo tiến độ',
      ],
      [1, 'Xã Cẩm Giàng', 'Đã gửi', 12, 3, 1, 1, 3, 2, 1, 1, 0, 3],
      [2, 'Xã Quang Sơn', 'Đã chấp nhận (không phát sinh)', 6, 1, 0, 1, 2, 2, 0, 0, 0, 4],
      [3, 'Phường Hải An', 'Chưa báo cáo', 2, 0, 0, 0, 0, 2, 0, 0, 0, 2],
      [4, 'Xã Tân Tiến', 'Chưa nộp kế hoạch', '', '', '', '', '', '', '', '', '', ''],
      ['', 'Tổng cộng', '', 20, 4, 1, 2, 5, 6, 1, 1, 0, 9],
    ]);
  });

  it('lists the overdue tasks per lead agency with the communes they are in, and their number', () => {
    expect(table(wb.getWorksheet('Quá hạn theo cơ quan')!)).toEqual([
      ['STT', 'Cơ quan chủ trì', 'Số nhiệm vụ quá hạn chưa hoàn thành', 'Xã, phường có nhiệm vụ quá hạn (số nhiệm vụ)'],
      [1, VP, 3, 'Xã Cẩm Giàng (2), Xã Quang Sơn (1)'],
      [2, VH, 2, 'Xã Cẩm Giàng (2)'],
      [3, '(Không ghi cơ quan chủ trì)', 1, 'Xã Quang Sơn (1)'],
      ['', 'Tổng số nhiệm vụ quá hạn chưa hoàn thành', 5, ''],
    ]);
  });

  it('lists the follow-ups by commune and NQ57 group, formulas neutralized; an empty list says so', () => {
    const header = (last: string) => ['STT', 'Xã/phường', 'Nhóm nhiệm vụ', 'TT', 'Nhiệm vụ', last];
    expect(['Kết quả nổi bật', 'Khó khăn, vướng mắc', 'Đề xuất, kiến nghị'].map((n) => table(wb.getWorksheet(n)!))).toEqual([
      [header('Kết quả nổi bật'), [1, 'Xã Cẩm Giàng', '1. Nhận thức, tư duy', '1', 'Tuyên truyền Nghị quyết 57', 'Tổ chức 5 hội nghị']],
      [
        header('Khó khăn, vướng mắc'),
        [1, 'Xã Cẩm Giàng', '1. Nhận thức, tư duy', '1', "'@Tuyên truyền", 'Người dân chưa quan tâm'],
        [2, 'Xã Cẩm Giàng', '4. Nhân lực, nhân tài', '4', 'Đào tạo cán bộ', "'+Thiếu giảng viên"],
        [3, 'Xã Quang Sơn', '3. Hạ tầng', '2', 'Đầu tư hạ tầng số', 'Thiếu kinh phí'],
      ],
      [header('Đề xuất, kiến nghị'), ['Không có đề xuất, kiến nghị được báo cáo.', '', '', '', '', '']],
    ]);
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((cell) => expect(cell.formula, cell.address).toBeUndefined()));
  });

  it('lists the communes that have not reported, then those without a plan', () => {
    expect(table(wb.getWorksheet('Chưa báo cáo')!)).toEqual([
      ['STT', 'Mã xã', 'Xã/phường', 'Ghi chú'],
      [1, '10525', 'Phường Hải An', 'Được mở lại đến 20/07/2026'],
      [2, '10526', 'Xã Tân Tiến', 'Chưa nộp kế hoạch'],
    ]);
  });

  it('reads in English', async () => {
    const en = await read(await progressSummaryXlsx({ ...DATA, notReported: [], communes: DATA.communes.slice(0, 2) }, { lang: 'en' }));
    expect(en.worksheets.map((w) => w.name)).toEqual([
      'Summary',
      'Overdue by agency',
      'Highlights',
      'Obstacles',
      'Proposals',
      'Not reported',
    ]);
    expect(en.getWorksheet('Summary')!.getCell('A6').value).toBe(
      'PROGRESS OF COMMUNE PLANS IMPLEMENTING RESOLUTION 57-NQ/TW IN THÀNH PHỐ HẢI PHÒNG, FIRST HALF OF 2026',
    );
    expect(table(en.getWorksheet('Not reported')!)).toEqual([
      ['No.', 'Commune code', 'Commune', 'Note'],
      ['Every commune has reported.', '', '', ''],
    ]);
  });
});

const bare = (s: string) => s.normalize('NFC').replace(/\s+/g, '');

describe('the summary of every commune of Hải Phòng, printed', async () => {
  const communes = COMMUNES.filter((c) => c.provinceCode === '31');
  const lines = communes.map((c, i) => {
    const n = [i % 4, i % 2, i % 3, i % 5, 3, i % 2, 0, i % 7 === 0 ? 1 : 0];
    return {
      code: c.code,
      name: c.name,
      submittedPlan: i % 9 !== 0,
      report: status(i % 3 === 0 ? 'not-reported' : 'submitted'),
      counts: i % 9 !== 0 ? counts(n, 2, i % 5 === 0 ? [] : [{ lead: i % 2 ? VP : VH, overdue: i % 5 }]) : null,
    };
  });
  const data: ProvinceProgress = {
    ...DATA,
    total: counts([200, 60, 120, 150, 300, 60, 0, 16], 500, [
      { lead: VP, overdue: 80 },
      { lead: VH, overdue: 70 },
    ]),
    communes: lines,
    notReported: lines.filter((l) => l.submittedPlan && l.report.state === 'not-reported').map((l) => ({ code: l.code, name: l.name })),
    followUps: {
      ...DATA.followUps,
      obstacles: communes.slice(0, 40).map((c, i) => ({
        communeCode: c.code,
        communeName: c.name,
        tt: String(i + 1),
        content: 'Triển khai nền tảng số phục vụ người dân, doanh nghiệp trên địa bàn xã',
        group: g((i % 7) + 1),
        text: 'Kinh phí còn hạn chế; đội ngũ cán bộ phụ trách chuyển đổi số kiêm nhiệm, chưa được đào tạo chuyên sâu',
      })),
    },
  };
  const dir = await mkdtemp(path.join(tmpdir(), 'phuluc-tong-hop-tien-do-'));
  const file = path.join(dir, 'tong-hop-tien-do.xlsx');
  await writeFile(file, await progressSummaryXlsx(data, { lang: 'vi' }));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const pdf = await printToPdf(file);
  const texts = await pageTexts(pdf);
  const sizes = await pageSizes(pdf);
  await pagePngs(pdf, 'tong-hop-tien-do', 1, texts.length);
  const start = (caption: string) => texts.findIndex((t) => bare(t).includes(bare(caption)));
  const countsEnd = start('Nhiệm vụ quá hạn chưa hoàn thành theo cơ quan chủ trì');

  it('prints every page A4 landscape, numbered', () => {
    expect(communes.length).toBeGreaterThan(100);
    expect(sizes.length).toBe(texts.length);
    expect(sizes.filter((s) => !isA4Landscape(s))).toEqual([]);
    texts.forEach((t, i) => expect(bare(t), `page ${i + 1}`).toContain(bare(`Trang ${i + 1}/${texts.length}`)));
  });

  it('opens with the heading block, repeats the count header on every page, signs at the end of each sheet', () => {
    for (const line of ['UBND THÀNH PHỐ HẢI PHÒNG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Hải Phòng, ngày', '6 THÁNG ĐẦU NĂM 2026'])
      expect(bare(texts[0]!)).toContain(bare(line));
    expect(countsEnd).toBeGreaterThan(2);
    // A wrapped header's words may come apart in the text of the page: each word is looked for.
    const words = ['Xã/phường', 'Báo cáo kỳ này', 'Quá hạn chưa hoàn thành', 'Tạm dừng'].flatMap((h) => h.split(' '));
    for (let p = 0; p < countsEnd; p++) for (const w of words) expect(bare(texts[p]!), `page ${p + 1}: ${w}`).toContain(bare(w));
    expect(bare(texts[countsEnd - 1]!)).toContain(bare('Tổng cộng'));
    expect(bare(texts[countsEnd - 1]!)).toContain(bare('THỦ TRƯỞNG ĐƠN VỊ'));
    const obstacles = start('Khó khăn, vướng mắc của các xã, phường theo nhóm nhiệm vụ');
    const proposals = start('Đề xuất, kiến nghị của các xã, phường theo nhóm nhiệm vụ');
    expect(proposals - obstacles).toBeGreaterThan(1);
    for (let p = obstacles; p < proposals; p++) expect(bare(texts[p]!), `page ${p + 1}`).toContain(bare('Khó khăn, vướng mắc'));
    expect(bare(texts.at(-1)!)).toContain(bare('NGƯỜI LẬP BIỂU'));
  });

  it('has no row whose text needs more lines than its height shows', () => {
    for (const ws of wb.worksheets) expect(rowsTooShort(ws), ws.name).toEqual([]);
  });
});

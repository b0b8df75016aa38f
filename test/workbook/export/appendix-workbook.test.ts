// The standard appendix workbook written from a read plan (issue 18): every fixture workbook, real published table and
// Word fixture reads back to the same rows; the template's dropdowns, the hidden id column, neutralized formulas; and
// LibreOffice prints it on A4 landscape.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../../cli/load-plan.ts';
import { isItemRow } from '../../../core/merge/index.ts';
import type { Appendix, Plan } from '../../../core/model/index.ts';
import { readPlan } from '../../../core/read/index.ts';
import { PROGRESS_STATUS_LABEL, PROGRESS_STATUSES } from '../../../core/progress/index.ts';
import { appendixWorkbookXlsx } from '../../../workbook/export/appendix-workbook.ts';
import { readWorkbook } from '../../../workbook/xlsx/index.ts';
import { filesIn, FIXTURES, REAL, TEST_FIXTURES } from '../../support/paths.ts';
import { isA4Landscape, pagePngs, pageSizes, printToPdf } from '../../support/print.ts';
import { rowsTooShort } from '../../support/row-fit.ts';

const SLOW = 300_000;
const dir = await mkdtemp(path.join(tmpdir(), 'phuluc-appendix-wb-'));
const DOCX = path.join(TEST_FIXTURES, 'docx');
const inputs = [...filesIn(FIXTURES, '.xlsx'), ...filesIn(REAL, '.xlsx'), ...filesIn(DOCX, '.docx')];

/** What a plan says, apart from where it sat: each appendix's kind and title, its groups, items and notes with their fields. */
function said(plan: Plan) {
  return plan.appendices.map((a) => ({
    kind: a.kind,
    appendix: a.title.appendix,
    name: a.title.name,
    rows: a.rows
      .filter((r) => ['group', 'subgroup', 'task', 'indicator', 'note'].includes(r.kind))
      .map((r) => ({ kind: r.kind, tt: r.tt, fields: r.fields, group: r.group, subgroup: r.subgroup })),
  }));
}

async function readBack(bytes: Uint8Array) {
  return readPlan((await readWorkbook(bytes)).sheets, { format: 'xlsx' });
}

function counter(): () => string {
  let n = 0;
  return () => `t${++n}`;
}

describe('the appendix workbook reads back to the plan it was written from', () => {
  it('has fixtures of every kind to read', () => {
    expect(inputs.map((f) => path.basename(f)).sort()).toEqual(
      [
        'cam-giang-phu-luc.xlsx',
        'quang-son-phu-luc.xlsx',
        'bac-ninh-144.xlsx',
        'dong-thap-552.xlsx',
        'ha-noi-310.xlsx',
        'hcm-2820.xlsx',
        'ttg-2629.xlsx',
        'cam-giang-danh-sach.docx',
        'cam-giang-ke-hoach.docx',
        'cam-giang-libreoffice.docx',
        'phu-luc-tcvn3.docx',
        'phu-luc-vni.docx',
        'quang-son-tach-bang.docx',
      ].sort(),
    );
  });

  for (const file of inputs)
    it(
      `${path.basename(file)}: same groups, items and fields; ids in the hidden id column`,
      async () => {
        const { plan } = await loadPlan(file);
        expect(plan.appendices.length).toBeGreaterThan(0);
        const bytes = await appendixWorkbookXlsx(plan, { newId: counter() });
        const back = await readBack(bytes);
        expect(said(back.plan)).toEqual(said(plan));
        // Ids t1, t2, … in document order, each read back from the id column of its row.
        const ids = back.plan.appendices.flatMap((a) => a.rows.filter(isItemRow).map((r) => r.id));
        expect(ids).toEqual(ids.map((_, i) => `t${i + 1}`));
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
        for (const a of back.plan.appendices) {
          expect(a.idColumn).toBeDefined();
          expect(wb.getWorksheet(a.sheet)!.getColumn(a.idColumn!).hidden).toBe(true);
          // Multi-line and long texts wrap in rows as tall as they need (neither Excel nor LibreOffice grows a row).
          expect(rowsTooShort(wb.getWorksheet(a.sheet)!)).toEqual([]);
        }
      },
      SLOW,
    );
});

/** Each validation of a sheet's XML: type, range and first formula. */
function validations(xml: string) {
  return [...xml.matchAll(/<dataValidation\b([^>]*)>([\s\S]*?)<\/dataValidation>/g)].map((m) => ({
    type: /\btype="([^"]+)"/.exec(m[1]!)?.[1],
    sqref: /\bsqref="([^"]+)"/.exec(m[1]!)?.[1],
    formula: /<formula1>([\s\S]*?)<\/formula1>/
      .exec(m[2]!)?.[1]
      ?.replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"'),
  }));
}

describe("the template's layout and dropdowns", async () => {
  const { plan } = await loadPlan(path.join(FIXTURES, 'quang-son-phu-luc.xlsx'));
  const bytes = await appendixWorkbookXlsx(plan, { newId: counter() });
  const back = await readBack(bytes);
  const zip = unzipSync(bytes);

  it('names the sheets by appendix, the lists sheet hidden; the header as the template writes it, extra roles after', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Phụ lục I', 'visible'],
      ['Phụ lục II', 'visible'],
      ['Danh mục', 'hidden'],
    ]);
    expect(wb.getWorksheet('Phụ lục II')!.getRow(5).values).toEqual([
      undefined,
      'TT',
      'Nội dung nhiệm vụ',
      'Cơ quan chủ trì',
      'Cơ quan phối hợp',
      'Kết quả/sản phẩm',
      'Thời gian hoàn thành',
      'Tình trạng thực hiện',
      'Ngày hoàn thành',
      'Kết quả đạt được',
      'phuluc-id',
    ]);
    expect(wb.getWorksheet('Phụ lục I')!.getRow(5).values).toEqual([
      undefined,
      'TT',
      'Chỉ tiêu',
      'Đơn vị tính',
      'Kết quả',
      'Cơ quan chủ trì theo dõi, đánh giá',
      'Kết quả thực hiện đạt được',
      'phuluc-id',
    ]);
    expect(back.plan.appendices.map((a: Appendix) => [a.sheet, a.range, a.idColumn])).toEqual([
      ['Phụ lục I', 'A5:F43', 'G'],
      ['Phụ lục II', 'A5:I65', 'J'],
    ]);
  });

  it('carries the dropdowns of agencies, deadlines and progress status over every row and a hundred more', () => {
    const words = PROGRESS_STATUSES.map((st) => PROGRESS_STATUS_LABEL[st].vi).join(',');
    const [indicators, tasks] = ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml'].map((p) => validations(strFromU8(zip[p]!)));
    const agencies = /'Danh mục'!\$A\$2:\$A\$\d+/;
    expect(indicators).toEqual([{ type: 'list', sqref: 'E6:E143', formula: expect.stringMatching(agencies) }]);
    expect(tasks).toEqual([
      { type: 'list', sqref: 'C6:C165', formula: expect.stringMatching(agencies) },
      { type: 'list', sqref: 'D6:D165', formula: expect.stringMatching(agencies) },
      { type: 'list', sqref: 'F6:F165', formula: expect.stringMatching(/'Danh mục'!\$B\$2:\$B\$\d+/) },
      { type: 'list', sqref: 'G6:G165', formula: `"${words}"` },
      { type: 'date', sqref: 'H6:H165', formula: '36526' },
    ]);
  });

  it(
    'prints through LibreOffice on A4 landscape pages',
    async () => {
      const file = path.join(dir, 'quang-son-chuan.xlsx');
      await writeFile(file, bytes);
      const pdf = await printToPdf(file);
      const sizes = await pageSizes(pdf);
      expect(sizes.length).toBeGreaterThan(2);
      expect(sizes.filter((s) => !isA4Landscape(s))).toEqual([]);
      await pagePngs(pdf, 'phu-luc-chuan', 1, 2);
    },
    SLOW,
  );
});

describe('text that a spreadsheet could run', () => {
  it('is written with an apostrophe in front; bullets and a lone dash stay as they are', async () => {
    const grid = (await readWorkbook(await appendixWorkbookXlsx((await loadPlan(path.join(FIXTURES, 'cam-giang-phu-luc.xlsx'))).plan)))
      .sheets;
    const plan = readPlan(grid, { format: 'xlsx' }).plan;
    const task = plan.appendices[0]!.rows.find((r) => r.kind === 'task')!;
    task.fields.content = '=HYPERLINK("http://x.invalid","Bấm")';
    task.fields.lead = "+cmd|' /C calc'!A0";
    task.fields.partners = '- Phòng Kinh tế';
    task.fields.result = '@SUM(A1)';
    const back = await readBack(await appendixWorkbookXlsx(plan, { newId: counter() }));
    const row = back.plan.appendices[0]!.rows.find((r) => r.kind === 'task')!;
    expect(row.fields).toEqual({
      ...task.fields,
      content: '\'=HYPERLINK("http://x.invalid","Bấm")',
      lead: "'+cmd|' /C calc'!A0",
      partners: '- Phòng Kinh tế',
      result: "'@SUM(A1)",
    });
  });
});

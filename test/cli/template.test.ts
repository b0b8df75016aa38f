// `phuluc template`: the blank appendix has what the issue lists, and a correctly filled one checks clean.
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CheckDocument } from '../../core/validate/index.ts';
import { canonicalAgencyNames } from '../../core/agencies.ts';
import { gridFromValues, type CellValue } from '../../core/model/index.ts';
import { allIssues } from '../../core/validate/index.ts';
import { validateGrids } from '../../core/validate/index.ts';
import { templateValues } from '../../addin/src/logic/template-values.ts';
import { templateCommand, templateYear } from '../../cli/commands/template.ts';
import { buildTemplate, HEADER_ROW, LISTS_SHEET, TEMPLATE_FILES } from '../../workbook/export/template.ts';
import { phuluc } from '../support/cli.ts';
import { REPO_ROOT } from '../support/paths.ts';

const TASKS: [string, string, string, string, string][] = [
  [
    'Tuyên truyền, phổ biến Nghị quyết số 57-NQ/TW đến cán bộ, đảng viên và Nhân dân trên địa bàn xã',
    'Phòng Văn hóa - Xã hội',
    'Ủy ban MTTQ xã',
    'Báo cáo kết quả tuyên truyền',
    'Quý I/{y}',
  ],
  [
    'Rà soát, đề xuất sửa đổi quy chế làm việc trên môi trường số của Ủy ban nhân dân xã',
    'Văn phòng HĐND và UBND',
    'Phòng Kinh tế',
    'Quy chế được ban hành',
    'Quý II/{y}',
  ],
  [
    'Nâng cấp mạng nội bộ, bảo đảm an toàn thông tin cho hệ thống máy tính của cơ quan',
    'Văn phòng HĐND và UBND',
    'Công an xã',
    'Hệ thống mạng được nâng cấp',
    'Tháng 9/{y}',
  ],
  [
    'Tổ chức lớp bồi dưỡng kỹ năng số cho cán bộ, công chức và tổ công nghệ số cộng đồng',
    'Phòng Văn hóa - Xã hội',
    'Trung tâm Phục vụ hành chính công',
    'Lớp bồi dưỡng được tổ chức',
    'Quý III/{y}',
  ],
  [
    'Số hóa hồ sơ thủ tục hành chính tiếp nhận tại bộ phận một cửa của xã',
    'Trung tâm Phục vụ hành chính công',
    'Văn phòng HĐND và UBND',
    'Hồ sơ được số hóa',
    '31/12/{y}',
  ],
  [
    'Hỗ trợ hộ kinh doanh ứng dụng thanh toán không dùng tiền mặt và sàn thương mại điện tử',
    'Phòng Kinh tế',
    'Ủy ban MTTQ xã',
    'Số hộ kinh doanh được hỗ trợ',
    'Thường xuyên',
  ],
  [
    'Trao đổi kinh nghiệm chuyển đổi số với các địa phương kết nghĩa',
    'Văn phòng HĐND và UBND',
    'Phòng Văn hóa - Xã hội',
    'Báo cáo kết quả trao đổi',
    'Năm {y}',
  ],
];

describe('phuluc template --kind tasks', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'phuluc-template-'));
  const file = path.join(dir, 'mau.xlsx');
  const made = await phuluc('template', '--kind', 'tasks', '-o', file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;

  it('has the title block, the header, Times New Roman, borders, a frozen header and dropdown lists', () => {
    expect(made.code).toBe(0);
    expect(String(ws.getCell('A1').value)).toMatch(/PHỤ LỤC/);
    expect(ws.getRow(HEADER_ROW).values).toEqual([
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
    ]);
    expect(ws.getCell(`B${HEADER_ROW}`).font?.name).toBe('Times New Roman');
    expect(ws.getCell(`B${HEADER_ROW + 2}`).border?.top?.style).toBe('thin');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
    const lists = wb.getWorksheet(LISTS_SHEET)!;
    expect(lists.state).toBe('hidden');
    expect(lists.getColumn(1).values).toContain('Công an xã');
    const dv = (ws as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model;
    expect(Object.values(dv).some((v) => v.formulae[0]!.includes(LISTS_SHEET))).toBe(true);
  });

  it('has the progress columns: a dropdown of the five statuses, completion days as dd/mm/yyyy dates', () => {
    const dv = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    // exceljs reads a rule back cell by cell: one rule per body cell of the column, all alike.
    const byColumn = (col: string, pick: (v: ExcelJS.DataValidation) => unknown[]) => {
      const rules = Object.entries(dv).filter(([cell]) => new RegExp(`^${col}\\d+$`).test(cell));
      return {
        cells: rules.length,
        kinds: [...new Set(rules.map(([, v]) => JSON.stringify(pick(v))))].map((k) => JSON.parse(k) as unknown),
      };
    };
    const body = 500 - HEADER_ROW;
    expect(byColumn('G', (v) => [v.type, v.formulae, v.errorStyle])).toEqual({
      cells: body,
      kinds: [['list', ['"Chưa thực hiện,Đang thực hiện,Đã hoàn thành,Tạm dừng,Không thực hiện"'], 'stop']],
    });
    expect(byColumn('H', (v) => [v.type, v.operator, v.errorStyle])).toEqual({ cells: body, kinds: [['date', 'greaterThan', 'stop']] });
    expect([ws.getCell(`H${HEADER_ROW + 2}`).numFmt, ws.getCell('H500').numFmt]).toEqual(['dd/mm/yyyy', 'dd/mm/yyyy']);
    expect(ws.getCell(`I${HEADER_ROW + 2}`).border?.top?.style).toBe('thin');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  });

  it('filled correctly, it checks with zero errors and zero warnings', async () => {
    const year = Number(/NĂM (\d{4})/.exec(String(ws.getCell('A2').value))![1]);
    ws.getCell('A3').value = `(Kèm theo Kế hoạch số 15/KH-UBND ngày 10 tháng 01 năm ${year} của UBND xã Cẩm Giàng)`;
    // Each of the seven NQ57 group rows is followed by empty task rows: put one task under each group, numbered 1…7.
    let n = 0;
    for (let r = HEADER_ROW + 1; r <= ws.rowCount && n < TASKS.length; r++) {
      if (!/^[IVX]+$/.test(String(ws.getCell(r, 1).value ?? ''))) continue;
      const [content, lead, partners, result, deadline] = TASKS[n]!;
      const row = ws.getRow(r + 1);
      row.getCell(1).value = ++n;
      row.getCell(2).value = content;
      row.getCell(3).value = lead;
      row.getCell(4).value = partners;
      row.getCell(5).value = result;
      row.getCell(6).value = deadline.replace('{y}', String(year));
    }
    expect(n).toBe(7);
    const filled = path.join(dir, 'da-dien.xlsx');
    await wb.xlsx.writeFile(filled);
    const { stdout, code } = await phuluc('check', '--format', 'json', '--as-of', `${year}-01-15`, filled);
    const doc = JSON.parse(stdout) as CheckDocument;
    const loud = doc.files[0]!.tables.flatMap((t) => t.issues).filter((i) => i.severity !== 'info');
    expect(loud).toEqual([]);
    expect(code).toBe(0);
    expect(doc.stats.tasks).toBe(7);
  });

  it('writes the indicators template too', async () => {
    const out = path.join(dir, 'chi-tieu.xlsx');
    expect((await phuluc('template', '--kind', 'indicators', '-o', out)).code).toBe(0);
    const ind = new ExcelJS.Workbook();
    await ind.xlsx.readFile(out);
    expect(ind.worksheets[0]!.getRow(HEADER_ROW).values).toEqual([
      undefined,
      'TT',
      'Chỉ tiêu',
      'Đơn vị tính',
      'Kết quả',
      'Cơ quan chủ trì theo dõi, đánh giá',
      'Kết quả thực hiện đạt được',
    ]);
  });
});

describe('templates/ (what the add-in inserts)', () => {
  it.each(Object.entries(TEMPLATE_FILES))('%s: the committed file has the cells buildTemplate writes', async (kind, name) => {
    const committed = new ExcelJS.Workbook();
    await committed.xlsx.readFile(path.join(REPO_ROOT, 'templates', name));
    const year = Number(/NĂM (\d{4})/.exec(String(committed.worksheets[0]!.getCell('A2').value))![1]);
    const fresh = buildTemplate(kind as 'tasks' | 'indicators', { agencies: canonicalAgencyNames(), year });
    const values = (wb: ExcelJS.Workbook) =>
      wb.worksheets.map((ws) => ({ name: ws.name, rows: ws.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1) : r)) }));
    expect(values(committed)).toEqual(values(fresh));
  });
});

/** One complete row in each kind's own columns (the year is the template's). */
const ONE: Record<'tasks' | 'indicators', (year: number) => CellValue[]> = {
  tasks: (y) => [
    1,
    'Tổ chức tuyên truyền Nghị quyết số 57-NQ/TW trên hệ thống truyền thanh của xã',
    'Văn phòng HĐND và UBND',
    'Công an xã',
    'Báo cáo kết quả tuyên truyền',
    `Quý II/${y}`,
  ],
  indicators: () => [1, 'Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận trực tuyến', '%', '80', 'Công an xã'],
};
const SHEET = { tasks: 'Phụ lục nhiệm vụ', indicators: 'Phụ lục chỉ tiêu' } as const;

async function checkJson(file: string): Promise<{ code: number; issues: [string, string | null, string][]; doc: CheckDocument }> {
  const { stdout, code } = await phuluc('check', '--format', 'json', file);
  const doc = JSON.parse(stdout) as CheckDocument;
  return {
    code,
    doc,
    issues: doc.files[0]!.tables.flatMap((t) => t.issues.map((i) => [t.sheet, i.cell, i.code] as [string, string | null, string])),
  };
}

/** The template with ONE[kind] written into the first empty row under the first heading (row HEADER_ROW + 2). */
async function fillOne(file: string, kind: 'tasks' | 'indicators', out: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  expect(String(ws.getCell(HEADER_ROW + 1, 1).value)).toBe('I');
  expect(ws.getCell(HEADER_ROW + 2, 2).value ?? null).toBeNull();
  const year = Number(/NĂM (\d{4})/.exec(String(ws.getCell('A2').value))![1]);
  ONE[kind](year).forEach((v, i) => (ws.getCell(HEADER_ROW + 2, i + 1).value = v as ExcelJS.CellValue));
  await wb.xlsx.writeFile(out);
}

describe('every template phuluc writes checks with zero issues once it holds one task', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'phuluc-template-clean-'));
  const kinds = ['tasks', 'indicators'] as const;
  const sources = kinds.flatMap((kind) => [
    {
      kind,
      name: `phuluc template --kind ${kind}`,
      file: async () => {
        const f = path.join(dir, `${kind}.xlsx`);
        expect((await phuluc('template', '--kind', kind, '-o', f)).code).toBe(0);
        return f;
      },
    },
    { kind, name: `templates/${TEMPLATE_FILES[kind]}`, file: async () => path.join(REPO_ROOT, 'templates', TEMPLATE_FILES[kind]) },
  ]);

  it.each(sources)('$name, blank: exactly one table-empty error (nothing to submit), exit code 1', async ({ kind, file }) => {
    const { code, issues, doc } = await checkJson(await file());
    expect(issues).toEqual([[SHEET[kind], 'B5', 'table-empty']]);
    expect(code).toBe(1);
    expect(doc.files[0]!.tables[0]!.issues[0]!.message).toBe(
      kind === 'tasks'
        ? 'Bảng chưa có nhiệm vụ nào: hãy điền các nhiệm vụ vào dưới dòng tiêu đề.'
        : 'Bảng chưa có chỉ tiêu nào: hãy điền các chỉ tiêu vào dưới dòng tiêu đề.',
    );
  });

  it.each(sources)(
    '$name, filled with one complete row: exactly zero issues of any severity, exit code 0',
    async ({ kind, name, file }) => {
      const filled = path.join(dir, `${name.replace(/\W+/g, '-')}-filled.xlsx`);
      await fillOne(await file(), kind, filled);
      const { code, issues, doc } = await checkJson(filled);
      expect(issues).toEqual([]);
      expect(code).toBe(0);
      expect([doc.stats.tasks, doc.stats.indicators]).toEqual(kind === 'tasks' ? [1, 0] : [0, 1]);
    },
  );

  it.each(kinds)("the add-in's values template (%s) has the .xlsx template's header", (kind) => {
    const xlsx = buildTemplate(kind, { agencies: ['Công an xã'], year: 2027 }).worksheets[0]!.getRow(HEADER_ROW).values as unknown[];
    expect(templateValues(kind, 2027)[HEADER_ROW - 1]).toEqual(xlsx.slice(1));
  });

  it.each(kinds)("the add-in's values template (%s): blank, exactly table-empty; one row filled, zero issues", (kind) => {
    const values = templateValues(kind, 2027);
    const blank = allIssues(validateGrids([gridFromValues(SHEET[kind], values)]).report).map((i) => [i.cell, i.code]);
    expect(blank).toEqual([['B5', 'table-empty']]);
    const filled = values.map((r) => [...r]);
    filled[HEADER_ROW + 1] = ONE[kind](2027);
    expect(allIssues(validateGrids([gridFromValues(SHEET[kind], filled)]).report).map((i) => [i.cell, i.code])).toEqual([]);
  });
});

describe('template --year (the command, as `phuluc template` runs it)', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'phuluc-template-year-'));
  const titleOf = async (file: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    const deadlines = wb
      .getWorksheet(LISTS_SHEET)!
      .getColumn(2)
      .values.filter((v) => typeof v === 'string') as string[];
    return { title: String(ws.getCell('A2').value), attached: String(ws.getCell('A3').value), deadlines };
  };

  it('--year 2029 writes NĂM 2029 in the title, the "Kèm theo" line and the deadline list', async () => {
    const file = path.join(dir, 'y2029.xlsx');
    expect(await templateCommand('tasks', file, 'vi', { year: '2029' })).toBe(0);
    const t = await titleOf(file);
    expect(t.title).toBe('DANH MỤC NHIỆM VỤ THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW NĂM 2029');
    // Blanks are dotted: nothing prints as "số /KH-UBND".
    expect(t.attached).toBe('(Kèm theo Kế hoạch số: ……/KH-UBND ngày …… tháng …… năm 2029 của UBND xã ……)');
    expect(t.deadlines).toContain('Quý I/2029');
    expect(t.deadlines.some((d) => /20(2[0-8]|3\d)/.test(d))).toBe(false);
  });

  it('takes the year from the plan key when --year is not given, else this year', () => {
    expect(templateYear({ planKey: 'NQ57-2028' })).toEqual({ year: 2028 });
    expect(templateYear({ planKey: 'kh-2026-bo-sung-2027' })).toEqual({ year: 2027 });
    expect(templateYear({ year: '2030', planKey: 'NQ57-2028' })).toEqual({ year: 2030 });
    expect(templateYear({ planKey: 'NQ57', now: new Date('2026-12-05T00:00:00Z') })).toEqual({ year: 2026 });
    expect(templateYear({ now: new Date('2031-03-01T00:00:00Z') })).toEqual({ year: 2031 });
  });

  it('runs from the command line: --year and --plan-key reach the template, a bad year is refused in Vietnamese', async () => {
    const byYear = path.join(dir, 'cli-2029.xlsx');
    expect(await phuluc('template', '--kind', 'tasks', '--year', '2029', '-o', byYear)).toEqual({
      stdout: `Đã tạo phụ lục mẫu năm 2029: ${byYear}\n`,
      stderr: '',
      code: 0,
    });
    expect((await titleOf(byYear)).title).toBe('DANH MỤC NHIỆM VỤ THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW NĂM 2029');
    const byKey = path.join(dir, 'cli-key.xlsx');
    expect((await phuluc('template', '--kind', 'indicators', '--plan-key', 'NQ57-2028', '-o', byKey)).code).toBe(0);
    expect(await phuluc('template', '--kind', 'tasks', '--year', 'năm sau', '-o', path.join(dir, 'cli-bad.xlsx'))).toEqual({
      stdout: '',
      stderr: '--year phải là một năm, ví dụ 2027 (nhận được “năm sau”).\n',
      code: 2,
    });
  });

  it('refuses a --year that is not a year, in Vietnamese, with exit code 2 and no file', async () => {
    for (const bad of ['27', 'năm sau', '1999', '20277']) {
      expect(templateYear({ year: bad })).toEqual({
        error: { vi: expect.stringMatching(/^--year phải là một năm/), en: expect.any(String) },
      });
    }
    const file = path.join(dir, 'bad.xlsx');
    expect(await templateCommand('tasks', file, 'vi', { year: 'năm sau' })).toBe(2);
    expect(existsSync(file)).toBe(false);
  });
});

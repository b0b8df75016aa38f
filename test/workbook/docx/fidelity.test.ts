// Word plans as offices type them (python-docx, test/fixtures/docx/make/make-fidelity.py) read to the same whole plan as
// the same cells in an openpyxl workbook; a table split in two with its header retyped is one table, one finding.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Grid, Plan } from '../../../core/model/index.ts';
import { readPlan } from '../../../core/read/index.ts';
import { allIssues, validateGrids } from '../../../core/validate/index.ts';
import { readDocx } from '../../../workbook/docx/index.ts';
import { readWorkbook } from '../../../workbook/xlsx/index.ts';
import { REPO_ROOT } from '../../support/paths.ts';
import { unnamedPlan } from '../../support/unnamed-plan.ts';

const DIR = path.join(REPO_ROOT, 'test/fixtures/docx/fidelity');
const bytes = (file: string) => new Uint8Array(readFileSync(file));

function docx(stem: string) {
  const read = readDocx(bytes(path.join(DIR, `${stem}.docx`)), { name: `${stem}.docx` });
  return { read, plan: readPlan(read.grids).plan };
}

async function workbook(stem: string): Promise<{ sheets: Grid[]; plan: Plan }> {
  const { sheets } = await readWorkbook(bytes(path.join(DIR, `${stem}.xlsx`)));
  return { sheets, plan: readPlan(sheets).plan };
}

const values = (g: Grid) => g.rows.map((r) => r.map((c) => c?.v ?? null));

describe('a Word plan reads to the same whole plan as its workbook', () => {
  it('Word 2003 merges across (w:hMerge restart/continue) are merges, as gridSpan is', async () => {
    const { read, plan } = docx('hmerge');
    const wb = await workbook('hmerge');
    expect(read.grids.map((g) => ({ rows: values(g), merges: g.merges }))).toEqual(
      wb.sheets.map((g) => ({ rows: values(g), merges: g.merges })),
    );
    expect(read.grids[0]!.merges).toEqual([
      { top: 4, left: 1, bottom: 5, right: 1 },
      { top: 4, left: 2, bottom: 5, right: 2 },
      { top: 4, left: 3, bottom: 4, right: 4 },
      { top: 4, left: 5, bottom: 5, right: 5 },
      { top: 6, left: 2, bottom: 6, right: 5 },
      { top: 9, left: 2, bottom: 9, right: 5 },
      { top: 10, left: 3, bottom: 10, right: 4 },
    ]);
    expect(unnamedPlan(plan)).toEqual(unnamedPlan(wb.plan));
  });

  it('no "PHỤ LỤC" line: the title in capitals (with or without "(Kèm theo …)") names the table; header and signature blocks with nested tables are left out', async () => {
    const { read, plan } = docx('tieu-de');
    expect(read.refused).toEqual([]);
    expect(plan.appendices.map((a) => [a.kind, a.title.lines.map((l) => l.text)])).toEqual([
      ['tasks', ['DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026', '(Kèm theo Kế hoạch số 12/KH-UBND ngày 10/01/2026 của UBND xã Quang Sơn)']],
      ['indicators', ['DANH MỤC CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2026']],
    ]);
    expect(unnamedPlan(plan)).toEqual(unnamedPlan((await workbook('tieu-de')).plan));
  });

  it('TT as text and zero-padded, mixed trailing dots, a task over two merged rows, lead and partners in one cell, a line break in a header label, Word artifacts', async () => {
    const { plan } = docx('chi-tiet');
    const rows = plan.appendices[0]!.rows;
    // "Chủ trì" + line break + "thực hiện": two words kept apart, read as the lead's label.
    expect(plan.appendices[0]!.header.labels).toEqual({
      tt: 'TT',
      content: 'Nội dung',
      result: 'Sản phẩm',
      lead: 'Chủ trì\nthực hiện',
      partners: 'Phối hợp',
      deadline: 'Thời gian hoàn thành',
    });
    expect(rows.map((r) => [r.kind, r.tt, r.group ?? null])).toEqual([
      ['group', 'I', null],
      ['task', '08', 'I'],
      ['task', '09', 'I'],
      ['group', 'II', null],
      ['task', '1', 'II'],
      ['task', '1', 'II'],
      ['task', '2', 'II'],
      ['group', 'III', null],
      ['task', '3', 'III'],
      ['task', '3.1.', 'III'],
      ['task', '3.2', 'III'],
    ]);
    // Bookmark, comment, tracked deletion and the field's instruction never reach the cell; the insertion does.
    expect(rows[1]!.fields).toEqual({
      content: 'Lắp đặt hệ thống camera giám sát an ninh tại các thôn',
      result: 'Hệ thống camera\nBiên bản nghiệm thu',
      lead: 'Công an xã',
      partners: 'Các thôn',
      deadline: 'Quý III/2026',
    });
    expect(rows[2]!.fields.deadline).toBe('Quý IV/2026');
    // Each row of the task merged down keeps its own product, lead and deadline.
    expect(rows.slice(4, 6).map((r) => [r.fields.content, r.fields.result, r.fields.lead, r.fields.deadline])).toEqual([
      ['Xây dựng kho dữ liệu dùng chung của xã', 'Kế hoạch xây dựng', 'Văn phòng HĐND và UBND xã', 'Quý II/2026'],
      ['Xây dựng kho dữ liệu dùng chung của xã', 'Kho dữ liệu vận hành', 'Phòng Văn hóa - Xã hội', 'Quý IV/2026'],
    ]);
    expect(rows[6]!.fields.lead).toBe('Theo phân công tại Quyết định số 15/QĐ-UBND ngày 10/01/2026 của UBND xã');
    expect(unnamedPlan(plan)).toEqual(unnamedPlan((await workbook('chi-tiet')).plan));
  });

  it('groups as a column read as the workbook with the same column does: the tasks’ text, the group column aside', async () => {
    const { plan } = docx('nhom-cot');
    expect(plan.appendices.map((a) => [a.columns, a.rows.map((r) => [r.tt, r.fields.content])])).toEqual([
      [
        { tt: 'B', content: 'C', lead: 'D', partners: 'E', deadline: 'F' },
        [
          ['1', 'Phủ sóng 4G đến toàn bộ các thôn'],
          ['2', 'Lắp đặt hệ thống camera giám sát an ninh tại các thôn'],
          ['3', 'Số hóa hồ sơ, tài liệu lưu trữ của xã'],
        ],
      ],
    ]);
    expect(unnamedPlan(plan)).toEqual(unnamedPlan((await workbook('nhom-cot')).plan));
  });
});

describe('LibreOffice from HTML (make-split-lo.py): a table split in two over four pages, then a list-form appendix', () => {
  it('reads to the whole plan of its openpyxl workbook: one table with its retyped header reported once, the list as PHỤ LỤC II', async () => {
    const file = path.join(REPO_ROOT, 'test/fixtures/docx/quang-son-tach-bang');
    const read = readDocx(bytes(`${file}.docx`), { name: 'tach-bang.docx' });
    // Both parts' two-row headers are marked to repeat on each page; the file holds each once.
    expect([read.grids.map((g) => g.sheet), read.headerRows]).toEqual([
      ['tach-bang.docx', 'tach-bang.docx (văn bản)'],
      [4, 5, 9, 10],
    ]);
    const { plan, report } = validateGrids(read.grids);
    const wb = await readWorkbook(bytes(`${file}.xlsx`));
    expect(unnamedPlan(plan)).toEqual(unnamedPlan(readPlan(wb.sheets).plan));
    expect(plan.appendices.map((a) => [a.kind, a.title.appendix, a.range, a.rows.filter((r) => r.kind === 'task').length])).toEqual([
      ['tasks', 'I', 'A4:E41', 32],
      ['tasks', 'II', 'A1:A11', 2],
    ]);
    expect(
      allIssues(report)
        .filter((i) => i.code === 'repeated-header-row')
        .map((i) => [i.row, i.fix?.ops]),
    ).toEqual([[9, [{ op: 'delete-rows', sheet: 'tach-bang.docx', rows: [9, 10] }]]]);
  });
});

describe('a table split in two with its two-row header retyped (Cẩm Giàng, python-docx)', () => {
  it('is one table whose retyped header is reported once, both rows deleted by one fix, no body merge reported for it', () => {
    const read = readDocx(bytes(path.join(REPO_ROOT, 'test/fixtures/docx/cam-giang-ke-hoach.docx')), { name: 'ke-hoach.docx' });
    const { plan, report } = validateGrids(read.grids);
    expect(plan.appendices.map((a) => [a.range, a.header.rows])).toEqual([['A4:E45', [4, 5]]]);
    const structural = allIssues(report)
      .filter((i) => ['repeated-header-row', 'merged-cells-in-body', 'blank-row'].includes(i.code))
      .map((i) => [i.code, i.row, i.fix?.ops]);
    expect(structural).toEqual([['repeated-header-row', 17, [{ op: 'delete-rows', sheet: 'ke-hoach.docx', rows: [17, 18] }]]]);
  });
});

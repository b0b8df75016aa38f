// addAppendixSheets on the strict fake: whole sheets written, one sync for names plus one per block under the payload limit;
// a Word plan laid out by appendixSheets comes out as the sheet `phuluc import` writes (values, ids, merges, widths,
// dropdowns, day format), with the template's look, in as few syncs as the payload budget allows.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createExcelPort } from '../../../addin/src/excel/index.ts';
import type { AppendixSheetInput } from '../../../addin/src/excel/index.ts';
import { appendixSheets } from '../../../addin/src/logic/appendix-sheets.ts';
import { gridFromValues } from '../../../core/model/index.ts';
import { readPlan } from '../../../core/read/index.ts';
import { readDocx } from '../../../workbook/docx/index.ts';
import { appendixWorkbookXlsx } from '../../../workbook/export/appendix-workbook.ts';
import { createFakeExcel } from '../../support/fake-excel/fake-host.ts';
import { snapshotFromGrids } from '../../support/fake-excel/from-grid.ts';
import { snapshotFromXlsx } from '../../support/fake-excel/snapshot.ts';
import { TEST_FIXTURES } from '../../support/paths.ts';
import { counted } from './support.ts';

const HEAD = ['TT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì'];

function sheet(name: string, tasks: number): AppendixSheetInput {
  return {
    name,
    values: [
      ['PHỤ LỤC II', null, null],
      ['DANH MỤC NHIỆM VỤ', null, null],
      [null, null, null],
      HEAD,
      ['I', 'Nhóm một', null],
      ...Array.from({ length: tasks }, (_, i) => [String(i + 1), `Nhiệm vụ số ${i + 1}: ${'tuyên truyền '.repeat(8)}`, '=Công an xã']),
    ],
    merges: ['A1:C1', 'A2:C2'],
    widths: [42, 350, 154],
    headerRow: 4,
  };
}

function fakeWith(opts: { payloadLimit?: number } = {}) {
  return createFakeExcel(snapshotFromGrids([gridFromValues('PL II', [['có sẵn']])]), opts);
}

describe('addAppendixSheets', () => {
  it('a small appendix: one sync for the names in use, one for the sheet; a taken name gets " (2)"', async () => {
    const fake = fakeWith();
    const port = createExcelPort(fake);
    const { value, syncs, runs } = await counted(fake, () => port.addAppendixSheets([sheet('PL II', 2), sheet('PL I', 1)]));
    expect(value).toEqual(['PL II (2)', 'PL I']);
    expect([syncs, runs]).toEqual([2, 1]);
    expect(fake.workbook.sheetNames()).toEqual(['PL II', 'PL II (2)', 'PL I']);
    expect(fake.workbook.activeSheet()).toBe('PL II (2)');
    expect(fake.workbook.values('PL II (2)')).toEqual([
      ['PHỤ LỤC II', null, null],
      ['DANH MỤC NHIỆM VỤ', null, null],
      [null, null, null],
      HEAD,
      ['I', 'Nhóm một', null],
      ['1', `Nhiệm vụ số 1: ${'tuyên truyền '.repeat(8)}`, '=Công an xã'],
      ['2', `Nhiệm vụ số 2: ${'tuyên truyền '.repeat(8)}`, '=Công an xã'],
    ]);
    // Text that looks like a formula stays text.
    expect(fake.workbook.cell('PL II (2)', 'C6').formula).toBeUndefined();
    expect(fake.workbook.merges('PL II (2)')).toEqual(['A1:C1', 'A2:C2']);
    expect(['A', 'B', 'C'].map((c) => fake.workbook.columnWidth('PL II (2)', c))).toEqual([42, 350, 154]);
    expect([fake.workbook.cell('PL II (2)', 'B4').bold, fake.workbook.cell('PL II (2)', 'B5').bold]).toEqual([true, false]);
    expect(fake.workbook.cell('PL II (2)', 'B6').font).toBe('Times New Roman');
    // Written once: the existing sheet is untouched.
    expect(fake.workbook.values('PL II')).toEqual([['có sẵn']]);
  });

  it('a big appendix: several blocks, each sync under the payload limit, every row written once', async () => {
    const limit = 20_000;
    const fake = fakeWith({ payloadLimit: limit });
    const port = createExcelPort(fake, { payloadLimit: limit });
    const big = sheet('PL 1', 400);
    const before = fake.stats.payloadBytes.length;
    const { value, syncs, runs } = await counted(fake, () => port.addAppendixSheets([big]));
    expect(value).toEqual(['PL 1']);
    const sizes = fake.stats.payloadBytes.slice(before);
    const rowBytes = JSON.stringify(
      big.values.map((r) => r.map((v) => (typeof v === 'string' && v.startsWith('=') ? `'${v}` : (v ?? '')))),
    ).length;
    // The names sync, then at least as many blocks as the values need at the limit.
    expect(runs).toBe(1);
    expect(syncs).toBeGreaterThanOrEqual(1 + Math.ceil(rowBytes / limit));
    expect(sizes).toHaveLength(syncs);
    expect(sizes.every((n) => n <= limit)).toBe(true);
    expect(fake.workbook.values('PL 1')).toEqual(big.values);
  });
});

/** The python-docx plan's appendix, read as the pane reads it, ids from a counter (as `phuluc import` is given). */
async function wordPlan() {
  const bytes = new Uint8Array(await readFile(path.join(TEST_FIXTURES, 'docx/cam-giang-ke-hoach.docx')));
  return readPlan(readDocx(bytes, { name: 'ke-hoach.docx' }).grids, { format: 'docx' }).plan;
}
const counter = () => {
  let n = 0;
  return () => `t${++n}`;
};
const BORDERED = {
  top: { style: 'Continuous' },
  bottom: { style: 'Continuous' },
  left: { style: 'Continuous' },
  right: { style: 'Continuous' },
};
const SHEET = 'Phụ lục I';

describe('addAppendixSheets with a Word plan laid out as the template', () => {
  it('writes the sheet phuluc import writes, with the template look, in one sync after the names', async () => {
    const plan = await wordPlan();
    const sheets = appendixSheets(plan, counter());
    const fake = fakeWith();
    const port = createExcelPort(fake);
    const before = fake.stats.payloadBytes.length;
    const { value, syncs, runs } = await counted(fake, () => port.addAppendixSheets(sheets));
    expect(value).toEqual([SHEET]);
    expect([syncs, runs]).toEqual([2, 1]);
    expect(fake.stats.payloadBytes.slice(before).every((n) => n <= 0.9 * 5 * 1024 * 1024)).toBe(true);
    const a = fake.workbook;
    const b = createFakeExcel(await snapshotFromXlsx(await appendixWorkbookXlsx(plan, { newId: counter() }))).workbook;
    expect(a.sheetNames()).toEqual(['PL II', SHEET, 'Danh mục']);
    expect(b.sheetNames()).toEqual([SHEET, 'Danh mục']);
    // The same cells (ids in the hidden column J included), merges, widths and rule ranges as `phuluc import`'s sheet.
    expect(a.values(SHEET)).toEqual(b.values(SHEET));
    expect(a.values(SHEET)).toHaveLength(43);
    expect(a.merges(SHEET)).toEqual(b.merges(SHEET));
    const cols = [...'ABCDEFGHIJ'];
    expect(cols.map((c) => a.columnWidth(SHEET, c))).toEqual(cols.map((c) => b.columnWidth(SHEET, c)));
    expect(cols.map((c) => a.columnHidden(SHEET, c))).toEqual(cols.map((c) => c === 'J'));
    const ranges = (w: typeof a) => w.validations(SHEET).map((v) => v.range);
    expect(ranges(a)).toEqual(ranges(b));
    expect(ranges(a)).toEqual(['C6:C143', 'D6:D143', 'F6:F143', 'G6:G143', 'H6:H143']);
    const status = (w: typeof a) => w.validations(SHEET).find((v) => v.range === 'G6:G143')!.rule;
    expect(status(a)).toEqual(status(b));
    // The day format on the written rows as `phuluc import` puts it, and on the spare rows under them too.
    expect(['H6', 'H43'].map((c) => [a.cell(SHEET, c).numberFormat, b.cell(SHEET, c).numberFormat])).toEqual([
      ['dd/mm/yyyy', 'dd/mm/yyyy'],
      ['dd/mm/yyyy', 'dd/mm/yyyy'],
    ]);
    expect(a.cell(SHEET, 'H143').numberFormat).toBe('dd/mm/yyyy');
    // The pane's lists (the catalog and the plan's own agencies; the plan's years' deadlines) on the hidden sheet.
    const { lists } = sheets[0]!.rules;
    expect(a.visibility('Danh mục')).toBe('Hidden');
    expect(a.values('Danh mục')).toEqual(
      Array.from({ length: Math.max(lists.agencies.length, lists.deadlines.length) + 1 }, (_, i) =>
        i === 0 ? ['Cơ quan', 'Thời gian hoàn thành'] : [lists.agencies[i - 1] ?? null, lists.deadlines[i - 1] ?? null],
      ),
    );
    // The template's look: title bold (the "(Kèm theo …)" line italic) at 13 points, header bold and centred, the
    // table bordered, group rows bold, TT centred; the hidden id column unbordered.
    const st = a.styles(SHEET);
    const font = (extra: object = {}) => ({ name: 'Times New Roman', size: 12, ...extra });
    const base = { wrapText: true, verticalAlignment: 'Center' };
    expect([st.A1, st.A3, st.B5, st.A6, st.B6, st.B7, st.J7]).toEqual([
      { ...base, font: { name: 'Times New Roman', size: 13, bold: true }, horizontalAlignment: 'Center' },
      { ...base, font: { name: 'Times New Roman', size: 13, italic: true }, horizontalAlignment: 'Center' },
      { ...base, font: font({ bold: true }), horizontalAlignment: 'Center', borders: BORDERED },
      { ...base, font: font({ bold: true }), horizontalAlignment: 'Center', borders: BORDERED },
      { ...base, font: font({ bold: true }), borders: BORDERED },
      { ...base, font: font(), borders: BORDERED },
      { ...base, font: font() },
    ]);
  });

  it('at a small payload limit: every batch under the budget, as few syncs as the budget allows', async () => {
    const limit = 20_000;
    const sheets = appendixSheets(await wordPlan(), counter());
    const fake = fakeWith({ payloadLimit: limit });
    const port = createExcelPort(fake, { payloadLimit: limit });
    const before = fake.stats.payloadBytes.length;
    const { syncs, runs } = await counted(fake, () => port.addAppendixSheets(sheets));
    const [names, ...batches] = fake.stats.payloadBytes.slice(before);
    const budget = 0.9 * limit;
    expect(names).toBeLessThan(100);
    expect(batches.every((n) => n <= budget)).toBe(true);
    // Each batch filled up to the budget (rows are not split): no two neighbours could have gone as one.
    expect([syncs, runs]).toEqual([1 + batches.length, 1]);
    expect(batches.length).toBeGreaterThan(3);
    expect(batches.slice(1).filter((n, i) => batches[i]! + n <= budget)).toEqual([]);
    expect(fake.workbook.values(SHEET)).toEqual(sheets[0]!.values);
  });
});

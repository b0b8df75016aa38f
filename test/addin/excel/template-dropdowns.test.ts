// insertTemplate (the .xlsx where Excel can insert it, values otherwise) and addDropdowns (long lists on "Danh mục").
import { describe, expect, it } from 'vitest';
import { createExcelPort } from '../../../addin/src/excel/index.ts';
import { charsToPoints } from '../../../addin/src/excel/template.ts';
import { canonicalAgencyNames } from '../../../core/agencies.ts';
import { TEMPLATE_WIDTHS } from '../../../core/progress/index.ts';
import { buildTemplate } from '../../../workbook/export/template.ts';
import { createFakeExcel, type WorkbookSnapshotData } from '../../support/fake-excel/fake-host.ts';
import { snapshotFromXlsx } from '../../support/fake-excel/snapshot.ts';
import { counted, fixtureExcel, fixtureSnapshot } from './support.ts';

async function template(): Promise<{ base64: string; snap: WorkbookSnapshotData; values: (string | number | null)[][] }> {
  const wb = buildTemplate('tasks', { agencies: canonicalAgencyNames(), year: 2026 });
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const snap = await snapshotFromXlsx(bytes);
  const values = createFakeExcel(snap).workbook.values(snap.sheets[0]!.name) as (string | number | null)[][];
  return { base64: Buffer.from(bytes).toString('base64'), snap, values };
}

describe('insertTemplate', () => {
  it('inserts the template file on ExcelApi 1.13, renaming on a clash, and activates it', async () => {
    const t = await template();
    const fake = await fixtureExcel('cam-giang-phu-luc.xlsx');
    fake.workbook.registerBase64(t.base64, t.snap);
    const port = createExcelPort(fake);
    expect(port.capabilities().insertFromBase64).toBe(true);
    const first = await counted(fake, () => port.insertTemplate('tasks', { base64: t.base64 }));
    expect(first.value).toEqual({ sheet: 'Phụ lục nhiệm vụ' });
    expect(first.syncs).toBe(2);
    expect(fake.workbook.activeSheet()).toBe('Phụ lục nhiệm vụ');
    expect(fake.workbook.values('Phụ lục nhiệm vụ')).toEqual(t.values);
    expect(fake.workbook.visibility('Danh mục')).toBe('Hidden');
    const second = await port.insertTemplate('tasks', { base64: t.base64 });
    expect(second).toEqual({ sheet: 'Phụ lục nhiệm vụ (2)' });
  });

  it('writes the values with the basic look on ExcelApi 1.9', async () => {
    const t = await template();
    const fake = createFakeExcel(await fixtureSnapshot('cam-giang-phu-luc.xlsx'), { excelApi: '1.9' });
    const port = createExcelPort(fake);
    expect(port.capabilities()).toEqual({ comments: false, notes: false, insertFromBase64: false, nestedAppAuth: false, dialog: false });
    const { value, syncs } = await counted(fake, () => port.insertTemplate('tasks', { base64: t.base64, values: t.values }));
    expect(value).toEqual({ sheet: 'Phụ lục nhiệm vụ' });
    expect(syncs).toBe(2);
    const wb = fake.workbook;
    expect(wb.values(value.sheet)).toEqual(t.values);
    expect(wb.activeSheet()).toBe(value.sheet);
    expect(wb.cell(value.sheet, 'A5')).toMatchObject({ value: 'TT', bold: true, font: 'Times New Roman' });
    expect(wb.cell(value.sheet, 'B7').font).toBe('Times New Roman');
    expect(wb.styles(value.sheet).F5!.borders).toEqual({
      top: { style: 'Continuous' },
      bottom: { style: 'Continuous' },
      left: { style: 'Continuous' },
      right: { style: 'Continuous' },
    });
    expect(wb.merges(value.sheet)).toEqual(['A1:I1', 'A2:I2', 'A3:I3']);
    // Every column as wide as the template file's (core's widths), as the Word import writes them too.
    expect([...'ABCDEFGHI'].map((c) => wb.columnWidth(value.sheet, c))).toEqual(TEMPLATE_WIDTHS.tasks.map(charsToPoints));
  });

  it('refuses when neither the file can be inserted nor values are given', async () => {
    const fake = createFakeExcel(await fixtureSnapshot('cam-giang-phu-luc.xlsx'), { excelApi: '1.9' });
    await expect(createExcelPort(fake).insertTemplate('tasks', { base64: 'UEsDBA==' })).rejects.toMatchObject({ code: 'unsupported' });
  });
});

describe('addDropdowns', () => {
  const deadlines = ['Thường xuyên', 'Quý I/2026', 'Quý II/2026', 'Năm 2026'];

  it('puts the long agency list on the hidden "Danh mục" sheet and types the short deadline list into the rule', async () => {
    const fake = await fixtureExcel('cam-giang-phu-luc.xlsx');
    const sheet = fake.workbook.activeSheet();
    const agencies = canonicalAgencyNames();
    expect(agencies.join(',').length).toBeGreaterThan(255);
    const { syncs } = await counted(fake, () =>
      createExcelPort(fake).addDropdowns({
        sheet,
        firstRow: 6,
        lastRow: 47,
        columns: { lead: 'C', partners: 'D', deadline: 'E' },
        lists: { agencies, deadlines },
      }),
    );
    expect(syncs).toBe(2);
    expect(fake.workbook.visibility('Danh mục')).toBe('Hidden');
    const lists = fake.workbook.values('Danh mục');
    expect(lists[0]![0]).toBe('Cơ quan');
    expect(lists.slice(1).map((r) => r[0])).toEqual(agencies);
    const rules = Object.fromEntries(fake.workbook.validations(sheet).map((v) => [v.range, v]));
    expect(rules['C6:C47']!.rule).toEqual({ list: { inCellDropDown: true, source: `='Danh mục'!$A$2:$A$${agencies.length + 1}` } });
    expect(rules['C6:C47']!.errorAlert).toMatchObject({ showAlert: true, style: 'Warning' });
    expect(rules['D6:D47']!.errorAlert).toMatchObject({ style: 'Information' });
    expect(rules['E6:E47']!.rule).toEqual({ list: { inCellDropDown: true, source: deadlines.join(',') } });
  });

  it('leaves a visible sheet of the user’s named "Danh mục" alone', async () => {
    const snap = structuredClone(await fixtureSnapshot('cam-giang-phu-luc.xlsx'));
    snap.sheets.push({ name: 'Danh mục', cells: [{ r: 1, c: 1, v: 'Của cán bộ' }] });
    const fake = createFakeExcel(snap);
    await createExcelPort(fake).addDropdowns({
      sheet: 'Phụ lục I',
      firstRow: 6,
      lastRow: 47,
      columns: { lead: 'C' },
      lists: { agencies: canonicalAgencyNames(), deadlines },
    });
    expect(fake.workbook.values('Danh mục')).toEqual([['Của cán bộ']]);
    expect(fake.workbook.visibility('Danh mục phuluc')).toBe('Hidden');
  });
});

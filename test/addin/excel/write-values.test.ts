// writeValues: one block, text stays text, dates become dates; undoLast restores what was there, formulas included.
import { describe, expect, it } from 'vitest';
import { createExcelPort } from '../../../addin/src/excel/index.ts';
import { gridFromValues } from '../../../core/model/index.ts';
import { createFakeExcel } from '../../support/fake-excel/fake-host.ts';
import { snapshotFromGrids } from '../../support/fake-excel/from-grid.ts';
import { counted } from './support.ts';

function sheetWithFormula() {
  const snap = snapshotFromGrids([
    gridFromValues('PL', [
      ['TT', 'Nội dung', 'Số'],
      ['1', 'Việc một', 3],
      ['2', 'Việc hai', 4],
    ]),
  ]);
  snap.sheets[0]!.cells.push({ r: 4, c: 3, f: '=SUM(C2:C3)', v: 7 });
  return createFakeExcel(snap);
}

describe('writeValues', () => {
  it('writes the block in one assignment (plus one read for undo); text is never reinterpreted', async () => {
    const fake = sheetWithFormula();
    const port = createExcelPort(fake);
    const block = [
      ['3', '- Tuyên truyền trên loa', '=C2'],
      ['TRUE', '12/2025', new Date(Date.UTC(2026, 2, 15))],
      ['(Kèm theo)', 42, null],
    ];
    const { syncs, runs } = await counted(fake, () => port.writeValues('PL', 'A3', block));
    expect([syncs, runs]).toEqual([2, 1]);
    expect(fake.workbook.values('PL').slice(2)).toEqual([
      ['3', '- Tuyên truyền trên loa', '=C2'],
      ['TRUE', '12/2025', 46096],
      ['(Kèm theo)', 42, null],
    ]);
    expect(fake.workbook.cell('PL', 'C3').formula).toBeUndefined();
    expect(fake.workbook.cell('PL', 'C4').numberFormat).toBe('dd/mm/yyyy');
    const { grids } = await port.readWorkbook();
    expect(grids[0]!.rows[3]![2]!.v).toEqual(new Date(Date.UTC(2026, 2, 15)));
  });

  it('undoLast puts back values, the formula and the number format', async () => {
    const fake = sheetWithFormula();
    const port = createExcelPort(fake);
    const before = fake.workbook.snapshot();
    await port.writeValues('PL', 'B3', [
      ['Đã thay', 1],
      ['', new Date(Date.UTC(2026, 0, 1))],
    ]);
    expect(fake.workbook.cell('PL', 'C4').formula).toBeUndefined();
    const { value, syncs } = await counted(fake, () => port.undoLast());
    expect([value, syncs]).toEqual([true, 1]);
    expect(fake.workbook.snapshot()).toEqual(before);
    expect(fake.workbook.cell('PL', 'C4')).toMatchObject({ formula: '=SUM(C2:C3)', value: 7 });
  });

  it('names a missing sheet', async () => {
    const port = createExcelPort(sheetWithFormula());
    await expect(port.writeValues('Không có', 'A1', [['x']])).rejects.toMatchObject({
      code: 'sheet-not-found',
      messageEn: expect.stringContaining('Không có'),
    });
  });
});

// Fix-all in the pane on TCVN3 and VNI workbooks (written by openpyxl): the same patches as `phuluc fix`, every legacy
// cell of the sheet converted with its font, capitals kept, the sheet read back as the same table; undo restores it.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createExcelPort } from '../../../addin/src/excel/index.ts';
import { fixAll } from '../../../core/fix/index.ts';
import type { Appendix } from '../../../core/model/index.ts';
import { readPlan } from '../../../core/read/index.ts';
import { fixedCopy } from '../../../workbook/fix/apply-package.ts';
import { readWorkbook } from '../../../workbook/xlsx/index.ts';
import { createFakeExcel } from '../../support/fake-excel/fake-host.ts';
import { snapshotFromXlsx } from '../../support/fake-excel/snapshot.ts';
import { expectedFont, TCVN3_WORKBOOK, VNI_WORKBOOK, writeLegacyWorkbook } from '../../support/legacy-workbook.ts';

function table(a: Appendix): unknown {
  return { ...a, rows: a.rows.map(({ encoding: _decoded, ...row }) => row) };
}

describe.each([TCVN3_WORKBOOK, VNI_WORKBOOK])('fix-all a $encoding workbook in the pane', async (wb) => {
  const file = path.join(await mkdtemp(path.join(tmpdir(), `phuluc-pane-${wb.encoding}-`)), 'in.xlsx');
  writeLegacyWorkbook(wb, file);
  const bytes = new Uint8Array(await readFile(file));

  it('applies the rounds `phuluc fix` applies and leaves Unicode text in Unicode fonts', async () => {
    const fake = createFakeExcel(await snapshotFromXlsx(bytes));
    const port = createExcelPort(fake);
    const { grids } = await port.readWorkbook({ sheets: 'all' });
    const before = readPlan(grids).plan;
    const { rounds } = fixAll(grids);
    expect(rounds).toEqual(fixAll((await readWorkbook(bytes)).sheets).rounds);
    for (const round of rounds) expect((await port.applyPatches(round)).stale).toEqual([]);

    for (const [ref, , font, unicode] of wb.text) {
      const cell = fake.workbook.cell(wb.sheet, ref);
      expect({ ref, value: cell.value, font: cell.font }).toEqual({ ref, value: unicode, font: expectedFont(font) });
    }
    for (const [ref, value, font] of wb.numbers) expect(fake.workbook.cell(wb.sheet, ref)).toMatchObject({ value, font });

    // The pane's cells are those `phuluc fix` writes.
    const written = createFakeExcel(await snapshotFromXlsx(fixedCopy(bytes, rounds).bytes));
    expect(fake.workbook.values(wb.sheet)).toEqual(written.workbook.values(wb.sheet));

    const after = readPlan((await port.readWorkbook({ sheets: 'all' })).grids).plan;
    expect(after.appendices.map(table)).toEqual(before.appendices.map(table));
  });

  it('undo puts the legacy text and fonts back', async () => {
    const fake = createFakeExcel(await snapshotFromXlsx(bytes));
    const port = createExcelPort(fake);
    const { rounds } = fixAll((await port.readWorkbook({ sheets: 'all' })).grids);
    for (const round of rounds) await port.applyPatches(round);
    for (let i = rounds.length; i > 0; i--) expect(await port.undoLast()).toBe(true);
    for (const [ref, stored, font] of wb.text) expect(fake.workbook.cell(wb.sheet, ref)).toMatchObject({ value: stored, font });
  });
});

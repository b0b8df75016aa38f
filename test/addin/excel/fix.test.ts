// Acceptance: fix-all in the pane (core fixAll rounds → applyPatches) leaves the cells `phuluc fix` writes.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createExcelPort } from '../../../addin/src/excel/index.ts';
import { fixAll } from '../../../core/fix/index.ts';
import type { Patch } from '../../../core/fix/index.ts';
import { fixedCopy } from '../../../workbook/fix/apply-package.ts';
import { readWorkbook } from '../../../workbook/xlsx/index.ts';
import { allIssues } from '../../../core/validate/index.ts';
import { validateGrids } from '../../../core/validate/index.ts';
import { createFakeExcel, type FakeExcel } from '../../support/fake-excel/fake-host.ts';
import { snapshotFromXlsx } from '../../support/fake-excel/snapshot.ts';
import { fixture } from '../../support/paths.ts';
import { counted, FIXTURES, fixtureExcel } from './support.ts';

// undoLast takes it all back, deleted rows included; a cell changed meanwhile is reported stale, never overwritten.

/** What `phuluc fix` writes (workbook/fix/apply-package.ts, in-process), as a fake workbook to compare cell by cell. */
async function phulucFix(name: string): Promise<{ fixed: FakeExcel; rounds: Patch[][] }> {
  const input = new Uint8Array(await readFile(fixture(name)));
  const { rounds } = fixAll((await readWorkbook(input)).sheets);
  return { fixed: createFakeExcel(await snapshotFromXlsx(fixedCopy(input, rounds).bytes)), rounds };
}

function everything(fake: FakeExcel) {
  return fake.workbook.sheetNames().map((s) => ({
    sheet: s,
    values: fake.workbook.values(s),
    styles: fake.workbook.styles(s),
    merges: fake.workbook.merges(s).sort(),
    heights: fake.workbook.values(s).map((_, i) => fake.workbook.rowHeight(s, i + 1)),
  }));
}

describe.each(FIXTURES)('fix-all %s in the pane', (name) => {
  it('leaves every sheet with the values `phuluc fix` writes, one read and one write sync per round', async () => {
    const fake = await fixtureExcel(name);
    const port = createExcelPort(fake);
    const { grids } = await port.readWorkbook({ sheets: 'all' });
    const { rounds } = fixAll(grids);
    const expected = await phulucFix(name);
    // The pane's Grids (cells under merges empty) lead core to the very patches the exceljs Grids do.
    expect(rounds).toEqual(expected.rounds);
    expect(rounds.length).toBeGreaterThan(1);
    for (const round of rounds) {
      const { value, syncs, runs } = await counted(fake, () => port.applyPatches(round));
      expect(value.stale).toEqual([]);
      expect(value.applied).toBeGreaterThan(0);
      expect([syncs, runs]).toEqual([2, 1]);
    }
    expect(fake.workbook.sheetNames()).toEqual(expected.fixed.workbook.sheetNames());
    for (const s of fake.workbook.sheetNames()) expect(fake.workbook.values(s)).toEqual(expected.fixed.workbook.values(s));
    // Nothing safe is left to fix.
    const after = await port.readWorkbook({ sheets: 'all' });
    expect(allIssues(validateGrids(after.grids).report).filter((i) => i.fix?.safe)).toEqual([]);
  });

  it('undoLast restores values, formats, heights and merges, deleted rows included', async () => {
    const fake = await fixtureExcel(name);
    const before = everything(fake);
    const port = createExcelPort(fake);
    const { rounds } = fixAll((await port.readWorkbook({ sheets: 'all' })).grids);
    for (const round of rounds) await port.applyPatches(round);
    expect(everything(fake)).not.toEqual(before);
    for (let i = rounds.length; i > 0; i--) {
      const { value, syncs } = await counted(fake, () => port.undoLast());
      expect([value, syncs]).toEqual([true, 1]);
    }
    expect(everything(fake)).toEqual(before);
    expect(await port.undoLast()).toBe(false);
  });
});

describe('applyPatches', () => {
  it('leaves a cell changed since the patch was made and reports it stale', async () => {
    const fake = await fixtureExcel('cam-giang-phu-luc.xlsx');
    const port = createExcelPort(fake);
    const { grids } = await port.readWorkbook();
    const round = fixAll(grids).rounds[0]!;
    const edit = round.flatMap((p) => p.ops).find((op) => op.op === 'set-cells')!;
    const cell = (edit as { edits: { cell: string }[] }).edits[0]!.cell;
    fake.workbook.userSetValue(grids[0]!.sheet, cell, 'Cán bộ vừa sửa');
    const res = await port.applyPatches(round);
    expect(res.stale).toEqual([{ sheet: grids[0]!.sheet, cell }]);
    expect(fake.workbook.cell(grids[0]!.sheet, cell).value).toBe('Cán bộ vừa sửa');
  });

  it('writes patch text as text, whatever Excel would make of it when typed', async () => {
    const fake = await fixtureExcel('cam-giang-phu-luc.xlsx');
    const port = createExcelPort(fake);
    const sheet = (await port.readWorkbook()).grids[0]!.sheet;
    const texts = ['2', '- Tuyên truyền', '12/2025', '=A1', 'TRUE', "'trích dẫn", '80%'];
    const patch: Patch = {
      id: 't',
      code: 'stray-whitespace',
      safe: true,
      ops: [{ op: 'set-cells', sheet, edits: texts.map((to, i) => ({ cell: `B${60 + i}`, from: null, to })) }],
    };
    await port.applyPatches([patch]);
    expect(texts.map((_, i) => fake.workbook.cell(sheet, `B${60 + i}`).value)).toEqual(texts);
  });

  it('takes the marks off first when it deletes rows (they would move), and undo does not bring a mark back', async () => {
    const fake = await fixtureExcel('quang-son-phu-luc.xlsx');
    const port = createExcelPort(fake);
    const before = everything(fake);
    const { grids } = await port.readWorkbook({ sheets: 'all' });
    await port.markIssues(allIssues(validateGrids(grids).report));
    const round = fixAll(grids).rounds[0]!;
    expect(round.some((p) => p.ops.some((op) => op.op === 'delete-rows'))).toBe(true);
    await port.applyPatches(round);
    expect(fake.workbook.settings()).toEqual({});
    for (const s of fake.workbook.sheetNames()) expect(Object.values(fake.workbook.notes(s))).toEqual([]);
    await port.undoLast();
    expect(everything(fake)).toEqual(before);
  });
});

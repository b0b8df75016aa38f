// addAppendixSheets on the strict fake: whole sheets written, one sync for names plus one per block under the payload limit.
import { describe, expect, it } from 'vitest';
import { createExcelPort } from '../../../addin/src/excel/index.ts';
import type { AppendixSheetInput } from '../../../addin/src/excel/index.ts';
import { gridFromValues } from '../../../core/model/index.ts';
import { createFakeExcel } from '../../support/fake-excel/fake-host.ts';
import { snapshotFromGrids } from '../../support/fake-excel/from-grid.ts';
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

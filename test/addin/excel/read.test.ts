// readWorkbook through the fake: the same Grids as the server's exceljs reader, one sync, chunks only past the limit.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createExcelPort } from '../../../addin/src/excel/index.ts';
import { generateAppendix } from '../../../bench/gen/appendix.ts';
import { readWorkbook } from '../../../workbook/xlsx/index.ts';
import { createFakeExcel, DEFAULT_PAYLOAD_LIMIT } from '../../support/fake-excel/fake-host.ts';
import { snapshotFromGrids } from '../../support/fake-excel/from-grid.ts';
import { snapshotFromXlsx } from '../../support/fake-excel/snapshot.ts';
import { fixture } from '../../support/paths.ts';
import { counted, FIXTURES, fixtureExcel, gridValues } from './support.ts';

describe.each(FIXTURES)('readWorkbook %s', (name) => {
  it('gives the values, merges and fonts of the exceljs reader, in one sync per Excel.run', async () => {
    const fake = await fixtureExcel(name);
    const port = createExcelPort(fake);
    const { sheets } = await readWorkbook(await readFile(fixture(name)));
    const all = await counted(fake, () => port.readWorkbook({ sheets: 'all' }));
    // The sheet names are unknown before the first read: one sync when the active sheet is the only one, two otherwise.
    expect(all.runs).toBe(1);
    expect(all.syncs).toBe(sheets.length === 1 ? 1 : 2);
    expect(all.value.grids.map((g) => g.sheet)).toEqual(sheets.map((s) => s.sheet));
    all.value.grids.forEach((g, i) => {
      expect(gridValues(g)).toEqual(gridValues(sheets[i]!));
      expect(g.merges).toEqual(sheets[i]!.merges);
      // Every cell with a value has its font (legacy encodings are told by font); the exceljs reader agrees where it has one.
      g.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (!cell) return;
          expect(cell.font).toBeTruthy();
          const theirs = sheets[i]!.rows[r]?.[c]?.font;
          if (theirs) expect(cell.font).toBe(theirs);
        }),
      );
    });
    expect(all.value.active).toBe(sheets[0]!.sheet);
    expect(all.value.bytes).toBeGreaterThan(10_000);
    expect(all.value.bytes).toBeLessThan(DEFAULT_PAYLOAD_LIMIT);

    const again = await counted(fake, () => port.readWorkbook({ sheets: 'all' }));
    expect(again.syncs).toBe(1);
    expect(again.value.grids).toEqual(all.value.grids);

    const active = await counted(fake, () => port.readWorkbook());
    expect(active.syncs).toBe(1);
    expect(active.value.grids).toEqual([all.value.grids[0]]);
  });
});

describe('readWorkbook cell types', () => {
  it('reads dates (serial + date format) as UTC-midnight Dates, percentages with their format, formulas as results', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Ô');
    ws.getCell('A1').value = new Date(Date.UTC(2025, 11, 31));
    ws.getCell('A1').numFmt = 'dd/mm/yyyy';
    ws.getCell('B1').value = 0.8;
    ws.getCell('B1').numFmt = '0%';
    ws.getCell('C1').value = { formula: 'B1*100', result: 80 };
    ws.getCell('D1').value = true;
    ws.getCell('E1').value = { richText: [{ text: 'Phßng ', font: { name: '.VnTime' } }, { text: 'V¨n hãa' }] };
    ws.getCell('F1').value = { error: '#N/A' };
    ws.getCell('A2').value = 42;
    ws.getCell('B2').value = 'text';
    ws.getCell('B2').font = { name: 'VNI-Times' };
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const fake = createFakeExcel(await snapshotFromXlsx(bytes));
    const { grids } = await createExcelPort(fake).readWorkbook();
    const { sheets } = await readWorkbook(bytes);
    expect(gridValues(grids[0]!)).toEqual(gridValues(sheets[0]!));
    const row = grids[0]!.rows[0]!;
    expect(row[0]!.v).toEqual(new Date(Date.UTC(2025, 11, 31)));
    expect(row[1]).toMatchObject({ v: 0.8, fmt: '0%' });
    expect(row[2]!.v).toBe(80);
    expect(row[4]).toMatchObject({ v: 'Phßng V¨n hãa', font: '.VnTime' });
    expect(row[5]!.v).toBe('#N/A');
    expect(grids[0]!.rows[1]![1]).toMatchObject({ v: 'text', font: 'VNI-Times' });
    expect(grids[0]!.rows[1]![0]).toEqual({ v: 42, font: 'Calibri' });
  });
});

describe('readWorkbook of a 10,000-task sheet', () => {
  const grid = generateAppendix({ tasks: 10_000 });

  it('fits one sync under the 5 MB payload limit', async () => {
    const fake = createFakeExcel(snapshotFromGrids([grid]));
    const { value, syncs } = await counted(fake, () => createExcelPort(fake).readWorkbook());
    expect(syncs).toBe(1);
    expect(value.bytes).toBeLessThan(DEFAULT_PAYLOAD_LIMIT);
    expect(fake.stats.payloadBytes[0]).toBeLessThan(DEFAULT_PAYLOAD_LIMIT);
    expect(gridValues(value.grids[0]!)).toEqual(gridValues(grid));
  });

  it('reads in row blocks, each under the limit, when the sheet is over it — and gives the same Grid', async () => {
    const limit = 1_000_000;
    const whole = await createExcelPort(createFakeExcel(snapshotFromGrids([grid]))).readWorkbook();
    const fake = createFakeExcel(snapshotFromGrids([grid]), { payloadLimit: limit });
    const port = createExcelPort(fake, { payloadLimit: limit });
    const first = await counted(fake, () => port.readWorkbook());
    expect(first.value.grids).toEqual(whole.grids);
    expect(first.value.bytes).toBeGreaterThan(limit);
    // One refused attempt, one sync for the sheet's bounds, then blocks; never one sync per row.
    expect(first.syncs).toBeGreaterThan(3);
    expect(first.syncs).toBeLessThan(15);
    const [refused, ...rest] = fake.stats.payloadBytes;
    expect(refused).toBeGreaterThan(limit);
    for (const p of rest) expect(p).toBeLessThanOrEqual(limit);

    // The port remembers the sheet is big: the next read goes straight to blocks.
    const second = await counted(fake, () => port.readWorkbook());
    expect(second.syncs).toBe(first.syncs - 1);
    expect(second.value.grids).toEqual(whole.grids);
  });
});

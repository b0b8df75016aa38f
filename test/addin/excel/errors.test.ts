// Fallbacks and failures: older hosts (fill only), comments on 1.10, cell-edit mode, a hung sync, payload, selection.
import { describe, expect, it } from 'vitest';
import { createExcelPort, ExcelLayerError } from '../../../addin/src/excel/index.ts';
import { allIssues } from '../../../core/validate/index.ts';
import { validateGrids } from '../../../core/validate/index.ts';
import { createFakeExcel } from '../../support/fake-excel/fake-host.ts';
import { counted, fixtureExcel, fixtureSnapshot, gridValues } from './support.ts';

async function issuesOf(port: ReturnType<typeof createExcelPort>) {
  return allIssues(validateGrids((await port.readWorkbook({ sheets: 'all' })).grids).report);
}

describe('older Excel hosts', () => {
  it('ExcelApi 1.9: reads without merged areas, marks with fills only, clears them back', async () => {
    const fake = createFakeExcel(await fixtureSnapshot('cam-giang-phu-luc.xlsx'), { excelApi: '1.9' });
    const modern = createExcelPort(await fixtureExcel('cam-giang-phu-luc.xlsx'));
    const port = createExcelPort(fake);
    const sheet = fake.workbook.activeSheet();
    const before = fake.workbook.styles(sheet);
    const { grids } = await port.readWorkbook();
    expect(grids[0]!.merges).toEqual([]);
    expect(gridValues(grids[0]!)).toEqual(gridValues((await modern.readWorkbook()).grids[0]!));
    const issues = await issuesOf(port);
    const mark = await counted(fake, () => port.markIssues(issues));
    expect(mark.syncs).toBe(1);
    expect(fake.workbook.notes(sheet)).toEqual({});
    const cell = issues.find((i) => i.cell)!.cell!;
    expect(fake.workbook.cell(sheet, cell).fill.pattern).toBe('Solid');
    await port.clearMarks();
    expect(fake.workbook.styles(sheet)).toEqual(before);
  });

  it('ExcelApi 1.10: attaches threaded comments (tagged as ours) and removes only those', async () => {
    const fake = createFakeExcel(await fixtureSnapshot('cam-giang-phu-luc.xlsx'), { excelApi: '1.12' });
    const port = createExcelPort(fake);
    expect(port.capabilities()).toEqual({ comments: true, notes: false, insertFromBase64: false, nestedAppAuth: false, dialog: false });
    const issues = await issuesOf(port);
    const mark = await counted(fake, () => port.markIssues(issues));
    expect(mark.syncs).toBe(1);
    const cell = issues.find((i) => i.cell)!;
    expect(fake.workbook.cell(cell.sheet, cell.cell!).comment).toBe(`[phuluc] ${cell.message}`);
    await port.clearMarks();
    expect(fake.workbook.cell(cell.sheet, cell.cell!).comment).toBeUndefined();
  });

  it('below ExcelApi 1.9 the layer says it is unsupported', async () => {
    const port = createExcelPort(createFakeExcel(await fixtureSnapshot('cam-giang-phu-luc.xlsx'), { excelApi: '1.8' }));
    await expect(port.readWorkbook()).rejects.toMatchObject({ code: 'unsupported' });
  });
});

describe('Excel failures', () => {
  it('cell-edit mode becomes ExcelLayerError("cell-edit-mode") with both messages', async () => {
    const fake = await fixtureExcel('cam-giang-phu-luc.xlsx');
    fake.workbook.setCellEditMode(true);
    const err = await createExcelPort(fake)
      .readWorkbook()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExcelLayerError);
    expect(err).toMatchObject({
      code: 'cell-edit-mode',
      message: 'Hãy thoát khỏi chế độ sửa ô (nhấn Enter hoặc Esc) rồi thử lại.',
      messageEn: 'Leave cell-edit mode (press Enter or Esc) and try again.',
    });
  });

  it('a sync that never answers becomes ExcelLayerError("timeout")', async () => {
    const fake = await fixtureExcel('cam-giang-phu-luc.xlsx');
    fake.workbook.setHang(true);
    const started = Date.now();
    const err = await createExcelPort(fake, { syncTimeoutMs: 200 })
      .readWorkbook()
      .catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'timeout',
      message: expect.stringContaining('0.2 giây'),
      messageEn: expect.stringContaining('0.2 seconds'),
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('a write over the payload limit becomes ExcelLayerError("payload-too-large")', async () => {
    const fake = createFakeExcel(await fixtureSnapshot('cam-giang-phu-luc.xlsx'), { payloadLimit: 200_000 });
    const port = createExcelPort(fake, { payloadLimit: 200_000 });
    const block = Array.from({ length: 2_000 }, (_, i) => [`Nhiệm vụ ${i} `.repeat(10)]);
    await expect(port.writeValues('Phụ lục I', 'H1', block)).rejects.toMatchObject({ code: 'payload-too-large' });
  });

  it('selectCell activates the sheet and selects; a missing sheet is named', async () => {
    const fake = await fixtureExcel('quang-son-phu-luc.xlsx');
    const port = createExcelPort(fake);
    const { syncs } = await counted(fake, () => port.selectCell('PL II - Nhiệm vụ', 'C14'));
    expect(syncs).toBe(1);
    expect(fake.workbook.activeSheet()).toBe('PL II - Nhiệm vụ');
    expect(fake.workbook.selection()).toEqual({ sheet: 'PL II - Nhiệm vụ', address: "'PL II - Nhiệm vụ'!C14" });
    await expect(port.selectCell('PL III', 'A1')).rejects.toMatchObject({
      code: 'sheet-not-found',
      message: expect.stringContaining('PL III'),
    });
  });
});

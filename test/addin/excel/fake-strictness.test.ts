// The fake Excel is strict where Office.js is: unloaded reads, unsynced writes, unknown members, payload, API levels.
import { describe, expect, it } from 'vitest';
import { createFakeExcel, type FakeExcel } from '../../support/fake-excel/fake-host.ts';
import { snapshotFromGrids } from '../../support/fake-excel/from-grid.ts';
import { gridFromValues } from '../../../core/model/index.ts';

function small(opts = {}): FakeExcel {
  return createFakeExcel(
    snapshotFromGrids([
      gridFromValues('S', [
        ['TT', 'Nội dung'],
        ['1', 'Việc một'],
      ]),
    ]),
    opts,
  );
}

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as { code?: string }).code;
  }
  return 'no error';
};

describe('fake Excel strictness', () => {
  it('throws PropertyNotLoaded for a property read before load and sync', async () => {
    const fake = small();
    await fake.Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem('S').getRange('A1:B2');
      expect(code(() => r.values)).toBe('PropertyNotLoaded');
      r.load('values');
      expect(code(() => r.values)).toBe('PropertyNotLoaded');
      const props = r.getCellProperties({ format: { font: { name: true } } });
      expect(code(() => props.value)).toBe('ValueNotLoaded');
      await context.sync();
      expect(r.values).toEqual([
        ['TT', 'Nội dung'],
        ['1', 'Việc một'],
      ]);
      expect(code(() => r.address)).toBe('PropertyNotLoaded');
      expect(props.value[0]![0]).toEqual({ format: { font: { name: 'Calibri' } } });
    });
  });

  it('applies writes only at sync, and a loaded value stays as of the sync that loaded it', async () => {
    const fake = small();
    await fake.Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem('S').getRange('B2');
      r.load('values');
      await context.sync();
      r.values = [['Việc đã sửa']];
      expect(fake.workbook.cell('S', 'B2').value).toBe('Việc một');
      await context.sync();
      expect(fake.workbook.cell('S', 'B2').value).toBe('Việc đã sửa');
      expect(r.values).toEqual([['Việc một']]);
    });
  });

  it('throws on unknown members, misspelled load paths and read-only properties', async () => {
    const fake = small();
    await fake.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      const r = ws.getRange('A1') as unknown as Record<string, unknown>;
      expect(code(() => (r.getCel as () => void)())).toBe('UnknownMember');
      expect(code(() => (ws as unknown as { getUsedRnage(): void }).getUsedRnage())).toBe('UnknownMember');
      expect(code(() => (r.valeus = [['x']]))).toBe('UnknownMember');
      expect(code(() => ws.getRange('A1').load('valeus'))).toBe('UnknownMember');
      expect(code(() => ((r as { address: string }).address = 'B2'))).toBe('InvalidArgument');
      expect(code(() => (context as unknown as { synch(): void }).synch())).toBe('UnknownMember');
      expect(code(() => (fake.Excel as unknown as { DeleteShiftDirection: { upp: string } }).DeleteShiftDirection.upp)).toBe(
        'UnknownMember',
      );
      await context.sync();
    });
  });

  it('fails a sync whose payload passes the limit, and a write over it is not applied', async () => {
    const fake = createFakeExcel(
      snapshotFromGrids([
        gridFromValues(
          'S',
          Array.from({ length: 200 }, (_, i) => [i, `dòng ${i} `.repeat(10)]),
        ),
      ]),
      { payloadLimit: 5_000 },
    );
    await fake.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      ws.getRange('A1:B200').load('values');
      await expect(context.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
      ws.getRange('A1:A200').values = Array.from({ length: 200 }, () => ['x'.repeat(40)]);
      await expect(context.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    });
    expect(fake.workbook.cell('S', 'A1').value).toBe(0);
  });

  it('answers isSetSupported from the configured ExcelApi and fails newer APIs with ApiNotFound', async () => {
    const fake = small({ excelApi: '1.9' });
    expect(fake.Office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(true);
    expect(fake.Office.context.requirements.isSetSupported('ExcelApi', '1.10')).toBe(false);
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').notes.getCount();
      await expect(context.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
    });
  });

  it('reads typed input like Excel: numbers, dates and formulas unless the text starts with an apostrophe', async () => {
    const fake = small();
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A3:F3').values = [['2', "'2", '- bullet', '12/2025', 'TRUE', 'Quý I/2026']];
      await context.sync();
    });
    const v = (c: string) => fake.workbook.cell('S', c).value;
    expect([v('A3'), v('B3'), v('C3'), typeof v('D3'), v('E3'), v('F3')]).toEqual([2, '2', '#NAME?', 'number', true, 'Quý I/2026']);
    expect(fake.workbook.cell('S', 'B3').quotePrefix).toBe(true);
  });

  it('models null objects: isNullObject only after sync, methods on them fail the batch', async () => {
    const fake = small();
    await fake.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject('Không có');
      ws.load('name');
      expect(code(() => ws.isNullObject)).toBe('PropertyNotLoaded');
      await context.sync();
      expect(ws.isNullObject).toBe(true);
      ws.getRange('A1').load('values');
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidObjectPath' });
    });
  });

  it('rejects wrong-sized 2-D writes, long inline lists, and work left unsynced at the end of Excel.run', async () => {
    const fake = small();
    await fake.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      ws.getRange('A1:B1').values = [['một']];
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      ws.getRange('C1:C3').dataValidation.rule = {
        list: { inCellDropDown: true, source: Array.from({ length: 60 }, (_, i) => `Cơ quan ${i}`).join(',') },
      };
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1').values = [['x']];
      }),
    ).rejects.toMatchObject({ code: 'PendingActionsNotSynced' });
    expect(fake.stats.runs).toBe(2);
  });
});

// Validate in the pane (read → validateGrids → markIssues) costs one read and one write; marks come off exactly.
import { describe, expect, it } from 'vitest';
import { createExcelPort } from '../../../addin/src/excel/index.ts';
import { allIssues } from '../../../core/validate/index.ts';
import { validateGrids } from '../../../core/validate/index.ts';
import type { FakeExcel } from '../../support/fake-excel/fake-host.ts';
import { counted, FIXTURES, fixtureExcel } from './support.ts';

// clearMarks gives back the fills and notes the user had, even after the pane reloads.

const FILL = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' } as const;

async function validate(fake: FakeExcel, port = createExcelPort(fake), sheets: 'active' | 'all' = 'active') {
  const read = await counted(fake, () => port.readWorkbook({ sheets }));
  const issues = allIssues(validateGrids(read.value.grids).report);
  const mark = await counted(fake, () => port.markIssues(issues));
  return { port, issues, readSyncs: read.syncs, markSyncs: mark.syncs, runs: read.runs + mark.runs };
}

function looks(fake: FakeExcel) {
  return Object.fromEntries(fake.workbook.sheetNames().map((s) => [s, { styles: fake.workbook.styles(s), notes: fake.workbook.notes(s) }]));
}

describe.each(FIXTURES)('validate %s in the pane', (name) => {
  it('costs exactly one read sync and one write sync, and marks every issue cell', async () => {
    const fake = await fixtureExcel(name);
    const { issues, readSyncs, markSyncs, runs } = await validate(fake);
    expect([readSyncs, markSyncs, runs]).toEqual([1, 1, 2]);
    const active = fake.workbook.activeSheet();
    const located = issues.filter((i) => i.sheet === active && (i.cell || i.row));
    expect(located.length).toBeGreaterThan(10);
    for (const i of located) {
      const cell = fake.workbook.cell(active, i.cell ?? `A${i.row}`);
      expect(Object.values(FILL)).toContain(cell.fill.color);
      // The message only: the rule's code is internal (never in a note).
      expect(cell.note).toContain(i.message);
      expect(cell.note).not.toContain(`[${i.code}]`);
    }
    const error = located.find((i) => i.severity === 'error' && i.cell);
    if (error) expect(fake.workbook.cell(active, error.cell!).fill).toEqual({ pattern: 'Solid', color: FILL.error });
  });

  it('clearMarks restores the fills and notes exactly', async () => {
    const fake = await fixtureExcel(name);
    const before = looks(fake);
    const { port } = await validate(fake, undefined, 'all');
    expect(looks(fake)).not.toEqual(before);
    await port.clearMarks();
    expect(looks(fake)).toEqual(before);
    expect(fake.workbook.settings()).toEqual({});
  });
});

describe('marks over the user’s own formatting', () => {
  it('keeps a user fill and note under the mark and gives them back (read first, since the sheet is not uniform)', async () => {
    const fake = await fixtureExcel('cam-giang-phu-luc.xlsx');
    const sheet = fake.workbook.activeSheet();
    const first = await validate(fake, createExcelPort(fake));
    const target = first.issues.find((i) => i.cell)!.cell!;
    await first.port.clearMarks();
    fake.workbook.userFormat(sheet, target, { fill: { pattern: 'Gray50', color: '#00B050', patternColor: '#FFFFFF' } });
    fake.workbook.userNote(sheet, target, 'Ghi chú của cán bộ');
    const before = looks(fake);

    const { port, readSyncs, markSyncs } = await validate(fake, createExcelPort(fake));
    expect(readSyncs).toBe(1);
    // The sheet has a note of the user's and mixed fills now: one probe read before the write.
    expect(markSyncs).toBe(2);
    const marked = fake.workbook.cell(sheet, target);
    expect(marked.fill.pattern).toBe('Solid');
    expect(marked.note).toMatch(/^Ghi chú của cán bộ\n\n— phuluc —\n\S/);
    await port.clearMarks();
    expect(looks(fake)).toEqual(before);
  });

  it('clears marks after the pane reloads (the memory is in the document settings)', async () => {
    const fake = await fixtureExcel('quang-son-phu-luc.xlsx');
    const before = looks(fake);
    await validate(fake, createExcelPort(fake), 'all');
    fake.workbook.reloadPane();
    const fresh = createExcelPort(fake);
    const clear = await counted(fake, () => fresh.clearMarks());
    expect(clear.syncs).toBe(2);
    expect(looks(fake)).toEqual(before);
  });

  it('re-validating unmarks what was fixed by hand and keeps the rest', async () => {
    const fake = await fixtureExcel('cam-giang-phu-luc.xlsx');
    const sheet = fake.workbook.activeSheet();
    const { port, issues } = await validate(fake);
    const fixed = issues.find((i) => i.code === 'deadline-format' && i.cell)!;
    fake.workbook.userSetValue(sheet, fixed.cell!, String(fixed.params.canonical));
    const again = await validate(fake, port);
    expect(again.issues.some((i) => i.cell === fixed.cell)).toBe(false);
    expect(fake.workbook.cell(sheet, fixed.cell!).fill.pattern).toBe('None');
    expect(fake.workbook.cell(sheet, fixed.cell!).note).toBeUndefined();
    const still = again.issues.find((i) => i.cell && i.code !== fixed.code)!;
    expect(fake.workbook.cell(sheet, still.cell!).note).toContain(still.message);
  });
});

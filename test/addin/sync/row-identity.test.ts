// Task identity in the workbook: ids written into the hidden "phuluc-id" column stay with their tasks through what
// officials do to a sheet — sort, insert, delete, renumber, edit, save and reopen — on the strict fake Excel.
import { beforeEach, describe, expect, it } from 'vitest';
import { assignIds } from '../../../core/merge/index.ts';
import type { Plan } from '../../../core/model/index.ts';
import { readPlan } from '../../../core/read/index.ts';
import { createExcelPort } from '../../../addin/src/excel/index.ts';
import type { ExcelPort } from '../../../addin/src/excel/port.ts';
import { writeBackOps } from '../../../addin/src/sync/write-back.ts';
import { createFakeExcel, type FakeExcel } from '../../support/fake-excel/fake-host.ts';
import { fixtureSnapshot } from '../excel/support.ts';

const TASKS = 'PL II - Nhiệm vụ';

async function read(port: ExcelPort): Promise<Plan> {
  return readPlan((await port.readWorkbook({ sheets: 'all' })).grids).plan;
}

/** id → content of every task of the tasks table. */
function tasks(plan: Plan): Map<string, string> {
  const a = plan.appendices.find((x) => x.sheet === TASKS)!;
  return new Map(a.rows.filter((r) => r.kind === 'task' && r.id !== undefined).map((r) => [r.id!, r.fields.content!]));
}

let fake: FakeExcel;
let port: ExcelPort;
let before: Map<string, string>;

beforeEach(async () => {
  fake = createFakeExcel(await fixtureSnapshot('quang-son-phu-luc.xlsx'));
  port = createExcelPort(fake);
  // What the first push does: the server's answer carries an id per task, written back in one batch.
  const local = await read(port);
  let n = 0;
  const { ops } = writeBackOps(
    local,
    assignIds(local, null, () => `t-${String(++n).padStart(3, '0')}`),
  );
  await port.applyRowOps(ops);
  before = tasks(await read(port));
});

describe('task ids in the hidden column', () => {
  it('are written at the table’s right edge, in a hidden column the reader treats as no content', async () => {
    expect(fake.workbook.cell(TASKS, 'G5').value).toBe('phuluc-id');
    expect(fake.workbook.columnHidden(TASKS, 'G')).toBe(true);
    expect(before.size).toBe(53);
    const plan = await read(port);
    const a = plan.appendices.find((x) => x.sheet === TASKS)!;
    expect(a.idColumn).toBe('G');
    expect(a.range).toBe('A5:F73');
    expect(Object.keys(a.columns)).not.toContain('id');
  });

  it('follow their tasks when the user sorts the rows (the selection expanded over the hidden column)', async () => {
    const order = () => [7, 8, 9, 10, 11, 12].map((r) => fake.workbook.cell(TASKS, `G${r}`).value);
    const was = order();
    fake.workbook.userSort(TASKS, 7, 12, 'A', 'G', 'B', true);
    expect(order()).not.toEqual(was);
    expect(tasks(await read(port))).toEqual(before);
  });

  it('survive rows inserted above them; the new row has no id until the server gives one', async () => {
    fake.workbook.userInsertRows(TASKS, 9);
    fake.workbook.userSetValue(TASKS, 'A9', 2.5);
    fake.workbook.userSetValue(TASKS, 'B9', 'Nhiệm vụ mới chèn giữa bảng');
    fake.workbook.userSetValue(TASKS, 'C9', 'Công an xã');
    const plan = await read(port);
    expect(tasks(plan)).toEqual(before);
    const added = plan.appendices.find((x) => x.sheet === TASKS)!.rows.find((r) => r.fields.content === 'Nhiệm vụ mới chèn giữa bảng')!;
    expect(added.id).toBeUndefined();
  });

  it('go with a deleted row and stay with every other task', async () => {
    const gone = [...before].find(([, c]) => c.startsWith('Cụ thể hóa nhiệm vụ chuyển đổi'))![0];
    fake.workbook.userDeleteRows(TASKS, 11);
    const after = tasks(await read(port));
    const expected = new Map(before);
    expected.delete(gone);
    expect(after).toEqual(expected);
  });

  it('stay when TT is renumbered and when the text is edited', async () => {
    for (let r = 7; r <= 12; r++) fake.workbook.userSetValue(TASKS, `A${r}`, `${r - 6}.`);
    fake.workbook.userSetValue(TASKS, 'B11', 'Cụ thể hóa nhiệm vụ chuyển đổi số (đã sửa lời)');
    const after = tasks(await read(port));
    const id = fake.workbook.cell(TASKS, 'G11').value as string;
    expect(after.get(id)).toBe('Cụ thể hóa nhiệm vụ chuyển đổi số (đã sửa lời)');
    expect([...after.keys()]).toEqual([...before.keys()]);
  });

  it('survive saving and reopening the file (with the hidden column and the binding)', async () => {
    await port.writeSetting('phuluc.sync', {
      server: 'https://phuluc.tinh.gov.vn',
      commune: '05674',
      planKey: 'NQ57-2026',
      table: null,
      baseSeq: 1,
    });
    const reopened = createFakeExcel(fake.workbook.snapshot());
    const port2 = createExcelPort(reopened);
    expect(tasks(await read(port2))).toEqual(before);
    expect(reopened.workbook.columnHidden(TASKS, 'G')).toBe(true);
    expect(port2.readSetting('phuluc.sync')).toMatchObject({ commune: '05674', baseSeq: 1 });
  });

  it('write back in one Excel.run and one sync', async () => {
    const runs = fake.stats.runs;
    const syncs = fake.stats.syncs;
    const local = await read(port);
    const target = structuredClone(local);
    target.appendices.find((x) => x.sheet === TASKS)!.rows.find((r) => r.id !== undefined && r.kind === 'task')!.fields.lead =
      'Phòng Kinh tế';
    const { ops } = writeBackOps(local, target);
    const r0 = fake.stats.runs;
    const s0 = fake.stats.syncs;
    await port.applyRowOps(ops);
    expect([fake.stats.runs - r0, fake.stats.syncs - s0]).toEqual([1, 1]);
    expect(fake.stats.runs - runs).toBe(2);
    expect(fake.stats.syncs - syncs).toBe(2);
  });
});

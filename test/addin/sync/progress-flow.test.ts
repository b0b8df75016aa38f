// The Tiến độ tab's actions against the real app in-process: periods from the server, the progress columns added and
// edits written to the sheet, a report sent (Idempotency-Key, the period's head kept), two panes on different tasks
// (both kept) and on the same field (409, resolved per field), a locked and an unknown period, "không phát sinh",
// and a report kept offline then delivered once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProgressActions, type ProgressActions } from '../../../addin/src/progress/actions.ts';
import { taskLines } from '../../../addin/src/progress/lines.ts';
import { findCommune } from '../../../core/dvhc.ts';
import { backend, COMMUNE, notice, pane, SERVER, signIn, TASKS, type Backend, type Pane } from './support.ts';

const PLAN = 'NQ57-2026';
let be: Backend;
let tokenA = '';
let tokenB = '';
let consolidator = '';
const province = findCommune(COMMUNE)!.provinceCode;

beforeAll(async () => {
  be = await backend();
  tokenA = await be.token('editor', COMMUNE, 'Cán bộ A');
  tokenB = await be.token('editor', COMMUNE, 'Cán bộ B');
  consolidator = await be.token('consolidator', province, 'Cán bộ tỉnh');
  // 2026-H1 is long past its cut-off; the second half and the year are open until 2099.
  const res = await be.fetch(`${SERVER}/api/provinces/${province}/plans/${PLAN}/progress-periods`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${consolidator}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      periods: [
        { period: '2026-H1', cutoff: '2026-07-15' },
        { period: '2026-H2', cutoff: '2099-01-15' },
        { period: '2026', cutoff: '2099-01-31' },
      ],
    }),
  });
  expect(res.status).toBe(200);
}, 60_000);
afterAll(() => be?.close());

interface ProgressPane extends Pane {
  progress: ProgressActions;
}

async function progressPane(token: string, first: boolean): Promise<ProgressPane> {
  const p = await pane(be);
  await signIn(p, token, PLAN);
  // The tasks need their ids: the first pane pushes the plan, the next one pulls it.
  if (first) await p.sync.push('anyway');
  else await p.sync.pull();
  const progress = createProgressActions(p.sync.shared.ctx, p.sync.shared.creds);
  await progress.init();
  return { ...p, progress };
}

/** The line of the task on a sheet row, as the view lists it. */
function line(p: ProgressPane, row: number) {
  const s = p.store.get();
  return taskLines(s.plan!, s.progress.period!, s.progress.drafts, '2026-12-05').find((l) => l.row === row)!;
}

async function head(period: string) {
  const res = await be.fetch(`${SERVER}/api/communes/${COMMUNE}/plans/${PLAN}/progress/${period}`, {
    headers: { authorization: `Bearer ${consolidator}` },
  });
  return {
    status: res.status,
    body: (await res.json()) as { version: { seq: number }; report: { nothingToReport?: boolean; entries: Record<string, unknown>[] } },
  };
}

const progressRow = (p: ProgressPane, row: number) => p.fake.workbook.values(TASKS)[row - 1]!.slice(7, 15);

describe('Tiến độ actions (in-process server)', () => {
  let a: ProgressPane;
  let b: ProgressPane;

  it('lists the province’s periods with their state; adds the progress columns; edits go to the sheet in one batch', async () => {
    a = await progressPane(tokenA, true);
    await a.progress.loadPeriods();
    const st = a.store.get().progress;
    expect(st.source).toBe('server');
    expect(st.periods!.map((p) => [p.period, p.label, p.status?.state, p.status?.locked])).toEqual([
      ['2026-H1', '6 tháng đầu năm 2026', 'not-reported', true],
      ['2026-H2', '6 tháng cuối năm 2026', 'not-reported', false],
      ['2026', 'Năm 2026', 'not-reported', false],
    ]);
    expect(st.period).toBe('2026-H2');
    await a.progress.read();
    await a.progress.addColumns();
    expect(await notice(a)).toBe('8 progress columns added to the table.');
    expect(a.fake.workbook.values(TASKS)[4]!.slice(6, 15)).toEqual([
      'phuluc-id',
      'Tình trạng thực hiện',
      'Ngày hoàn thành',
      'Kết quả đạt được',
      'Lý do (tạm dừng, chậm tiến độ)',
      'Tài liệu kiểm chứng',
      'Kết quả nổi bật',
      'Khó khăn, vướng mắc',
      'Đề xuất, kiến nghị',
    ]);
    const key = line(a, 11).key;
    a.progress.setField(key, 'status', 'done');
    a.progress.setField(key, 'completedOn', '2026-11-20');
    a.progress.setField(key, 'achieved', 'Đã ban hành quy chế');
    a.progress.setField(line(a, 12).key, 'status', 'paused');
    a.progress.setField(line(a, 12).key, 'reason', 'Chờ kinh phí');
    const before = { runs: a.fake.stats.runs, syncs: a.fake.stats.syncs };
    await a.progress.save();
    expect(await notice(a)).toBe('Progress of 2 tasks written to the workbook.');
    // One batch for the cells, then one read of the workbook back.
    expect(a.fake.stats.runs - before.runs).toBe(2);
    expect(progressRow(a, 11)).toEqual(['Đã hoàn thành', 46346, 'Đã ban hành quy chế', null, null, null, null, null]);
    expect(progressRow(a, 12)).toEqual(['Tạm dừng', null, null, 'Chờ kinh phí', null, null, null, null]);
    expect(line(a, 11).fields).toEqual({
      status: 'done',
      completedOn: '2026-11-20',
      achieved: 'Đã ban hành quy chế',
      reason: '',
      obstacles: '',
      proposals: '',
    });
    expect([line(a, 11).category, line(a, 12).category]).toEqual(['done-on-time', 'paused']);
  }, 120_000);

  it('sends the report: the server stores it under the pane’s key; sending it again is "unchanged"', async () => {
    await a.progress.send();
    expect(await notice(a)).toBe('Report Second half of 2026 sent (submission 1).');
    const h = await head('2026-H2');
    expect(h.status).toBe(200);
    const id11 = line(a, 11).taskId!;
    const id12 = line(a, 12).taskId!;
    expect(h.body.report.entries.map(({ reportedAt: _, ...e }) => e)).toEqual([
      {
        taskId: id11,
        period: '2026-H2',
        status: 'done',
        completedOn: '2026-11-20',
        achieved: 'Đã ban hành quy chế',
        reportedBy: expect.any(String),
      },
      { taskId: id12, period: '2026-H2', status: 'paused', reason: 'Chờ kinh phí', reportedBy: expect.any(String) },
    ]);
    const posts = be.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/progress/2026-H2'));
    expect(posts.map((r) => /^progress-/.test(r.key ?? ''))).toEqual([true]);
    expect(a.store.get().progress.periods!.find((p) => p.period === '2026-H2')!.status!.state).toBe('submitted');
    await a.progress.send();
    expect(await notice(a)).toBe('No changes: the server already has exactly this report Second half of 2026 (submission 1).');
  }, 120_000);

  it('two panes: different tasks are both kept; the same field both ways is a conflict resolved per field', async () => {
    b = await progressPane(tokenB, false);
    await b.progress.loadPeriods();
    await b.progress.read();
    await b.progress.addColumns();
    b.progress.setField(line(b, 11).key, 'status', 'in-progress');
    b.progress.setField(line(b, 13).key, 'status', 'in-progress');
    b.progress.setField(line(b, 13).key, 'achieved', 'Đã khảo sát');
    await b.progress.send();
    const c = b.store.get().progress.conflict!;
    expect(c.conflicts).toEqual([
      { kind: 'task', id: line(b, 11).taskId, field: 'status', base: null, theirs: 'done', mine: 'in-progress' },
    ]);
    await b.progress.resolve(['theirs']);
    expect(b.store.get().progress.conflict).toBeNull();
    expect(await notice(b)).toBe('Report Second half of 2026 sent (submission 2).');
    // A's entries came into B's sheet with the answer.
    expect(progressRow(b, 11)).toEqual(['Đã hoàn thành', 46346, 'Đã ban hành quy chế', null, null, null, null, null]);
    expect(progressRow(b, 12)).toEqual(['Tạm dừng', null, null, 'Chờ kinh phí', null, null, null, null]);
    expect(progressRow(b, 13)).toEqual(['Đang thực hiện', null, 'Đã khảo sát', null, null, null, null, null]);
    expect((await head('2026-H2')).body.report.entries.map((e) => [e.status, e.achieved ?? null])).toEqual([
      ['done', 'Đã ban hành quy chế'],
      ['paused', null],
      ['in-progress', 'Đã khảo sát'],
    ]);
  }, 120_000);

  it('a locked period and one the province does not collect are said; "không phát sinh" is sent after asking', async () => {
    a.progress.choosePeriod('2026-H1');
    await a.progress.send();
    expect(a.store.get().progress.locked).toEqual({ period: '2026-H1', reason: 'cutoff-passed', cutoff: '2026-07-15' });
    a.progress.choosePeriod('2026-Q3');
    await a.progress.send();
    expect(a.store.get().progress.unknownPeriod).toEqual({
      period: '2026-Q3',
      periods: [
        { period: '2026', cutoff: '2099-01-31' },
        { period: '2026-H1', cutoff: '2026-07-15' },
        { period: '2026-H2', cutoff: '2099-01-15' },
      ],
    });
    a.progress.choosePeriod('2026');
    a.progress.askNothing();
    expect(a.store.get().progress.confirmNothing).toBe(true);
    await a.progress.sendNothing();
    expect(await notice(a)).toBe('Report Year 2026 sent (submission 1).');
    expect((await head('2026')).body.report).toMatchObject({ period: '2026', nothingToReport: true, entries: [], indicators: [] });
    expect(a.store.get().progress.queue).toEqual([]);
  }, 120_000);

  it('offline: the report waits in the queue and is delivered once, under its key, when the server answers again', async () => {
    a.progress.choosePeriod('2026-H2');
    await a.progress.read();
    const s = a.store.get();
    const free = taskLines(s.plan!, '2026-H2', {}, '2026-12-05').find((l) => l.row > 13)!;
    a.progress.setField(free.key, 'status', 'not-started');
    be.offline = true;
    await a.progress.send();
    expect(await notice(a)).toBe(
      'The report could not be sent: kept on this computer, it will be sent again when the server can be reached.',
    );
    const q = a.store.get().progress.queue;
    expect(q.map((i) => [i.state, i.period, i.baseSeq, i.error?.retry])).toEqual([['error', '2026-H2', 1, true]]);
    expect(JSON.parse(a.storage.data.get('phuluc.progress-queue')!)).toHaveLength(1);
    be.offline = false;
    // The retry is the queue's own timer, due after the back-off (seconds): fired as the pane's timers fire.
    await expect
      .poll(
        () => {
          for (const t of a.timers.splice(0)) t();
          return a.store.get().progress.queue.length;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(0);
    expect(await notice(a)).toBe('Report Second half of 2026 sent and merged with someone else’s (submission 3).');
    // The attempt that failed never reached the server; the one that did carried the key the report was queued under.
    const keys = be.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/progress/2026-H2')).map((r) => r.key);
    expect(keys.filter((k) => k === q[0]!.key)).toHaveLength(1);
    expect(keys.at(-1)).toBe(q[0]!.key);
    expect(a.storage.data.has('phuluc.progress-queue')).toBe(false);
  }, 120_000);
});

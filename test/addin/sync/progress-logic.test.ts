// The Tiến độ tab's pure parts: the sheet's tasks with edits laid over and the cells they write, the cells an answer
// brings into the sheet, a conflict resolved on the head (both sides' other changes kept), this year's periods.
import { describe, expect, it } from 'vitest';
import { columnsSpec } from '../../../addin/src/progress/columns.ts';
import { landingCells } from '../../../addin/src/progress/land.ts';
import { editCells, taskLines } from '../../../addin/src/progress/lines.ts';
import { offlinePeriods } from '../../../addin/src/progress/periods.ts';
import { resolveOnHead } from '../../../addin/src/progress/resolve.ts';
import type { ProgressConflict } from '../../../core/api/index.ts';
import { gridFromValues } from '../../../core/model/index.ts';
import type { ProgressReport } from '../../../core/progress/index.ts';
import { readPlan } from '../../../core/read/index.ts';

const plan = readPlan([
  gridFromValues('PL II', [
    [
      'TT',
      'Nội dung nhiệm vụ',
      'Cơ quan chủ trì',
      'Thời gian hoàn thành',
      'phuluc-id',
      'Tình trạng thực hiện',
      'Ngày hoàn thành',
      'Kết quả đạt được',
    ],
    ['I', 'Hoàn thiện thể chế', null, null, null, null, null, null],
    ['1', 'Ban hành quy chế số hóa', 'Công an xã', 'Quý II/2026', 't-1', 'Đang thực hiện', null, null],
    ['2', 'Tập huấn kỹ năng số', 'Công an xã', 'Năm 2026', 't-2', null, null, null],
  ]),
]).plan;

describe('task lines and their cells', () => {
  // Judged at the period's end once it is over: a task due that very day is still on time.
  it('reads the sheet, lays the edits over it, judges each task for the period, writes only what changed', () => {
    const drafts = {
      'PL II!4': { status: 'done', completedOn: '2026-05-20', achieved: 'Đã tổ chức 3 lớp', reason: 'không dùng: bảng không có cột này' },
    };
    const lines = taskLines(plan, '2026-H1', drafts, '2026-07-10');
    expect(lines.map((l) => [l.key, l.taskId, l.fields.status, l.dirty, l.category, l.due])).toEqual([
      ['PL II!3', 't-1', 'in-progress', false, 'in-progress-on-time', '2026-06-30'],
      ['PL II!4', 't-2', 'done', true, 'done-on-time', '2026-12-31'],
    ]);
    expect(editCells(lines)).toEqual([
      { sheet: 'PL II', cell: 'F4', value: 'Đã hoàn thành' },
      { sheet: 'PL II', cell: 'G4', value: new Date(Date.UTC(2026, 4, 20)) },
      { sheet: 'PL II', cell: 'H4', value: 'Đã tổ chức 3 lớp' },
    ]);
  });

  it('brings in what the answer says where the sheet differs, and nothing else', () => {
    const report: ProgressReport = {
      period: '2026-H1',
      entries: [
        { taskId: 't-1', period: '2026-H1', status: 'in-progress' },
        { taskId: 't-2', period: '2026-H1', status: 'paused', reason: 'Chờ kinh phí' },
        { taskId: 't-9', period: '2026-H1', status: 'done' },
      ],
      indicators: [],
    };
    expect(landingCells(plan, report)).toEqual([{ sheet: 'PL II', cell: 'F4', value: 'Tạm dừng' }]);
  });

  it('puts the missing columns right of the id column, under the one header row', () => {
    const spec = columnsSpec(plan.appendices[0]!, { error: 'e', prompt: 'p' });
    expect([spec.firstColumn, spec.headerRows, spec.firstRow, spec.lastRow, spec.columns.map((c) => c.kind)]).toEqual([
      'I',
      [1],
      2,
      4,
      ['text', 'text', 'text', 'text', 'text'],
    ]);
  });
});

describe('resolveOnHead', () => {
  const base: ProgressReport = {
    period: '2026-H1',
    entries: [{ taskId: 't-1', period: '2026-H1', status: 'in-progress' }],
    indicators: [],
  };
  const theirs: ProgressReport = {
    period: '2026-H1',
    entries: [
      { taskId: 't-1', period: '2026-H1', status: 'done', completedOn: '2026-05-02' },
      { taskId: 't-3', period: '2026-H1', status: 'not-started' },
    ],
    indicators: [],
  };
  const mine: ProgressReport = {
    period: '2026-H1',
    entries: [
      { taskId: 't-1', period: '2026-H1', status: 'paused', reason: 'Chờ kinh phí' },
      { taskId: 't-2', period: '2026-H1', status: 'in-progress' },
    ],
    indicators: [],
  };
  const conflicts: ProgressConflict[] = [{ kind: 'task', id: 't-1', field: 'status', base: 'in-progress', theirs: 'done', mine: 'paused' }];

  it('takes the server’s value where chosen and keeps every other change of both sides', () => {
    expect(resolveOnHead(base, theirs, mine, conflicts, ['theirs'])).toEqual({
      period: '2026-H1',
      entries: [
        { taskId: 't-1', period: '2026-H1', status: 'done', completedOn: '2026-05-02', reason: 'Chờ kinh phí' },
        { taskId: 't-3', period: '2026-H1', status: 'not-started' },
        { taskId: 't-2', period: '2026-H1', status: 'in-progress' },
      ],
      indicators: [],
    });
  });

  it('keeps mine where chosen', () => {
    expect(resolveOnHead(base, theirs, mine, conflicts, ['mine']).entries[0]).toEqual({
      taskId: 't-1',
      period: '2026-H1',
      status: 'paused',
      completedOn: '2026-05-02',
      reason: 'Chờ kinh phí',
    });
  });
});

describe('offlinePeriods', () => {
  it('lists this year’s quarters, halves, nine months and year, the quarter of today current', () => {
    expect(offlinePeriods('2026-05-04').map((p) => [p.period, p.label, p.current])).toEqual([
      ['2026-Q1', 'Quý I năm 2026', false],
      ['2026-Q2', 'Quý II năm 2026', true],
      ['2026-H1', '6 tháng đầu năm 2026', false],
      ['2026-Q3', 'Quý III năm 2026', false],
      ['2026-9M', '9 tháng năm 2026', false],
      ['2026-Q4', 'Quý IV năm 2026', false],
      ['2026-H2', '6 tháng cuối năm 2026', false],
      ['2026', 'Năm 2026', false],
    ]);
  });
});

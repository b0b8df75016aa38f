// progressCellValues: what a sheet holds for an entry, and that the reader takes those cells back to the same entry.
import { describe, expect, it } from 'vitest';
import { gridFromValues, type CellValue } from '../../../core/model/grid.ts';
import { actualCellValues, progressCellValues } from '../../../core/progress/cell-values.ts';
import { PROGRESS_COLUMNS } from '../../../core/progress/columns.ts';
import type { TaskProgress } from '../../../core/progress/entry.ts';
import { progressFromPlan } from '../../../core/progress/from-plan.ts';
import { readPlan } from '../../../core/read/index.ts';

const ENTRIES: TaskProgress[] = [
  {
    taskId: 't-1',
    period: '2026-Q2',
    status: 'done',
    completedOn: '2026-06-15',
    achieved: 'Đã ban hành quy chế',
    evidence: 'Quyết định số 12/QĐ-UBND',
    highlights: 'Hoàn thành sớm hai tuần',
  },
  { taskId: 't-2', period: '2026-Q2', status: 'in-progress', achieved: '60%', obstacles: 'Thiếu máy quét', proposals: 'Tỉnh hỗ trợ' },
  { taskId: 't-3', period: '2026-Q2', status: 'paused', reason: 'Chờ hướng dẫn' },
  { taskId: 't-4', period: '2026-Q2', status: 'dropped', reason: 'Đã gộp vào nhiệm vụ 2' },
  { taskId: 't-5', period: '2026-Q2', status: 'not-started' },
];

describe('progressCellValues', () => {
  it('gives every progress column a value: the status label, the day as a date, texts, null for nothing', () => {
    expect(progressCellValues(ENTRIES[0]!)).toEqual({
      status: 'Đã hoàn thành',
      completedOn: new Date(Date.UTC(2026, 5, 15)),
      achieved: 'Đã ban hành quy chế',
      reason: null,
      evidence: 'Quyết định số 12/QĐ-UBND',
      highlights: 'Hoàn thành sớm hai tuần',
      obstacles: null,
      proposals: null,
    });
    expect(progressCellValues(ENTRIES[4]!)).toEqual({
      status: 'Chưa thực hiện',
      completedOn: null,
      achieved: null,
      reason: null,
      evidence: null,
      highlights: null,
      obstacles: null,
      proposals: null,
    });
  });

  it('reads back to the same entries once written in a sheet', () => {
    const header = ['TT', 'Nội dung', 'Cơ quan chủ trì', 'Thời gian hoàn thành', ...PROGRESS_COLUMNS.map((c) => c.label.vi), 'phuluc-id'];
    const rows: CellValue[][] = ENTRIES.map((e, i) => {
      const v = progressCellValues(e);
      return [i + 1, `Nhiệm vụ ${i + 1}`, 'Văn phòng HĐND và UBND', 'Quý II/2026', ...PROGRESS_COLUMNS.map((c) => v[c.role]), e.taskId];
    });
    const { plan } = readPlan([gridFromValues('S', [header, ...rows])]);
    expect(progressFromPlan(plan, '2026-Q2', { today: '2026-06-30' })).toEqual({
      report: { period: '2026-Q2', entries: ENTRIES, indicators: [] },
      issues: [],
    });
  });

  it('keeps an actual value a number when it is one', () => {
    expect(actualCellValues({ indicatorId: 'c-1', period: '2026-Q2', value: 75, mode: 'cumulative', evidence: 'BC 5' })).toEqual({
      achieved: 75,
      evidence: 'BC 5',
    });
    expect(actualCellValues({ indicatorId: 'c-2', period: '2026-Q2', value: 'Đạt chuẩn', mode: 'cumulative' })).toEqual({
      achieved: 'Đạt chuẩn',
      evidence: null,
    });
  });
});

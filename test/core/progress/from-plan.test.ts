// progressFromPlan on sheets with progress columns: entries by task id, statuses read exactly, dates as ISO days,
// indicator actuals, and every row it cannot take named with its cell.
import { describe, expect, it } from 'vitest';
import { gridFromValues, type CellValue } from '../../../core/model/grid.ts';
import { PROGRESS_COLUMNS } from '../../../core/progress/columns.ts';
import { progressFromPlan } from '../../../core/progress/from-plan.ts';
import { readPlan } from '../../../core/read/index.ts';
import { englishLeaks } from '../../support/user-words.ts';

const PLAN = ['TT', 'Nội dung', 'Cơ quan chủ trì', 'Kết quả', 'Thời gian hoàn thành'];
// A..E plan, F..M progress, N id.
const HEADER = [...PLAN, ...PROGRESS_COLUMNS.map((c) => c.label.vi), 'phuluc-id'];

function plan(rows: CellValue[][]) {
  return readPlan([gridFromValues('Phụ lục II', [['PHỤ LỤC II'], [], HEADER, ['I', 'Nhóm một', ...Array(11).fill(null), 'g-1'], ...rows])])
    .plan;
}

/** A task row: plan cells, then progress cells in PROGRESS_COLUMNS order, then the id. */
const task = (tt: number, id: string | null, progress: CellValue[]): CellValue[] => {
  const cells = [...progress, ...Array(8 - progress.length).fill(null)];
  return [tt, `Nhiệm vụ ${tt}`, 'Văn phòng HĐND và UBND', 'Báo cáo', 'Quý II/2026', ...cells, id];
};

describe('progressFromPlan: tasks', () => {
  it('reads each filled task row into an entry keyed by its id, skipping rows with nothing reported', () => {
    const p = plan([
      task(1, 't-1', ['Đã hoàn thành', new Date(Date.UTC(2026, 5, 15)), 'Đã ban hành quy chế', null, 'QĐ số 12/QĐ-UBND', 'Làm sớm']),
      task(2, 't-2', ['Đang triển khai', null, '60% hồ sơ đã số hóa', null, null, null, 'Thiếu máy quét', 'Tỉnh hỗ trợ máy quét']),
      task(3, 't-3', []),
      task(4, 't-4', ['Tạm dừng', null, null, 'Chờ hướng dẫn của tỉnh']),
      task(5, 't-5', ['chưa triển khai']),
    ]);
    expect(progressFromPlan(p, '2026-Q2', { today: '2026-06-30' })).toEqual({
      report: {
        period: '2026-Q2',
        entries: [
          {
            taskId: 't-1',
            period: '2026-Q2',
            status: 'done',
            completedOn: '2026-06-15',
            achieved: 'Đã ban hành quy chế',
            evidence: 'QĐ số 12/QĐ-UBND',
            highlights: 'Làm sớm',
          },
          {
            taskId: 't-2',
            period: '2026-Q2',
            status: 'in-progress',
            achieved: '60% hồ sơ đã số hóa',
            obstacles: 'Thiếu máy quét',
            proposals: 'Tỉnh hỗ trợ máy quét',
          },
          { taskId: 't-4', period: '2026-Q2', status: 'paused', reason: 'Chờ hướng dẫn của tỉnh' },
          { taskId: 't-5', period: '2026-Q2', status: 'not-started' },
        ],
        indicators: [],
      },
      issues: [],
    });
  });

  it.each([
    ['15/6/2026', '2026-06-15'],
    ['15-06-2026', '2026-06-15'],
    [46188, '2026-06-15'],
    ['ngày 15 tháng 6 năm 2026', '2026-06-15'],
  ])('reads the completion date %j as %s', (cell, day) => {
    const p = plan([task(1, 't-1', ['Hoàn thành', cell, 'Xong'])]);
    expect(progressFromPlan(p, '2026-Q2').report.entries).toEqual([
      { taskId: 't-1', period: '2026-Q2', status: 'done', completedOn: day, achieved: 'Xong' },
    ]);
  });

  it('names every row it cannot take, and the checks of the entries it takes, with their cells', () => {
    const p = plan([
      task(1, null, ['Đã hoàn thành', '15/6/2026', 'Xong']),
      task(2, 't-2', ['Gần xong']),
      task(3, 't-3', [null, null, 'Đã họp hai lần']),
      task(4, 't-4', ['Đã hoàn thành', 'tháng 6', 'Xong']),
      task(5, 't-5', ['Không thực hiện']),
      task(6, 't-6', ['Đã hoàn thành', '20/7/2026']),
      task(7, 't-7', ['Đang thực hiện', '01/06/2026']),
    ]);
    const { report, issues } = progressFromPlan(p, '2026-Q2', { today: '2026-07-01' });
    expect(report.entries.map((e) => [e.taskId, e.status, e.completedOn])).toEqual([
      ['t-4', 'done', undefined],
      ['t-5', 'dropped', undefined],
      ['t-6', 'done', '2026-07-20'],
      ['t-7', 'in-progress', '2026-06-01'],
    ]);
    expect(issues.map((i) => [i.at?.cell, i.code, i.severity, i.taskId])).toEqual([
      ['F5', 'row-without-id', 'error', undefined],
      ['F6', 'status-unreadable', 'error', 't-2'],
      ['F7', 'status-missing', 'error', 't-3'],
      ['G8', 'completion-date-unreadable', 'error', 't-4'],
      ['I9', 'reason-missing', 'error', 't-5'],
      ['H10', 'achieved-missing', 'warning', 't-6'],
      ['G10', 'completion-date-future', 'error', 't-6'],
      ['G11', 'completion-date-not-done', 'warning', 't-7'],
    ]);
    expect(issues.flatMap((i) => englishLeaks(i.message.vi))).toEqual([]);
    expect(issues.find((i) => i.code === 'status-unreadable')).toEqual({
      code: 'status-unreadable',
      severity: 'error',
      field: 'status',
      taskId: 't-2',
      at: { sheet: 'Phụ lục II', cell: 'F6' },
      message: {
        vi: 'Tình trạng "Gần xong" không đọc được; chọn một trong: "Chưa thực hiện", "Đang thực hiện", "Đã hoàn thành", "Tạm dừng", "Không thực hiện".',
        en: 'The status "Gần xong" cannot be read; pick one of: "Not started", "In progress", "Done", "Paused", "Dropped".',
      },
    });
  });
});

describe('progressFromPlan: indicators', () => {
  const indicatorPlan = (achievedLabel: string, rows: CellValue[][]) =>
    readPlan([
      gridFromValues('Phụ lục I', [
        ['TT', 'Tên chỉ tiêu', 'Đơn vị tính', 'Kết quả', achievedLabel, 'Tài liệu kiểm chứng', 'phuluc-id'],
        ...rows,
      ]),
    ]).plan;

  it('reads achieved values as numbers when they are one number, else as text', () => {
    const p = indicatorPlan('Kết quả thực hiện đạt được', [
      [1, 'Tỷ lệ hồ sơ trực tuyến toàn trình', '%', '≥ 80%', '75%', 'Báo cáo số 5/BC-UBND', 'c-1'],
      [2, 'Số cán bộ được tập huấn', 'người', '40', '35,5', null, 'c-2'],
      [3, 'Ban hành quy chế', 'Văn bản', 'Đã ban hành', 'Đã ban hành', null, 'c-3'],
      [4, 'Tỷ lệ thanh toán không dùng tiền mặt', '%', '≥ 50%', null, null, 'c-4'],
      [5, 'Số mô hình chuyển đổi số', 'mô hình', '2', 1, null, null],
    ]);
    expect(progressFromPlan(p, '2026-Q2')).toEqual({
      report: {
        period: '2026-Q2',
        entries: [],
        indicators: [
          { indicatorId: 'c-1', period: '2026-Q2', value: 75, mode: 'cumulative', evidence: 'Báo cáo số 5/BC-UBND' },
          { indicatorId: 'c-2', period: '2026-Q2', value: 35.5, mode: 'cumulative' },
          { indicatorId: 'c-3', period: '2026-Q2', value: 'Đã ban hành', mode: 'cumulative' },
        ],
      },
      issues: [
        {
          code: 'row-without-id',
          severity: 'error',
          field: 'achieved',
          at: { sheet: 'Phụ lục I', cell: 'E6' },
          message: {
            vi: 'Dòng 6 chưa có mã nhiệm vụ nên tiến độ của dòng này chưa ghi nhận được; mở bảng bằng phần bổ trợ hoặc nạp kế hoạch lên máy chủ để đánh mã.',
            en: 'Row 6 has no task id, so its progress cannot be recorded; open the sheet in the add-in or upload the plan to number its tasks.',
          },
        },
      ],
    });
  });

  it('takes a column "trong kỳ" as what the period alone achieved', () => {
    const p = indicatorPlan('Thực hiện trong kỳ', [[1, 'Số cán bộ được tập huấn', 'người', '40', 12, null, 'c-1']]);
    expect(progressFromPlan(p, '2026-Q2').report.indicators).toEqual([
      { indicatorId: 'c-1', period: '2026-Q2', value: 12, mode: 'within-period' },
    ]);
  });
});

// core/validate/rules/progress.ts on small sheets: progress-status-unreadable, progress-date-unreadable,
// progress-date-missing, progress-date-future, progress-date-not-done, progress-achieved-missing,
// progress-reason-missing — the exact list each sheet gets, and the messages an official reads.
import { describe, expect, it } from 'vitest';
import { gridFromValues, type CellValue } from '../../../../core/model/grid.ts';
import { englishLeaks } from '../../../support/user-words.ts';
import { check, H, issuesOf, task, TEXTS } from './sheet.ts';

// G status, H completion date, I achieved, J reason.
const P = [...H, 'Tình trạng thực hiện', 'Ngày hoàn thành', 'Kết quả đạt được', 'Lý do (tạm dừng, chậm tiến độ)'];
const row = (n: number, progress: CellValue[]) => [...task(n, TEXTS[n - 1]!), ...progress, ...Array(4 - progress.length).fill(null)];

describe('progress columns of a task table', () => {
  it('reports nothing on rows filled as they should be, nor on rows not reported yet', () => {
    expect(
      issuesOf(
        [
          P,
          row(1, ['Đã hoàn thành', '15/06/2026', 'Đã ban hành quy chế']),
          row(2, ['Đang thực hiện', null, '60% hồ sơ']),
          row(3, ['Tạm dừng', null, null, 'Chờ kinh phí']),
          row(4, ['Không thực hiện', null, null, 'Đã gộp vào nhiệm vụ 2']),
          row(5, []),
          row(6, ['Chưa triển khai']),
          row(7, ['Hoàn thành', new Date(Date.UTC(2026, 5, 30)), 'Xong']),
        ],
        { today: '2026-06-30' },
      ),
    ).toEqual([]);
  });

  it('one problem per row, at its cell', () => {
    expect(
      issuesOf(
        [
          P,
          row(1, ['Gần xong']),
          row(2, ['Đã hoàn thành', null, 'Đã ban hành']),
          row(3, ['Đã hoàn thành', '15/06/2026']),
          row(4, ['Đang thực hiện', '01/06/2026']),
          row(5, ['Tạm dừng']),
          row(6, ['Đã hoàn thành', '20/07/2026', 'Xong']),
          row(7, ['Đã hoàn thành', 'tháng 6', 'Xong']),
        ],
        { today: '2026-06-30' },
      ),
    ).toEqual([
      ['G2', 'progress-status-unreadable', 'error'],
      ['H3', 'progress-date-missing', 'warning'],
      ['I4', 'progress-achieved-missing', 'warning'],
      ['H5', 'progress-date-not-done', 'warning'],
      ['J6', 'progress-reason-missing', 'error'],
      ['H7', 'progress-date-future', 'error'],
      ['H8', 'progress-date-unreadable', 'error'],
    ]);
  });

  it('takes today from asOf when not given, and checks no future without either', () => {
    const rows = [P, row(1, ['Đã hoàn thành', '20/07/2026', 'Xong'])];
    expect(issuesOf(rows, { asOf: '2026-06-30' })).toEqual([['H2', 'progress-date-future', 'error']]);
    expect(issuesOf(rows)).toEqual([]);
  });

  it('takes a plan\'s schedule headed "Tiến độ thực hiện" for what it is, not for an unreadable status', () => {
    const schedule = [...H.slice(0, 5), 'Tiến độ thực hiện'];
    // The table then lacks a deadline column (structure.ts says so); nothing about progress.
    expect(issuesOf([schedule, task(1, TEXTS[0], { deadline: 'Quý I/2026' }), task(2, TEXTS[1], { deadline: 'Thường xuyên' })])).toEqual([
      [1, 'missing-column', 'error'],
    ]);
  });

  it('asks for a reason, a date or a result only where the table has the column', () => {
    const statusOnly = [...H, 'Tình trạng thực hiện'];
    expect(issuesOf([statusOnly, [...task(1, TEXTS[0]), 'Tạm dừng'], [...task(2, TEXTS[1]), 'Đã hoàn thành']])).toEqual([]);
  });

  it('words its messages with the allowed statuses and dates as officials write them', () => {
    const { issues } = check([gridFromValues('S', [P, row(1, ['Gần xong']), row(2, ['Tạm dừng', '20/07/2026'])])], { today: '2026-06-30' });
    expect(issues.map((i) => [i.code, i.message, i.messageEn, i.tags])).toEqual([
      [
        'progress-status-unreadable',
        'Tình trạng “Gần xong” không đọc được; chọn một trong: “Chưa thực hiện”, “Đang thực hiện”, “Đã hoàn thành”, “Tạm dừng”, “Không thực hiện”.',
        'The status "Gần xong" cannot be read; pick one of: "Not started", "In progress", "Done", "Paused", "Dropped".',
        ['#progress', '#cell'],
      ],
      [
        'progress-date-future',
        'Ngày hoàn thành 20/07/2026 ở sau ngày hôm nay (30/06/2026).',
        'The completion date 20/07/2026 is after today (30/06/2026).',
        ['#progress', '#cell'],
      ],
      [
        'progress-date-not-done',
        'Có ngày hoàn thành 20/07/2026 nhưng tình trạng là “Tạm dừng”.',
        'A completion date 20/07/2026 is given but the status is "Paused".',
        ['#progress', '#cell'],
      ],
      ['progress-reason-missing', 'Nhiệm vụ “Tạm dừng” chưa ghi lý do.', 'A task marked "Paused" gives no reason.', ['#progress', '#cell']],
    ]);
  });

  it('shows an official no internal word in any of its messages', () => {
    const { issues } = check(
      [
        gridFromValues('S', [
          P,
          row(1, ['Gần xong']),
          row(2, ['Đã hoàn thành']),
          row(3, ['Tạm dừng', '20/07/2026']),
          row(4, ['Không thực hiện', 'tháng 6']),
        ]),
      ],
      { today: '2026-06-30' },
    );
    expect(new Set(issues.map((i) => i.code)).size).toBe(7);
    expect(issues.flatMap((i) => englishLeaks(i.message))).toEqual([]);
  });
});

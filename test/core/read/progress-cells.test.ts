// Status words and completion days as officials write them in progress cells: read exactly, never guessed.
import { describe, expect, it } from 'vitest';
import { parseDay, parseStatus, statusWordList } from '../../../core/read/index.ts';

describe('parseStatus', () => {
  it.each([
    ['Chưa thực hiện', 'not-started'],
    ['Chưa triển khai', 'not-started'],
    ['chưa bắt đầu', 'not-started'],
    ['Đang thực hiện', 'in-progress'],
    ['Đang triển khai', 'in-progress'],
    ['ĐANG THỰC HIỆN', 'in-progress'],
    ['Đang thực hiện (đạt 60%)', 'in-progress'],
    ['Đã hoàn thành', 'done'],
    ['Hoàn thành', 'done'],
    ['Đã xong', 'done'],
    ['  hoàn thành\n', 'done'],
    ['Hoàn thành đúng hạn', 'done'],
    ['Tạm dừng', 'paused'],
    ['Dừng', 'paused'],
    ['Tạm ngừng', 'paused'],
    ['Không thực hiện', 'dropped'],
    ['Hủy', 'dropped'],
    ['Huỷ', 'dropped'],
    // Words that say something else than one status: left for a person.
    ['Hoàn thành 80%', null],
    ['Chưa hoàn thành', null],
    ['x', null],
    ['', null],
    ['Đang hoàn thiện hồ sơ', null],
  ])('%j → %s', (text, status) => {
    expect(parseStatus(text)).toBe(status);
  });

  it('lists the five words of the dropdown', () => {
    expect(statusWordList('vi')).toBe('"Chưa thực hiện", "Đang thực hiện", "Đã hoàn thành", "Tạm dừng", "Không thực hiện"');
    expect(statusWordList('en')).toBe('"Not started", "In progress", "Done", "Paused", "Dropped"');
  });
});

describe('parseDay', () => {
  it.each([
    ['15/6/2026', '2026-06-15'],
    ['15/06/2026', '2026-06-15'],
    ['15-06-2026', '2026-06-15'],
    ['15.06.2026', '2026-06-15'],
    ['2026-06-15', '2026-06-15'],
    ['ngày 15 tháng 6 năm 2026', '2026-06-15'],
    ['46188', '2026-06-15'],
    [' 01/01/2026 ', '2026-01-01'],
    ['31/2/2026', null],
    ['6/2026', null],
    ['Quý II/2026', null],
    ['đã xong', null],
    ['', null],
  ])('%j → %s', (text, day) => {
    expect(parseDay(text)).toBe(day);
  });
});

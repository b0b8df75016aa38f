// The reported statuses and the categories: the words officials see, one per status or category.
import { describe, expect, it } from 'vitest';
import { PROGRESS_CATEGORIES, PROGRESS_CATEGORY_LABEL, PROGRESS_STATUS_LABEL, PROGRESS_STATUSES } from '../../../core/progress/index.ts';

describe('labels', () => {
  it('names the five statuses as the dropdown lists them', () => {
    expect(PROGRESS_STATUSES.map((s) => PROGRESS_STATUS_LABEL[s].vi)).toEqual([
      'Chưa thực hiện',
      'Đang thực hiện',
      'Đã hoàn thành',
      'Tạm dừng',
      'Không thực hiện',
    ]);
  });

  it('names the categories in report order', () => {
    expect(PROGRESS_CATEGORIES.map((c) => PROGRESS_CATEGORY_LABEL[c].vi)).toEqual([
      'Hoàn thành đúng hạn',
      'Hoàn thành quá hạn',
      'Đang thực hiện trong hạn',
      'Quá hạn chưa hoàn thành',
      'Chưa đến hạn',
      'Không xác định hạn',
      'Tạm dừng',
      'Không thực hiện',
    ]);
  });
});

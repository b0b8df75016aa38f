// Progress entries: what the schema refuses and what the fields must say together, as issues (never thrown).
import { describe, expect, it } from 'vitest';
import { checkTaskProgress, TaskProgressSchema, validateTaskProgress, type TaskProgress } from '../../../core/progress/index.ts';

const base: TaskProgress = { taskId: 't1', period: '2026-Q2', status: 'in-progress' };
const codes = (e: Partial<TaskProgress>, today?: string) => validateTaskProgress({ ...base, ...e }, { today }).map((i) => i.code);

describe('TaskProgressSchema', () => {
  it('trims text and drops empty cells', () => {
    const e = TaskProgressSchema.parse({
      ...base,
      status: 'paused',
      reason: '  Chờ kinh phí  ',
      achieved: '   ',
      obstacles: 'Thiếu cán bộ',
      reportedAt: '2026-06-30T09:15:00+07:00',
    });
    expect(e).toEqual({
      taskId: 't1',
      period: '2026-Q2',
      status: 'paused',
      reason: 'Chờ kinh phí',
      obstacles: 'Thiếu cán bộ',
      reportedAt: '2026-06-30T09:15:00+07:00',
    });
  });
});

describe('checkTaskProgress', () => {
  it('turns every schema failure into an issue naming the field in words', () => {
    const r = checkTaskProgress({ taskId: '', period: '2026-Q5', status: 'finished', completedOn: '2026-02-30', reportedAt: 'hôm qua' });
    expect(r.entry).toBeUndefined();
    expect(r.issues.map((i) => [i.code, i.severity, i.field, i.message.vi])).toEqual([
      ['invalid-field', 'error', 'taskId', 'Mã nhiệm vụ không hợp lệ.'],
      ['invalid-field', 'error', 'period', 'Kỳ báo cáo không hợp lệ: ghi dạng 2026-M03, 2026-Q1, 2026-H1, 2026-9M, 2026 hoặc 2026-06-15.'],
      ['invalid-field', 'error', 'status', 'Tình trạng thực hiện không hợp lệ.'],
      [
        'invalid-field',
        'error',
        'completedOn',
        'Ngày hoàn thành không hợp lệ: phải là một ngày có thật, ghi dạng năm-tháng-ngày (2026-06-30).',
      ],
      ['invalid-field', 'error', 'reportedAt', 'Thời điểm báo cáo không hợp lệ.'],
    ]);
    expect(r.issues.map((i) => i.message.en.split(':')[0])).toEqual([
      'Task id is invalid',
      'Reporting period is invalid.',
      'Status is invalid',
      'Completed on is invalid.',
      'Reported at is invalid',
    ]);
  });

  it('refuses a body that is not an object, and names a missing field', () => {
    expect(checkTaskProgress(null).issues.map((i) => [i.code, i.field])).toEqual([['invalid-field', '']]);
    expect(checkTaskProgress({ taskId: 't1', period: '2026' }).issues.map((i) => [i.code, i.field])).toEqual([['invalid-field', 'status']]);
  });

  it('gives the parsed entry and the field rules’ issues when the shape is right', () => {
    const r = checkTaskProgress({ taskId: 't1', period: '2026-Q2', status: 'dropped', reason: ' ' });
    expect(r).toEqual({
      entry: { taskId: 't1', period: '2026-Q2', status: 'dropped' },
      issues: [
        {
          code: 'reason-missing',
          severity: 'error',
          field: 'reason',
          message: { vi: 'Nhiệm vụ "Không thực hiện" phải ghi lý do.', en: 'A task marked "Dropped" needs a reason.' },
        },
      ],
    });
  });
});

describe('validateTaskProgress', () => {
  it('asks a reason of a paused or dropped task only', () => {
    expect([
      codes({ status: 'paused' }),
      codes({ status: 'dropped' }),
      codes({ status: 'paused', reason: 'Chờ hướng dẫn của tỉnh' }),
      codes({ status: 'not-started' }),
      codes({ status: 'in-progress' }),
    ]).toEqual([['reason-missing'], ['reason-missing'], [], [], []]);
  });

  it('asks a done task for its date and what was achieved', () => {
    expect([
      codes({ status: 'done' }),
      codes({ status: 'done', completedOn: '2026-05-02' }),
      codes({ status: 'done', achieved: 'Đã ban hành kế hoạch' }),
      codes({ status: 'done', completedOn: '2026-05-02', achieved: 'Đã ban hành kế hoạch' }),
    ]).toEqual([['completion-date-missing', 'achieved-missing'], ['achieved-missing'], ['completion-date-missing'], []]);
  });

  it('checks the completion date against today, the period and the status', () => {
    const done = { status: 'done' as const, achieved: 'Xong' };
    expect([
      codes({ ...done, completedOn: '2026-06-20' }, '2026-06-10'),
      codes({ ...done, completedOn: '2026-07-02' }, '2026-07-05'),
      codes({ ...done, completedOn: '2026-07-02' }),
      codes({ ...done, completedOn: '2026-06-30' }, '2026-06-30'),
      codes({ status: 'in-progress', completedOn: '2026-06-01' }),
    ]).toEqual([
      ['completion-date-future'],
      ['completion-date-after-period'],
      ['completion-date-after-period'],
      [],
      ['completion-date-not-done'],
    ]);
  });

  it('writes its messages in both languages with days as dd/mm/yyyy', () => {
    const issues = validateTaskProgress({ ...base, status: 'done', completedOn: '2026-06-20', achieved: 'Xong' }, { today: '2026-06-10' });
    expect(issues.map((i) => i.message)).toEqual([
      { vi: 'Ngày hoàn thành 20/06/2026 ở tương lai.', en: 'The completion date 20/06/2026 is in the future.' },
    ]);
  });
});

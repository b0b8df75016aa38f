// Every Vietnamese word progress shows an official: no internal code, no English system word, no code of its own.
import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../../core/deadline.ts';
import {
  checkTaskProgress,
  parsePeriodId,
  periodLabel,
  PROGRESS_CATEGORIES,
  PROGRESS_CATEGORY_LABEL,
  PROGRESS_STATUS_LABEL,
  PROGRESS_STATUSES,
  validateProgressReport,
  validateTaskProgress,
} from '../../../core/progress/index.ts';
import { englishLeaks } from '../../support/user-words.ts';
import { planWith } from './plan.ts';

/** Progress's own codes and status words, which must not reach an official either. */
const OWN_CODES = [...PROGRESS_STATUSES, ...PROGRESS_CATEGORIES, 'nothingToReport', 'taskId', 'completedOn', 'reportedAt', 'invalid-field'];

function leaks(text: string): string[] {
  return [...englishLeaks(text), ...OWN_CODES.filter((c) => text.includes(c))];
}

describe('Vietnamese words of progress', () => {
  it('are clean in labels and in every issue message', () => {
    const texts = [
      ...PROGRESS_STATUSES.map((s) => PROGRESS_STATUS_LABEL[s].vi),
      ...PROGRESS_CATEGORIES.map((c) => PROGRESS_CATEGORY_LABEL[c].vi),
      ...['2026-M03', '2026-Q1', '2026-H1', '2026-H2', '2026-9M', '2026', '2026-06-15'].map((id) => periodLabel(parsePeriodId(id)!)),
      ...checkTaskProgress({ taskId: '', period: 'x', status: 'x', completedOn: 'x', reportedAt: 'x', reason: 1, achieved: 2 }).issues.map(
        (i) => i.message.vi,
      ),
      ...(['paused', 'dropped', 'done', 'in-progress'] as const).flatMap((status) =>
        validateTaskProgress({ taskId: 't1', period: '2026-Q2', status, completedOn: '2026-07-20' }, { today: '2026-07-01' }).map(
          (i) => i.message.vi,
        ),
      ),
      ...validateTaskProgress({ taskId: 't1', period: '2026-Q2', status: 'done', completedOn: '2026-07-20' }).map((i) => i.message.vi),
      ...validateProgressReport(
        {
          period: '2026-Q2',
          nothingToReport: true,
          entries: [
            { taskId: 'x', period: '2026-Q1', status: 'in-progress' },
            { taskId: 'x', period: '2026-Q2', status: 'in-progress' },
          ],
          indicators: [
            { indicatorId: 'y', period: '2026-Q2', value: 1, mode: 'cumulative' },
            { indicatorId: 'y', period: '2026-Q2', value: 1, mode: 'cumulative' },
          ],
        },
        planWith([{ id: 't1', deadline: parseDeadline('Quý II/2026').text }]),
      ).map((i) => i.message.vi),
    ];
    expect(texts.length).toBe(45);
    expect(texts.flatMap(leaks)).toEqual([]);
  });
});

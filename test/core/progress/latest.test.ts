// Which entry speaks for a task as of a day.
import { describe, expect, it } from 'vitest';
import { latestActuals, latestEntries, type IndicatorActual, type TaskProgress } from '../../../core/progress/index.ts';

const e = (taskId: string, period: string, reportedAt?: string): TaskProgress => ({
  taskId,
  period,
  status: 'in-progress',
  ...(reportedAt === undefined ? {} : { reportedAt }),
});

describe('latestEntries', () => {
  it('takes the period ending last among those begun by the as-of day', () => {
    const q1 = e('t1', '2026-Q1');
    const q2 = e('t1', '2026-Q2');
    const q3 = e('t1', '2026-Q3');
    const year = e('t2', '2026');
    const m3 = e('t2', '2026-M03');
    expect(latestEntries([q2, q1, q3, m3, year], '2026-05-10')).toEqual(
      new Map([
        ['t1', q2],
        ['t2', year],
      ]),
    );
    expect(latestEntries([q2, q1, q3], '2026-03-31')).toEqual(new Map([['t1', q1]]));
    expect(latestEntries([q2, q1, q3], '2025-12-31')).toEqual(new Map());
  });

  it('between periods ending the same day, takes the one reported last (offsets compared as moments)', () => {
    const h1 = e('t1', '2026-H1', '2026-06-30T10:00:00+07:00');
    const q2 = e('t1', '2026-Q2', '2026-06-30T04:00:00Z');
    const bare = e('t1', '2026-Q2');
    expect(latestEntries([h1, q2, bare], '2026-06-30').get('t1')).toBe(q2);
    expect(latestEntries([bare, h1], '2026-06-30').get('t1')).toBe(h1);
  });
});

describe('latestActuals', () => {
  it('picks an indicator’s actual as latestEntries picks a task’s entry', () => {
    const q1: IndicatorActual = { indicatorId: 'c1', period: '2026-Q1', value: 40, mode: 'cumulative' };
    const q2: IndicatorActual = { ...q1, period: '2026-Q2', value: 55 };
    const other: IndicatorActual = { ...q1, indicatorId: 'c2' };
    expect(latestActuals([q2, q1, other], '2026-05-10')).toEqual(
      new Map([
        ['c1', q2],
        ['c2', other],
      ]),
    );
  });
});

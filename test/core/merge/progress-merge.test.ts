// mergeProgress: a period's report merged per task, per indicator and per field; every conflict listed, nothing merged then.
import { describe, expect, it } from 'vitest';
import {
  ProgressConflictSchema,
  INDICATOR_ACTUAL_FIELDS as WIRE_INDICATOR,
  TASK_PROGRESS_FIELDS as WIRE_TASK,
} from '../../../core/api/index.ts';
import { mergeProgress, type ProgressConflict } from '../../../core/merge/index.ts';
import type { IndicatorActual, ProgressReport, TaskProgress } from '../../../core/progress/index.ts';
import { deepFreeze } from './plan-of.ts';

const P = '2026-H1';
const task = (taskId: string, o: Partial<TaskProgress> = {}): TaskProgress => ({ taskId, period: P, status: 'in-progress', ...o });
const actual = (indicatorId: string, o: Partial<IndicatorActual> = {}): IndicatorActual => ({
  indicatorId,
  period: P,
  value: 10,
  mode: 'cumulative',
  ...o,
});
const report = (entries: TaskProgress[], indicators: IndicatorActual[] = [], nothingToReport?: boolean): ProgressReport => ({
  period: P,
  ...(nothingToReport === undefined ? {} : { nothingToReport }),
  entries,
  indicators,
});

const BASE = report([task('t1'), task('t2', { achieved: 'Đã họp' })], [actual('c1')]);

interface Case {
  name: string;
  base: ProgressReport | null;
  theirs: ProgressReport;
  mine: ProgressReport;
  /** The merged report, or every conflict. */
  merged?: ProgressReport;
  conflicts?: ProgressConflict[];
}

const CASES: Case[] = [
  {
    name: 'nothing changed on either side',
    base: BASE,
    theirs: BASE,
    mine: BASE,
    merged: BASE,
  },
  {
    name: 'different tasks changed on each side: both kept',
    base: BASE,
    theirs: report(
      [task('t1', { status: 'done', completedOn: '2026-05-02', achieved: 'Xong' }), task('t2', { achieved: 'Đã họp' })],
      [actual('c1')],
    ),
    mine: report([task('t1'), task('t2', { achieved: 'Đã họp', obstacles: 'Thiếu kinh phí' })], [actual('c1')]),
    merged: report(
      [
        task('t1', { status: 'done', completedOn: '2026-05-02', achieved: 'Xong' }),
        task('t2', { achieved: 'Đã họp', obstacles: 'Thiếu kinh phí' }),
      ],
      [actual('c1')],
    ),
  },
  {
    name: 'different fields of one task changed on each side: both kept',
    base: BASE,
    theirs: report([task('t1', { highlights: 'Nổi bật' }), task('t2', { achieved: 'Đã họp' })], [actual('c1')]),
    mine: report([task('t1', { proposals: 'Đề nghị tỉnh hỗ trợ' }), task('t2', { achieved: 'Đã họp' })], [actual('c1')]),
    merged: report(
      [task('t1', { highlights: 'Nổi bật', proposals: 'Đề nghị tỉnh hỗ trợ' }), task('t2', { achieved: 'Đã họp' })],
      [actual('c1')],
    ),
  },
  {
    name: 'the same change on both sides is no conflict',
    base: BASE,
    theirs: report([task('t1', { status: 'paused', reason: 'Chờ vốn' }), task('t2', { achieved: 'Đã họp' })], [actual('c1')]),
    mine: report([task('t1', { status: 'paused', reason: 'Chờ vốn' }), task('t2', { achieved: 'Đã họp' })], [actual('c1')]),
    merged: report([task('t1', { status: 'paused', reason: 'Chờ vốn' }), task('t2', { achieved: 'Đã họp' })], [actual('c1')]),
  },
  {
    name: 'a field emptied on one side only is emptied',
    base: BASE,
    theirs: BASE,
    mine: report([task('t1'), task('t2')], [actual('c1')]),
    merged: report([task('t1'), task('t2')], [actual('c1')]),
  },
  {
    name: 'entries only in the head stay; entries only in mine are added after them',
    base: BASE,
    theirs: report(
      [task('t1'), task('t2', { achieved: 'Đã họp' }), task('t3', { status: 'done', completedOn: '2026-06-01', achieved: 'A' })],
      [actual('c1')],
    ),
    mine: report([task('t4', { status: 'not-started' })], [actual('c2', { value: 'Đạt chuẩn', mode: 'within-period' })]),
    merged: report(
      [
        task('t1'),
        task('t2', { achieved: 'Đã họp' }),
        task('t3', { status: 'done', completedOn: '2026-06-01', achieved: 'A' }),
        task('t4', { status: 'not-started' }),
      ],
      [actual('c1'), actual('c2', { value: 'Đạt chuẩn', mode: 'within-period' })],
    ),
  },
  {
    name: 'two first reports on different tasks (no base): both kept',
    base: null,
    theirs: report([task('t1', { achieved: 'Một' })]),
    mine: report([task('t2', { achieved: 'Hai' })]),
    merged: report([task('t1', { achieved: 'Một' }), task('t2', { achieved: 'Hai' })]),
  },
  {
    name: 'the same field changed both ways: every conflict, as text, nothing merged',
    base: BASE,
    theirs: report(
      [task('t1', { status: 'done', completedOn: '2026-05-02', achieved: 'Xong' }), task('t2', { achieved: 'Đã họp xong' })],
      [actual('c1', { value: 12 })],
    ),
    mine: report(
      [task('t1', { status: 'paused', reason: 'Chờ vốn' }), task('t2', { achieved: 'Đã họp' })],
      [actual('c1', { value: 15, note: 'Ước tính' })],
    ),
    conflicts: [
      { kind: 'task', id: 't1', field: 'status', base: 'in-progress', theirs: 'done', mine: 'paused' },
      { kind: 'indicator', id: 'c1', field: 'value', base: '10', theirs: '12', mine: '15' },
    ],
  },
  {
    name: 'a field set differently by two first reports (no base) conflicts',
    base: null,
    theirs: report([task('t1', { achieved: 'Một' })]),
    mine: report([task('t1', { achieved: 'Hai' })]),
    conflicts: [{ kind: 'task', id: 't1', field: 'achieved', base: null, theirs: 'Một', mine: 'Hai' }],
  },
  {
    name: '"không phát sinh" set on one side, entries added on the other: a conflict on the report',
    base: report([]),
    theirs: report([], [], true),
    mine: report([task('t1')]),
    conflicts: [{ kind: 'report', id: '', field: 'nothingToReport', base: 'false', theirs: 'true', mine: 'false' }],
  },
  {
    name: '"không phát sinh" set by mine alone, nothing reported by the head: kept',
    base: null,
    theirs: report([]),
    mine: report([], [], true),
    merged: report([], [], true),
  },
  {
    name: '"không phát sinh" dropped by mine with new entries on a head that still says it: mine wins',
    base: report([], [], true),
    theirs: report([], [], true),
    mine: report([task('t1')]),
    merged: report([task('t1')]),
  },
];

describe('mergeProgress', () => {
  it.each(CASES)('$name', (c) => {
    const r = mergeProgress(deepFreeze(c.base), deepFreeze(c.theirs), deepFreeze(c.mine));
    expect(r).toEqual(c.conflicts ? { ok: false, conflicts: c.conflicts } : { ok: true, report: c.merged });
    if (!r.ok) for (const x of r.conflicts) expect(ProgressConflictSchema.parse(x)).toEqual(x);
  });

  it('merges the fields the wire names', () => {
    expect([WIRE_TASK, WIRE_INDICATOR]).toEqual([
      ['status', 'reason', 'completedOn', 'achieved', 'evidence', 'highlights', 'obstacles', 'proposals'],
      ['value', 'mode', 'note', 'evidence'],
    ]);
  });
});

// assignIds: new ids where there were none, the previous revision's ids carried over to the same tasks.
import { describe, expect, it } from 'vitest';
import { assignIds } from '../../../core/merge/index.ts';
import type { Plan } from '../../../core/model/appendix.ts';
import { BASE, inserting, withCell } from './fixtures.ts';
import { deepFreeze, planOf } from './plan-of.ts';

const counter = (prefix: string) => {
  let n = 0;
  return () => `${prefix}${++n}`;
};
const idsOf = (p: Plan) => p.appendices[0]!.rows.map((r) => r.id);

describe('assignIds', () => {
  it('gives new ids in document order, to item rows only', () => {
    const plan = planOf(BASE);
    plan.appendices[0]!.rows.push({ kind: 'blank', tt: null, fields: {}, source: { sheet: 'PL II', row: 13, cells: {} } });
    expect(idsOf(assignIds(deepFreeze(plan), null, counter('t')))).toEqual(['t1', 't2', 't3', 't4', 't5', 't6', 't7', undefined]);
  });

  it('keeps ids stable across a re-read where a task was inserted and others renumbered', () => {
    const first = assignIds(planOf(BASE), null, counter('t'));
    const reRead = planOf(
      inserting(withCell(withCell(withCell(BASE, 4, 'tt', 2), 5, 'tt', 3), 6, 'tt', 4), 4, [
        1,
        'Ban hành quy chế vận hành cổng thông tin điện tử xã',
        'Văn phòng HĐND và UBND',
      ]),
    );
    const second = assignIds(deepFreeze(reRead), deepFreeze(first), counter('n'));
    expect(idsOf(second)).toEqual(['t1', 't2', 't3', 't4', 'n1', 't5', 't6', 't7']);
    expect(idsOf(reRead)).toEqual(Array(8).fill(undefined));
  });

  it('carries ids over to edited tasks and keeps ids already present', () => {
    const first = assignIds(planOf(BASE), null, counter('t'));
    const edited = planOf(
      withCell(BASE, 2, 'content', 'Tuyên truyền về chuyển đổi số trên hệ thống loa truyền thanh và mạng xã hội của xã'),
    );
    edited.appendices[0]!.rows[6]!.id = 'kept';
    expect(idsOf(assignIds(edited, first, counter('n')))).toEqual(['t1', 't2', 't3', 't4', 't5', 't6', 'kept']);
  });

  it('never gives one id twice', () => {
    const first = assignIds(planOf(BASE), null, counter('t'));
    const plan = planOf(BASE);
    plan.appendices[0]!.rows[0]!.id = 't2';
    const ids = idsOf(assignIds(plan, first, counter('t')));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, 3)).toEqual(['t2', 't1', 't3']);
    expect(() => assignIds(planOf(BASE), null, () => 'same')).toThrow(/newId/);
  });
});

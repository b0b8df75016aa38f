// diffPlans: added, removed, changed and moved tasks, by the same identity as the merge.
import { describe, expect, it } from 'vitest';
import { diffPlans, type TaskChange } from '../../../core/merge/index.ts';
import type { Plan } from '../../../core/model/appendix.ts';
import { BASE, inserting, withCell, without } from './fixtures.ts';
import { appendixOf, deepFreeze, planOf, type RowSpec } from './plan-of.ts';

const diff = (before: RowSpec[], after: RowSpec[]) => diffPlans(deepFreeze(planOf(before)), deepFreeze(planOf(after)));
const brief = (changes: TaskChange[]) =>
  changes.map((c) => [c.change, c.tt, ...(c.fields ?? []).map((f) => `${f.field}: ${f.before} → ${f.after}`)]);

describe('diffPlans', () => {
  it('finds nothing between a plan and itself', () => {
    expect(diff(BASE, BASE)).toEqual([]);
  });

  it('reports field edits with before and after', () => {
    const changes = diff(BASE, withCell(BASE, 5, 'lead', 'Phòng Kinh tế'));
    expect(changes).toEqual([
      {
        appendix: 'tasks:pl ii',
        taskId: 'PL II!11',
        tt: '2',
        content: BASE[5]![1],
        change: 'changed',
        fields: [{ field: 'lead', before: 'Công an xã', after: 'Phòng Kinh tế' }],
      },
    ]);
  });

  it('reports an insertion, and the renumbering it caused as TT changes, not moves', () => {
    const after = inserting(withCell(withCell(withCell(BASE, 4, 'tt', 2), 5, 'tt', 3), 6, 'tt', 4), 4, [
      1,
      'Ban hành quy chế vận hành cổng thông tin điện tử',
    ]);
    expect(brief(diff(BASE, after))).toEqual([
      ['added', '1'],
      ['changed', '2', 'tt: 1 → 2'],
      ['changed', '3', 'tt: 2 → 3'],
      ['changed', '4', 'tt: 3 → 4'],
    ]);
  });

  it('reports a removed task where it stood', () => {
    expect(brief(diff(BASE, without(BASE, 2)))).toEqual([['removed', '2']]);
    const changes = diff(BASE, withCell(without(BASE, 4), 5, 'result', 'Kế hoạch'));
    expect(changes.map((c) => [c.change, c.content.slice(0, 10)])).toEqual([
      ['removed', 'Rà soát th'],
      ['changed', 'Triển khai'],
    ]);
  });

  it('reports a task taken out of the order of the others as moved', () => {
    const after = [...BASE.slice(0, 2), BASE[6]!, ...BASE.slice(2, 6)];
    expect(brief(diff(BASE, after))).toEqual([['moved', '3']]);
    const movedAndRenumbered = [...BASE.slice(0, 2), withCell([BASE[6]!], 0, 'tt', 2)[0]!, ...withCell(BASE.slice(2, 6), 0, 'tt', 3)];
    expect(brief(diff(BASE, movedAndRenumbered))).toEqual([
      ['moved', '2', 'tt: 3 → 2'],
      ['changed', '3', 'tt: 2 → 3'],
    ]);
  });

  it('reports every task of an added or removed appendix', () => {
    const extra = appendixOf(
      [
        [1, 'Tỷ lệ hồ sơ trực tuyến toàn trình'],
        [2, 'Tỷ lệ người dân có chữ ký số'],
      ],
      { sheet: 'PL III' },
    );
    const before = planOf(BASE);
    const after: Plan = { appendices: [...before.appendices, extra] };
    expect(diffPlans(before, after).map((c) => [c.appendix, c.change, c.tt])).toEqual([
      ['tasks:pl iii', 'added', '1'],
      ['tasks:pl iii', 'added', '2'],
    ]);
    expect(diffPlans(after, before).map((c) => [c.appendix, c.change])).toEqual([
      ['tasks:pl iii', 'removed'],
      ['tasks:pl iii', 'removed'],
    ]);
  });

  it('uses ids as task ids when rows have them', () => {
    const ids = BASE.map((_, i) => `t${i}`);
    const changes = diffPlans(planOf(BASE, { ids }), planOf(withCell(BASE, 5, 'content', 'Nội dung viết lại hoàn toàn'), { ids }));
    expect(changes.map((c) => [c.taskId, c.change, c.fields?.[0]?.field])).toEqual([['t5', 'changed', 'content']]);
  });
});

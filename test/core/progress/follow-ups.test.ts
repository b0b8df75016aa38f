// The three follow-up lists (highlights, obstacles, proposals) of a plan's tasks, by NQ57 group.
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../core/model/index.ts';
import { followUps, judgePlan, type TaskProgress } from '../../../core/progress/index.ts';
import { planWith } from './plan.ts';

// Three task tables under headings of groups 3, 1 and none (read in that order), as a plan with several appendices.
const plan: Plan = {
  appendices: [
    ...planWith([{ id: 'h1' }, { id: 'h2' }], 'Hạ tầng số').appendices,
    ...planWith([{ id: 'n1' }], 'Nâng cao nhận thức, đột phá về đổi mới tư duy').appendices,
    ...planWith([{ id: 'k1' }], 'Các nhiệm vụ khác').appendices,
  ],
};

const entry = (taskId: string, extra: Partial<TaskProgress>): TaskProgress => ({
  taskId,
  period: '2026-Q2',
  status: 'in-progress',
  ...extra,
});
const entries = [
  entry('h1', { obstacles: 'Thiếu kinh phí lắp đặt', proposals: 'Đề nghị tỉnh hỗ trợ kinh phí' }),
  entry('h2', { highlights: 'Phủ sóng 4G toàn xã' }),
  entry('n1', { obstacles: 'Người dân lớn tuổi chưa quen', highlights: 'Tổ chức 12 lớp tập huấn' }),
  entry('k1', { obstacles: 'Chưa có hướng dẫn' }),
];

describe('judgePlan groups', () => {
  it('gives each task the NQ57 group of its heading', () => {
    expect(judgePlan(plan, [], '2026-06-30').map((t) => [t.taskId, t.group.id])).toEqual([
      ['h1', 'nq57-3'],
      ['h2', 'nq57-3'],
      ['n1', 'nq57-1'],
      ['k1', 'khac'],
    ]);
  });
});

describe('followUps', () => {
  it('lists every task that says something, group 1 first and "Khác" last, plan order within a group', () => {
    const lists = followUps(judgePlan(plan, entries, '2026-06-30', { period: '2026-Q2' }));
    const brief = (l: typeof lists.obstacles) => l.map((f) => [f.group.number, f.tt, f.taskId, f.text]);
    expect({ highlights: brief(lists.highlights), obstacles: brief(lists.obstacles), proposals: brief(lists.proposals) }).toEqual({
      highlights: [
        [1, '1', 'n1', 'Tổ chức 12 lớp tập huấn'],
        [3, '2', 'h2', 'Phủ sóng 4G toàn xã'],
      ],
      obstacles: [
        [1, '1', 'n1', 'Người dân lớn tuổi chưa quen'],
        [3, '1', 'h1', 'Thiếu kinh phí lắp đặt'],
        [0, '1', 'k1', 'Chưa có hướng dẫn'],
      ],
      proposals: [[3, '1', 'h1', 'Đề nghị tỉnh hỗ trợ kinh phí']],
    });
    expect(lists.proposals[0]).toEqual({
      taskId: 'h1',
      tt: '1',
      content: 'Nhiệm vụ 1',
      group: { id: 'nq57-3', number: 3, short: 'Hạ tầng', shortEn: 'Infrastructure' },
      text: 'Đề nghị tỉnh hỗ trợ kinh phí',
    });
  });

  it('is three empty lists when nobody wrote anything', () => {
    expect(followUps(judgePlan(plan, [], '2026-06-30'))).toEqual({ highlights: [], obstacles: [], proposals: [] });
  });
});

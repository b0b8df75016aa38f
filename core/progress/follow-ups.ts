// What the province reads first: the highlights, obstacles and proposals of a plan's tasks, as three lists by NQ57 group.
import { GROUP_COLUMNS, type GroupRef } from '../consolidate/index.ts';
import type { JudgedTask } from './judge-plan.ts';

/** One task's text in one of the three lists. */
export interface FollowUp {
  taskId?: string;
  tt: string;
  content: string;
  group: GroupRef;
  text: string;
}

export interface FollowUps {
  /** "Kết quả nổi bật". */
  highlights: FollowUp[];
  /** "Khó khăn, vướng mắc". */
  obstacles: FollowUp[];
  /** "Đề xuất, kiến nghị". */
  proposals: FollowUp[];
}

/**
 * The three follow-up lists of judged tasks: every task whose entry says something, by NQ57 group (1 to 7, then
 * "Khác"), in plan order within a group. The lists officials build by hand from each commune's report today.
 * @example followUps(judgePlan(plan, entries, '2026-06-30', { period: '2026-H1' })).obstacles.length
 */
export function followUps(tasks: readonly JudgedTask[]): FollowUps {
  const order = new Map(GROUP_COLUMNS.map((g, i) => [g.id, i]));
  const rank = (t: JudgedTask) => order.get(t.group.id) ?? GROUP_COLUMNS.length;
  const sorted = tasks.map((t, i) => ({ t, i })).sort((a, b) => rank(a.t) - rank(b.t) || a.i - b.i);
  const list = (field: 'highlights' | 'obstacles' | 'proposals'): FollowUp[] =>
    sorted.flatMap(({ t }) => {
      const text = t.entry?.[field];
      if (text === undefined || text.trim() === '') return [];
      const item: FollowUp = { tt: t.tt, content: t.content, group: t.group, text };
      if (t.taskId !== undefined) item.taskId = t.taskId;
      return [item];
    });
  return { highlights: list('highlights'), obstacles: list('obstacles'), proposals: list('proposals') };
}

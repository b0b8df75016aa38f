// The seven NQ57 task groups (Resolution 57-NQ/TW, section III) plus "Khác" for headings that fit none.
import G from '../data/nq57-groups.json' with { type: 'json' };

/** A group a task is counted under: one of the seven, or "Khác" (id 'khac', number 0). */
export interface GroupRef {
  /** 'nq57-1' … 'nq57-7', or 'khac'. */
  id: string;
  /** 1 … 7; 0 for "Khác". */
  number: number;
  /** Display name ("Hạ tầng"). */
  short: string;
  shortEn: string;
}

/** One of the seven groups, with the resolution's own title. */
export interface Nq57Group extends GroupRef {
  title: string;
}

/** The seven groups in the resolution's order (core/data/nq57-groups.json, a copy of templates/nq57-groups.vi.json). */
export const NQ57_GROUPS: readonly Nq57Group[] = Object.freeze(G.groups.map((g) => Object.freeze({ ...g })));

/** Where a heading that names none of the seven groups is counted. */
export const OTHER_GROUP: GroupRef = Object.freeze({ id: 'khac', number: 0, short: 'Khác', shortEn: 'Other' });

/**
 * Every group a task can land in, as the lean refs rows carry (no title), "Khác" last: the columns of a per-group table.
 * @example GROUP_COLUMNS.map((g) => g.number) // [1, 2, 3, 4, 5, 6, 7, 0]
 */
export const GROUP_COLUMNS: readonly GroupRef[] = Object.freeze([
  ...NQ57_GROUPS.map(({ id, number, short, shortEn }) => Object.freeze({ id, number, short, shortEn })),
  OTHER_GROUP,
]);

/**
 * The ref of group `n` (1 … 7), or undefined.
 * @example groupByNumber(3)?.short // 'Hạ tầng'
 */
export function groupByNumber(n: number): GroupRef | undefined {
  return n >= 1 && n <= NQ57_GROUPS.length ? GROUP_COLUMNS[n - 1] : undefined;
}

// Merged order: the head's sequence, with the pushed side's own items slotted in where that side put them.

/** One element of the pushed side, in its order: a shared item (its index in the spine), a new item, or a dropped one. */
export type Placed<T> = { at: number } | { insert: T } | { dropped: true };

/**
 * `spine` in order, each `insert` placed right after the nearest preceding shared item of `side`
 * (at the very start when none precedes it), inserts keeping their own order.
 * @example interleave(['a', 'b'], [{ at: 0 }, { insert: 'x' }, { at: 1 }]) // ['a', 'x', 'b']
 */
export function interleave<T>(spine: readonly T[], side: readonly Placed<T>[]): T[] {
  const after = new Map<number, T[]>();
  let anchor = -1;
  for (const p of side) {
    if ('at' in p) anchor = p.at;
    else if ('insert' in p) {
      const list = after.get(anchor);
      if (list) list.push(p.insert);
      else after.set(anchor, [p.insert]);
    }
  }
  const out: T[] = [...(after.get(-1) ?? [])];
  spine.forEach((item, i) => out.push(item, ...(after.get(i) ?? [])));
  return out;
}

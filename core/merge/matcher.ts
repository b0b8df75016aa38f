// The state of one row matching: rows' comparison keys, pairs made so far, and the id and exact-content tiers.
import type { AppendixRow } from '../model/appendix.ts';
import { fold } from '../text/fold.ts';
import { isItemRow } from './items.ts';

/** What matching compares of a row, folded once. */
export interface RowKeys {
  kind: string;
  content: string;
  tt: string;
  /** Group and subgroup TT: tells apart identical tasks under different groups. */
  scope: string;
  id: string | undefined;
}

/**
 * Comparison keys of an item row; null for structural rows, which never match.
 * @example rowKeys(row)?.tt // 'vi' for "VI."
 */
export function rowKeys(row: AppendixRow): RowKeys | null {
  if (!isItemRow(row)) return null;
  return {
    kind: row.kind,
    content: fold(row.fields.content ?? ''),
    tt: fold(row.tt ?? ''),
    scope: `${fold(row.group ?? '')}/${fold(row.subgroup ?? '')}`,
    id: row.id,
  };
}

/** Pairs (index in a → index in b) built tier by tier; each row is paired at most once. */
export class Matcher {
  readonly pairs = new Map<number, number>();
  readonly usedB = new Set<number>();

  constructor(
    readonly a: (RowKeys | null)[],
    readonly b: (RowKeys | null)[],
  ) {}

  /** Rows with equal ids, in order (a repeated id pairs its first with the first, and so on). */
  byId(): void {
    const ids = new Map<string, Queue>();
    this.b.forEach((k, j) => {
      if (k?.id !== undefined) queue(ids, k.id).items.push(j);
    });
    this.a.forEach((k, i) => {
      const j = k?.id === undefined ? undefined : ids.get(k.id)?.peek(this.usedB);
      if (j !== undefined) this.link(i, j);
    });
  }

  /** Pair free rows with equal keys, in order; a row with an id only pairs with a row without one. */
  byKey(key: (k: RowKeys) => string): [number, number][] {
    const all = new Map<string, Queue>();
    const withoutId = new Map<string, Queue>();
    for (const j of this.freeB()) {
      const k = this.b[j]!;
      queue(all, key(k)).items.push(j);
      if (k.id === undefined) queue(withoutId, key(k)).items.push(j);
    }
    const made: [number, number][] = [];
    for (const i of this.freeA()) {
      const k = this.a[i]!;
      const j = (k.id === undefined ? all : withoutId).get(key(k))?.peek(this.usedB);
      if (j === undefined) continue;
      this.link(i, j);
      made.push([i, j]);
    }
    return made;
  }

  /**
   * Re-pair rows of equal content in table order: the TT preference chooses which rows match, but after
   * a renumbering "2. Báo cáo" may be the old "1. Báo cáo", and crossing pairs would swap their other cells.
   */
  uncross(pairs: [number, number][], key: (k: RowKeys) => string): void {
    const groups = new Map<string, [number, number][]>();
    for (const [i, j] of pairs) {
      if (this.a[i]!.id !== undefined || this.b[j]!.id !== undefined) continue;
      const k = key(this.a[i]!);
      const g = groups.get(k);
      if (g) g.push([i, j]);
      else groups.set(k, [[i, j]]);
    }
    for (const g of groups.values()) {
      if (g.length < 2) continue;
      const is = g.map((p) => p[0]).sort((x, y) => x - y);
      const js = g.map((p) => p[1]).sort((x, y) => x - y);
      is.forEach((i, n) => this.pairs.set(i, js[n]!));
    }
  }

  /** Take pairs in the given order, skipping rows already paired. */
  greedy(sorted: readonly { a: number; b: number }[]): void {
    for (const p of sorted) if (!this.pairs.has(p.a) && !this.usedB.has(p.b)) this.link(p.a, p.b);
  }

  freeA(): number[] {
    return free(this.a, this.pairs);
  }

  freeB(): number[] {
    return free(this.b, this.usedB);
  }

  private link(i: number, j: number): void {
    this.pairs.set(i, j);
    this.usedB.add(j);
  }
}

/** A list consumed from the front, skipping entries taken meanwhile through another list. */
class Queue {
  private head = 0;
  readonly items: number[] = [];
  peek(taken: ReadonlySet<number>): number | undefined {
    while (this.head < this.items.length && taken.has(this.items[this.head]!)) this.head++;
    return this.items[this.head];
  }
}

function queue(map: Map<string, Queue>, key: string): Queue {
  let q = map.get(key);
  if (!q) map.set(key, (q = new Queue()));
  return q;
}

function free(side: (RowKeys | null)[], taken: { has(i: number): boolean }): number[] {
  const out: number[] = [];
  side.forEach((k, i) => {
    if (k && !taken.has(i)) out.push(i);
  });
  return out;
}

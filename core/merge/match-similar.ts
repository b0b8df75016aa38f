// The similarity tiers of row matching: same TT from 0.6, any TT from 0.8, ranked together.
import type { AppendixRow } from '../model/appendix.ts';
import type { Matcher, RowKeys } from './matcher.ts';
import { similarPairs, type ScoredPair } from './similar-pairs.ts';
import { EPSILON, shingle, type Shingled } from './similarity.ts';

/** Similarity at which two rows with the same TT and kind are one task (an edited task). */
export const SAME_TT_THRESHOLD = 0.6;
/** Similarity at which two rows of one kind are one task whatever their TT (an edited, renumbered task). */
export const CONTENT_THRESHOLD = 0.8;
/** How much agreeing TTs add to a pair's similarity when ranking candidate pairs. */
export const SAME_TT_BONUS = 0.2;

/**
 * Pair the rows still free by content similarity. Pairs with the same TT qualify from 0.6, any pair
 * from 0.8, and all are ranked together, best first (a shared TT adds SAME_TT_BONUS, then the closer
 * relative position wins). Taking same-TT pairs strictly first would pair template-like tasks by number
 * after a renumbering ("4. Báo cáo … thôn 3" with the old "4. Báo cáo … thôn 4") even when each has a
 * far closer partner under its new number. Same-TT pairs are compared within (kind, TT) buckets;
 * similarPairs picks all pairs or the shingle index by size.
 * @example matchSimilar(matcher, baseRows, headRows)
 */
export function matchSimilar(m: Matcher, a: readonly AppendixRow[], b: readonly AppendixRow[]): void {
  const cache = new Map<string, Shingled>();
  const text = (side: 'a' | 'b', i: number) => {
    const key = `${side}${i}`;
    let sh = cache.get(key);
    if (!sh) cache.set(key, (sh = shingle((side === 'a' ? a : b)[i]!.fields.content ?? '')));
    return sh;
  };
  const scored = (fa: number[], fb: number[], threshold: number): ScoredPair[] =>
    similarPairs(
      fa.map((i) => text('a', i)),
      fb.map((j) => text('b', j)),
      threshold,
    )
      .map((p) => ({ a: fa[p.a]!, b: fb[p.b]!, score: p.score }))
      .filter((p) => m.a[p.a]!.kind === m.b[p.b]!.kind && (m.a[p.a]!.id === undefined || m.b[p.b]!.id === undefined));
  const distance = (p: ScoredPair) => Math.abs(p.a / a.length - p.b / b.length);
  // "Same TT" means the same number in the same group: task 3 of group I is not task 3 of group II.
  const sameTt = (x: RowKeys, y: RowKeys) => x.tt !== '' && x.tt === y.tt && x.scope === y.scope;
  const rank = (p: ScoredPair) => p.score + (sameTt(m.a[p.a]!, m.b[p.b]!) ? SAME_TT_BONUS : 0);
  const best = (pairs: ScoredPair[]) => pairs.sort((x, y) => rank(y) - rank(x) || distance(x) - distance(y) || x.a - y.a || x.b - y.b);

  const bucketsB = byTt(m.b, m.freeB());
  const candidates: ScoredPair[] = [];
  for (const [key, fa] of byTt(m.a, m.freeA())) {
    const fb = bucketsB.get(key);
    if (fb) candidates.push(...scored(fa, fb, SAME_TT_THRESHOLD));
  }
  // Same-TT pairs ranked above 1 come first whatever else is found (no pair of different TTs ranks
  // above 1): taking them now leaves the content tier only the rows still free — after a bulk edit of
  // every text, none.
  m.greedy(best(candidates).filter((p) => rank(p) > 1 + EPSILON));
  const fa = m.freeA();
  const fb = m.freeB();
  if (fa.length > 0 && fb.length > 0) candidates.push(...scored(fa, fb, CONTENT_THRESHOLD));
  m.greedy(best(candidates));
}

/** Free rows by kind, group and TT (rows without a TT left out). */
function byTt(keys: (RowKeys | null)[], rows: number[]): Map<string, number[]> {
  const buckets = new Map<string, number[]>();
  for (const i of rows) {
    const k = keys[i]!;
    if (k.tt === '') continue;
    const key = `${k.kind}\u0001${k.scope}\u0001${k.tt}`;
    const list = buckets.get(key);
    if (list) list.push(i);
    else buckets.set(key, [i]);
  }
  return buckets;
}

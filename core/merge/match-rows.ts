// Row identity across two revisions of a table: id, then exact content, then similar content (with TT).
import type { AppendixRow } from '../model/appendix.ts';
import { Matcher, rowKeys, type RowKeys } from './matcher.ts';
import { matchSimilar } from './match-similar.ts';

export { CONTENT_THRESHOLD, SAME_TT_BONUS, SAME_TT_THRESHOLD } from './match-similar.ts';

/**
 * Match item rows of `a` to item rows of `b` (index in a → index in b); structural rows never match.
 * Rows that both carry an id match by id only. The others go through tiers, each taking only rows
 * still unmatched: (1) same kind and folded content — preferring the same TT and group, pairs then
 * put back in table order so identical texts never cross; then, ranked together, (2) same kind and TT
 * with similarity ≥ 0.6 and (3) same kind with similarity ≥ 0.8 (a renumbered, edited task); see
 * matchSimilar. Hash lookups plus a prefix-filtered shingle index keep this near linear on thousands of rows.
 * @example matchRows(base.appendices[0]!.rows, head.appendices[0]!.rows).get(3) // 4: row 3 is now row 4
 */
export function matchRows(a: readonly AppendixRow[], b: readonly AppendixRow[]): Map<number, number> {
  const m = new Matcher(a.map(rowKeys), b.map(rowKeys));
  m.byId();
  const content = (k: RowKeys) => `${k.kind}\u0001${k.content}`;
  const exact = [
    ...m.byKey((k) => `${content(k)}\u0001${k.tt}\u0001${k.scope}`),
    ...m.byKey((k) => `${content(k)}\u0001${k.tt}`),
    ...m.byKey(content),
  ];
  m.uncross(exact, content);
  matchSimilar(m, a, b);
  return m.pairs;
}

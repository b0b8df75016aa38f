// Pairs of texts whose similarity reaches a threshold: every pair for small tables, a shingle index beyond.
import { EPSILON, similarity, type Shingled } from './similarity.ts';

/** Up to this many pairs (n × m), comparing every pair is cheap enough and exact. */
export const EXHAUSTIVE_LIMIT = 250_000;
/**
 * A shingle in more texts than this ("xay dung", "tren dia") is boilerplate: looking it up would bring
 * back most of the table. The index skips it, so in a large table two texts made only of boilerplate
 * can go unpaired (matchRows compares rows with the same TT separately, in small buckets).
 */
export const COMMON_SHINGLE = 48;

export interface ScoredPair {
  a: number;
  b: number;
  score: number;
}

export interface PairOptions {
  /** Compare every pair; by default only for tables up to EXHAUSTIVE_LIMIT pairs. */
  exhaustive?: boolean;
}

/**
 * Pairs (index in a, index in b) with similarity ≥ threshold, ordered by a then b. The index path
 * finds the same pairs as the exhaustive one unless both texts are boilerplate (see COMMON_SHINGLE).
 * @example similarPairs([shingle('Lắp camera an ninh tại các thôn')], [shingle('Lắp đặt camera an ninh tại các thôn')], 0.6)
 */
export function similarPairs(a: readonly Shingled[], b: readonly Shingled[], threshold: number, opts: PairOptions = {}): ScoredPair[] {
  const out: ScoredPair[] = [];
  const keep = (i: number, j: number) => {
    const score = similarity(a[i]!, b[j]!);
    if (score >= threshold - EPSILON) out.push({ a: i, b: j, score });
  };
  if (opts.exhaustive ?? a.length * b.length <= EXHAUSTIVE_LIMIT) {
    for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) keep(i, j);
    return out;
  }
  candidates(a, b, threshold).forEach((found, i) => {
    for (const j of [...found].sort((x, y) => x - y)) keep(i, j);
  });
  return out;
}

/**
 * Prefix filtering. Similarity ≥ t implies that the shorter text shares at least ⌈t·n⌉ of its n shingles
 * with the longer, so with every text's shingles sorted rarest first (one global order), it shares one of
 * its first n − ⌈t·n⌉ + 1. Index b's full sets and b's prefixes; probe with a's prefix and a's full set.
 */
function candidates(a: readonly Shingled[], b: readonly Shingled[], t: number): Set<number>[] {
  const df = new Map<string, number>();
  for (const d of [...a, ...b]) for (const s of d.shingles) df.set(s, (df.get(s) ?? 0) + 1);
  const rarestFirst = (d: Shingled) => [...d.shingles].sort((x, y) => df.get(x)! - df.get(y)! || (x < y ? -1 : x > y ? 1 : 0));
  const prefixLength = (n: number) => n - Math.ceil(t * n - EPSILON) + 1;

  const full = new Map<string, number[]>();
  const prefix = new Map<string, number[]>();
  b.forEach((d, j) => {
    const sorted = rarestFirst(d);
    for (const s of sorted) push(full, s, j);
    for (const s of sorted.slice(0, prefixLength(sorted.length))) push(prefix, s, j);
  });
  const lookup = (index: Map<string, number[]>, s: string) => {
    const list = index.get(s);
    return list && list.length <= COMMON_SHINGLE ? list : [];
  };
  return a.map((d) => {
    const sorted = rarestFirst(d);
    const found = new Set<number>();
    for (const s of sorted.slice(0, prefixLength(sorted.length))) for (const j of lookup(full, s)) found.add(j);
    for (const s of sorted) for (const j of lookup(prefix, s)) found.add(j);
    return found;
  });
}

function push(index: Map<string, number[]>, key: string, value: number): void {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

// duplicate-task: identical or near-identical tasks in one appendix, found by prefix-filtered shingle containment
// (no comparison of all pairs: a 10,000-row table stays fast).
import type { AppendixRow } from '../../model/appendix.ts';
import { fold } from '../../text/fold.ts';
import { cellLoc, items, type Check } from '../context.ts';

/** Share of the shorter task's word pairs found in the longer one at or above which two tasks are near duplicates. */
export const DUPLICATE_THRESHOLD = 0.8;
const MIN_WORDS = 6;
/**
 * Tasks indexed under one word pair at most (exact below it; the property test compares with all pairs). Only a
 * pathological table reaches it: on a generated 10,000-task table a cap of 32 lost 60% of the true pairs, 1024 none.
 */
const MAX_POSTING = 1024;
/** Rare pairs indexed beyond the prefix-filtering minimum (see findDuplicates). */
const PREFIX_EXTRA = 2;


/**
 * Each row's word pairs as dense integer ids (sorted, unique), and how many distinct pairs there are. Words get ids,
 * a pair is two word ids packed in one number: strings would cost a concatenation and a hash per pair, which on a
 * 10,000-row table was a fifth of all validation time. Plain arrays, not typed ones: most tables have 50 rows, and
 * allocating a typed array per row cost more than the work.
 */
function shingleSets(texts: string[]): { sets: number[][]; pairs: number } {
  const wordIds = new Map<string, number>();
  const tokens = texts.map((text) => {
    const ids: number[] = [];
    for (const w of fold(text).split(' ')) {
      if (w === '') continue;
      let id = wordIds.get(w);
      if (id === undefined) wordIds.set(w, (id = wordIds.size));
      ids.push(id);
    }
    return ids;
  });
  // a·space + b is unique for a, b < space; with under 32,768 words it is a small integer, the fastest Map key.
  const space = Math.max(1, wordIds.size);
  const pairIds = new Map<number, number>();
  const shortIds = new Map<string, number>();
  const pairId = (key: number) => {
    let id = pairIds.get(key);
    if (id === undefined) pairIds.set(key, (id = pairIds.size));
    return id;
  };
  const sets = tokens.map((ids) => {
    if (ids.length === 0) return [];
    // Short texts are one "pair" standing for the whole text (negative keys): "Họp giao ban" only matches itself.
    if (ids.length < MIN_WORDS) {
      const text = ids.join(' ');
      let id = shortIds.get(text);
      if (id === undefined) shortIds.set(text, (id = shortIds.size));
      return [pairId(-1 - id)];
    }
    const out: number[] = [];
    for (let i = 1; i < ids.length; i++) out.push(pairId(ids[i - 1]! * space + ids[i]!));
    return unique(out.sort(byNumber));
  });
  return { sets, pairs: pairIds.size };
}

const byNumber = (a: number, b: number) => a - b;

/** A sorted array without repeats (in place). */
function unique(sorted: number[]): number[] {
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i]!;
  sorted.length = n;
  return sorted;
}

/** Shingles needed in common for the shorter of two documents (n shingles) to reach the threshold. */
function needed(n: number, threshold: number): number {
  // Integer arithmetic on purpose: (1 − 0.8) · 5 is 0.9999999999999998 in floating point, which once cut a prefix short.
  return Math.max(1, Math.ceil(threshold * n - 1e-9));
}

/**
 * Pairs of near-duplicate rows with their similarity (containment of the shorter in the longer).
 * All-pairs prefix filtering: shingles get integer ids rarest first; documents are visited shortest first and only
 * each one's prefix of n − needed(n) + 1 rarest shingles is indexed. A shorter document S reaching the threshold
 * against a longer L must share one of S's prefix shingles with L, so probing the index with L's shingles finds
 * every qualifying pair, and candidates are verified by merging sorted id arrays — no comparison of all pairs.
 * @example findDuplicates(rows).map(([a, b]) => [a.source.row, b.source.row])
 */
export function findDuplicates(rows: AppendixRow[], threshold = DUPLICATE_THRESHOLD): [AppendixRow, AppendixRow, number][] {
  const shingled = shingleSets(rows.map((row) => row.fields.content ?? ''));
  const docs = rows.map((row, i) => ({ row, words: shingled.sets[i]! })).filter((d) => d.words.length > 0);
  const df = new Int32Array(shingled.pairs);
  for (const d of docs) for (const p of d.words) df[p]!++;
  // Renumber pairs rarest first, so each document's sorted ids start with its rarest pairs (its prefix).
  const byRarity: number[] = [];
  for (let p = 0; p < shingled.pairs; p++) byRarity.push(p);
  byRarity.sort((a, b) => df[a]! - df[b]! || a - b);
  const rank = new Int32Array(shingled.pairs);
  for (let r = 0; r < byRarity.length; r++) rank[byRarity[r]!] = r;
  const sets = docs.map((d) => d.words.map((p) => rank[p]!).sort(byNumber));
  const pairCount = shingled.pairs;

  const order = docs.map((_, i) => i).sort((a, b) => sets[a]!.length - sets[b]!.length || a - b);
  // Shingle ids are dense (0…n−1, rarest first): postings live in an array, not a Map.
  const index: (number[] | null | undefined)[] = new Array(pairCount);
  // Each document indexes PREFIX_EXTRA more of its rarest pairs than prefix filtering strictly needs, so a true
  // match must hit it `required[y]` times: most candidates share one pair by chance and are dropped unverified.
  const required = new Int32Array(docs.length);
  const hits = new Int32Array(docs.length);
  const out: [AppendixRow, AppendixRow, number][] = [];
  for (const x of order) {
    const xs = sets[x]!;
    const touched: number[] = [];
    for (const id of xs) {
      const posting = index[id];
      if (!posting) continue; // never indexed, or boilerplate (null)
      for (const y of posting) if ((hits[y] = hits[y]! + 1) === 1) touched.push(y);
    }
    for (const y of touched) {
      const enough = hits[y]! >= required[y]!;
      hits[y] = 0;
      if (!enough) continue;
      // y was indexed earlier, so it is the shorter (or equal) one: containment is measured on it.
      const ys = sets[y]!;
      const need = needed(ys.length, threshold);
      const shared = overlap(ys, xs, need);
      if (shared >= need) {
        const [a, b] = y < x ? [y, x] : [x, y];
        out.push([docs[a]!.row, docs[b]!.row, shared / ys.length]);
      }
    }
    const need = needed(xs.length, threshold);
    const indexed = Math.min(xs.length, xs.length - need + 1 + PREFIX_EXTRA);
    // Pairs outside the indexed prefix are at most xs.length − indexed of the `need` shared ones.
    required[x] = Math.max(1, need - (xs.length - indexed));
    for (let k = 0; k < indexed; k++) {
      const list = index[xs[k]!];
      // A word pair that is among the rarest of more than MAX_POSTING tasks is boilerplate, not evidence: drop it
      // from the index, so a huge generated table cannot make every probe walk the same tasks again and again.
      if (list === undefined) index[xs[k]!] = [x];
      else if (list === null) continue;
      else if (list.length < MAX_POSTING) list.push(x);
      else index[xs[k]!] = null;
    }
  }
  return out.sort((p, q) => p[0].source.row - q[0].source.row || p[1].source.row - q[1].source.row);
}

/** Size of the intersection of two sorted id arrays, or any number below `need` once `need` is out of reach. */
function overlap(a: number[], b: number[], need: number): number {
  let i = 0;
  let j = 0;
  let n = 0;
  // Most candidates share one rare pair and nothing else: stop as soon as the rest of `a` cannot make up the shortfall.
  while (i < a.length && j < b.length && n + a.length - i >= need) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return n;
}

export const duplicateTasks: Check = (ctx) => {
  for (const [first, second, sim] of findDuplicates(items(ctx.appendix).filter((r) => r.kind === 'task'))) {
    ctx.push({ code: 'duplicate-task', params: { otherRow: first.source.row, similarity: Math.round(sim * 100) / 100 }, loc: cellLoc(ctx, second, 'content') });
  }
};

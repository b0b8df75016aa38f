// duplicate-task: identical or near-identical tasks in one appendix, found by prefix-filtered shingle containment
// (no comparison of all pairs: a 10,000-row table stays fast).
import type { AppendixRow } from '../../model/appendix.ts';
import { fold } from '../../text/fold.ts';
import { cellLoc, items, type Check } from '../context.ts';

/** Share of the shorter task's word pairs found in the longer one at or above which two tasks are near duplicates. */
export const DUPLICATE_THRESHOLD = 0.8;
const MIN_WORDS = 6;
/** Tasks indexed under one word pair at most (exact below it; the property test compares with all pairs). */
const MAX_POSTING = 32;


function shinglesOf(text: string): string[] {
  const words = fold(text).split(' ').filter((w) => w.length > 0);
  if (words.length < MIN_WORDS) return words.length === 0 ? [] : [words.join(' ')];
  const set = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) set.add(`${words[i]} ${words[i + 1]}`);
  return [...set];
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
  const docs = rows.map((row) => ({ row, words: shinglesOf(row.fields.content ?? '') })).filter((d) => d.words.length > 0);
  const df = new Map<string, number>();
  for (const d of docs) for (const s of d.words) df.set(s, (df.get(s) ?? 0) + 1);
  const ids = new Map<string, number>();
  [...df.keys()].sort((a, b) => df.get(a)! - df.get(b)! || (a < b ? -1 : 1)).forEach((s, i) => ids.set(s, i));
  const sets = docs.map((d) => Int32Array.from(d.words.map((s) => ids.get(s)!)).sort());

  const order = docs.map((_, i) => i).sort((a, b) => sets[a]!.length - sets[b]!.length || a - b);
  // Shingle ids are dense (0…n−1, rarest first): postings live in an array, not a Map.
  const index: (number[] | undefined)[] = new Array(ids.size);
  const seen = new Int32Array(docs.length).fill(-1);
  const out: [AppendixRow, AppendixRow, number][] = [];
  for (const x of order) {
    const xs = sets[x]!;
    const touched: number[] = [];
    for (const id of xs) {
      const posting = index[id];
      if (!posting) continue;
      for (const y of posting) {
        if (seen[y] === x) continue;
        seen[y] = x;
        touched.push(y);
      }
    }
    for (const y of touched) {
      // y was indexed earlier, so it is the shorter (or equal) one: containment is measured on it.
      const ys = sets[y]!;
      const shared = overlap(ys, xs);
      if (shared >= needed(ys.length, threshold)) {
        const [a, b] = y < x ? [y, x] : [x, y];
        out.push([docs[a]!.row, docs[b]!.row, shared / ys.length]);
      }
    }
    for (let k = 0; k < xs.length - needed(xs.length, threshold) + 1; k++) {
      const list = index[xs[k]!];
      // A word pair that is among the rarest of more than MAX_POSTING tasks is boilerplate, not evidence:
      // stop indexing it, so a huge generated table cannot make every probe walk thousands of tasks.
      if (!list) index[xs[k]!] = [x];
      else if (list.length < MAX_POSTING) list.push(x);
    }
  }
  return out.sort((p, q) => p[0].source.row - q[0].source.row || p[1].source.row - q[1].source.row);
}

/** Size of the intersection of two sorted id arrays. */
function overlap(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
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

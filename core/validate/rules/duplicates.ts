// duplicate-task: identical or near-identical tasks in one appendix, found by prefix-filtered shingle containment
// (no comparison of all pairs: a 10,000-row table stays fast).
import type { AppendixRow } from '../../model/appendix.ts';
import { fold } from '../../text/fold.ts';
import { cellLoc, items, type Check } from '../context.ts';

/** Share of the shorter task's word pairs found in the longer one at or above which two tasks are near duplicates. */
export const DUPLICATE_THRESHOLD = 0.8;
const MIN_WORDS = 6;

interface Doc {
  row: AppendixRow;
  shingles: string[];
}

function shinglesOf(text: string): string[] {
  const words = fold(text).split(' ').filter((w) => w.length > 0);
  if (words.length < MIN_WORDS) return words.length === 0 ? [] : [words.join(' ')];
  const set = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) set.add(`${words[i]} ${words[i + 1]}`);
  return [...set];
}

/**
 * Pairs of near-duplicate rows with their similarity (containment of the shorter in the longer).
 * Prefix filtering: with shingles sorted rarest first, two documents whose containment reaches t
 * must share one of the first ⌊(1−t)·n⌋+1 shingles of the shorter one, so only those are looked up.
 * @example findDuplicates(rows).map(([a, b]) => [a.source.row, b.source.row])
 */
export function findDuplicates(rows: AppendixRow[], threshold = DUPLICATE_THRESHOLD): [AppendixRow, AppendixRow, number][] {
  const docs: Doc[] = rows.map((row) => ({ row, shingles: shinglesOf(row.fields.content ?? '') })).filter((d) => d.shingles.length > 0);
  const df = new Map<string, number>();
  for (const d of docs) for (const s of d.shingles) df.set(s, (df.get(s) ?? 0) + 1);
  for (const d of docs) d.shingles.sort((a, b) => df.get(a)! - df.get(b)! || (a < b ? -1 : 1));

  const index = new Map<string, number[]>();
  const out: [AppendixRow, AppendixRow, number][] = [];
  const sets = docs.map((d) => new Set(d.shingles));
  // Index every document's prefix; probe with every document's prefix: a pair qualifies when one's prefix meets the other's set.
  const prefixLen = (n: number) => Math.floor((1 - threshold) * n) + 1;
  const candidates = new Map<number, Set<number>>();
  docs.forEach((d, i) => {
    for (const s of d.shingles.slice(0, prefixLen(d.shingles.length))) {
      const list = index.get(s);
      if (list) list.push(i);
      else index.set(s, [i]);
    }
  });
  docs.forEach((d, i) => {
    for (const s of d.shingles) {
      for (const j of index.get(s) ?? []) {
        if (j === i) continue;
        const [a, b] = i < j ? [i, j] : [j, i];
        let set = candidates.get(a);
        if (!set) candidates.set(a, (set = new Set()));
        set.add(b);
      }
    }
  });
  for (const [a, bs] of candidates) {
    for (const b of bs) {
      const [small, large] = docs[a]!.shingles.length <= docs[b]!.shingles.length ? [a, b] : [b, a];
      // The shorter one's prefix must meet the longer one (prefix filtering is on the shorter document).
      let shared = 0;
      for (const s of docs[small]!.shingles) if (sets[large]!.has(s)) shared++;
      const sim = shared / docs[small]!.shingles.length;
      if (sim >= threshold) out.push([docs[a]!.row, docs[b]!.row, sim]);
    }
  }
  return out.sort((x, y) => x[0].source.row - y[0].source.row || x[1].source.row - y[1].source.row);
}

export const duplicateTasks: Check = (ctx) => {
  for (const [first, second, sim] of findDuplicates(items(ctx.appendix).filter((r) => r.kind === 'task'))) {
    ctx.push({ code: 'duplicate-task', params: { otherRow: first.source.row, similarity: Math.round(sim * 100) / 100 }, loc: cellLoc(ctx, second, 'content') });
  }
};

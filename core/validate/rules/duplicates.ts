// duplicate-task: the same task written twice in one appendix. Candidates come from prefix-filtered shingle containment
// (no comparison of all pairs: a 10,000-row table stays fast); each candidate is then confirmed word by word
// (sameTask): parallel tasks built from one template, or a short task quoted inside a longer one, are not duplicates.
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
function shingleSets(texts: string[]): { sets: number[][]; pairs: number; tokens: number[][]; words: string[] } {
  const wordIds = new Map<string, number>();
  const words: string[] = [];
  const tokens = texts.map((text) => {
    const ids: number[] = [];
    for (const w of fold(text).split(' ')) {
      if (w === '') continue;
      let id = wordIds.get(w);
      if (id === undefined) {
        wordIds.set(w, (id = wordIds.size));
        words.push(w);
      }
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
  return { sets, pairs: pairIds.size, tokens, words };
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
 * Pairs of rows whose texts overlap (containment of the shorter's word pairs in the longer at or above `threshold`),
 * with that containment: the candidates findDuplicates confirms. Not every such pair is the same task.
 * All-pairs prefix filtering: shingles get integer ids rarest first; documents are visited shortest first and only
 * each one's prefix of n − needed(n) + 1 rarest shingles is indexed. A shorter document S reaching the threshold
 * against a longer L must share one of S's prefix shingles with L, so probing the index with L's shingles finds
 * every qualifying pair, and candidates are verified by merging sorted id arrays — no comparison of all pairs.
 * @example findSimilar(rows).map(([a, b]) => [a.source.row, b.source.row])
 */
export function findSimilar(rows: AppendixRow[], threshold = DUPLICATE_THRESHOLD): [AppendixRow, AppendixRow, number][] {
  const shingled = shingleSets(rows.map((row) => row.fields.content ?? ''));
  return similarPairs(shingled, threshold)
    .map(([a, b, sim]): [AppendixRow, AppendixRow, number] => [rows[a]!, rows[b]!, sim])
    .sort(byRows);
}

/**
 * Pairs of rows that are the same task written twice: identical, or differing only by typos, tone marks, spacing,
 * numbers, small words or a word added (see sameTask), with their word-pair containment.
 * @example findDuplicates(rows).map(([a, b]) => [a.source.row, b.source.row])
 */
export function findDuplicates(rows: AppendixRow[], threshold = DUPLICATE_THRESHOLD): [AppendixRow, AppendixRow, number][] {
  const shingled = shingleSets(rows.map((row) => row.fields.content ?? ''));
  const out: [AppendixRow, AppendixRow, number][] = [];
  for (const [a, b, sim] of similarPairs(shingled, threshold)) {
    if (sameTask(shingled.tokens[a]!, shingled.tokens[b]!, shingled.words)) out.push([rows[a]!, rows[b]!, sim]);
  }
  return out.sort(byRows);
}

const byRows = (p: [AppendixRow, AppendixRow, number], q: [AppendixRow, AppendixRow, number]) =>
  p[0].source.row - q[0].source.row || p[1].source.row - q[1].source.row;

/** Index pairs [i, j] (i < j, in row order) reaching the containment threshold, with the containment. */
function similarPairs(shingled: ReturnType<typeof shingleSets>, threshold: number): [number, number, number][] {
  const docs = shingled.sets.map((words, at) => ({ at, words })).filter((d) => d.words.length > 0);
  const df = new Int32Array(shingled.pairs);
  for (const d of docs) for (const p of d.words) df[p]!++;
  // Renumber pairs rarest first (ties by id), so each document's sorted ids start with its rarest pairs (its prefix).
  // A counting sort on the document frequency: a comparison sort of every pair of a large table was a tenth of the rule.
  let maxDf = 0;
  for (let p = 0; p < shingled.pairs; p++) if (df[p]! > maxDf) maxDf = df[p]!;
  const start = new Int32Array(maxDf + 2);
  for (let p = 0; p < shingled.pairs; p++) start[df[p]! + 1]!++;
  for (let f = 1; f <= maxDf + 1; f++) start[f]! += start[f - 1]!;
  const rank = new Int32Array(shingled.pairs);
  for (let p = 0; p < shingled.pairs; p++) rank[p] = start[df[p]!]!++;
  // Renumbered in place: the pair sets are this call's own, and a copy per row was garbage on a large table.
  const sets = docs.map((d) => {
    const w = d.words;
    for (let k = 0; k < w.length; k++) w[k] = rank[w[k]!]!;
    return w.sort(byNumber);
  });
  const pairCount = shingled.pairs;

  const order = docs.map((_, i) => i).sort((a, b) => sets[a]!.length - sets[b]!.length || a - b);
  // Shingle ids are dense (0…n−1, rarest first): postings live in an array, not a Map.
  const index: (number[] | null | undefined)[] = new Array(pairCount);
  // Each document indexes PREFIX_EXTRA more of its rarest pairs than prefix filtering strictly needs, so a true
  // match must hit it `required[y]` times: most candidates share one pair by chance and are dropped unverified.
  const required = new Int32Array(docs.length);
  const hits = new Int32Array(docs.length);
  const out: [number, number, number][] = [];
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
        out.push([docs[a]!.at, docs[b]!.at, shared / ys.length]);
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
  return out.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
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

/**
 * Small words that never tell two tasks apart ("của các ngành" ≡ "của ngành"), folded. Content words — a sector, an
 * object, a place, a verb — are everything else.
 */
const SMALL_WORDS = new Set([
  'cac',
  'nhung',
  'moi',
  'mot',
  'cua',
  'va',
  've',
  'cho',
  'voi',
  'duoc',
  'da',
  'se',
  'dang',
  'la',
  'o',
  'tai',
  'trong',
  'tren',
  'theo',
  'de',
  'nay',
  'do',
  'khi',
  'cung',
  'viec',
  'hoac',
  'nham',
  'thi',
  'ma',
  'tu',
  'den',
  'bang',
]);
/** Digits only: a task number, a year, a count ("nhiệm vụ 17" and "nhiệm vụ 1501" are one task renumbered). */
const NUMBER = /^[0-9]+$/;
/** Aligned words compared at most (a pair beyond this is far too different to be one task written twice). */
const MAX_DIFF_CELLS = 1 << 20;

/**
 * Whether two folded texts (word ids; `words` maps ids to words) are the same task written twice, not two tasks
 * from one template. The words are aligned (longest common subsequence); the words left unaligned are what tells
 * the texts apart. Ignored among them: a typo or a spacing change (a run of unaligned words on one side that is
 * one or two letters from the run facing it), numbers and small words; a word moved elsewhere cancels out.
 * Whatever content words are left decide:
 * - on both sides (“… lĩnh vực giáo dục” / “… lĩnh vực y tế”, “… về đất đai” / “… về dân cư”): two tasks;
 * - on one side only: a word added is the same task (up to one word per ten of the shorter text, at least one);
 *   more is a short task contained in a longer one (“Quản lý, vận hành X” in “Bố trí nhân lực … để quản lý,
 *   vận hành X”): two tasks.
 * @example sameTask(ids('xay dung co so du lieu ve dat dai'), ids('xay dung co so du lieu ve dan cu'), words) // false
 */
export function sameTask(a: number[], b: number[], words: string[]): boolean {
  const onlyA = new Map<string, number>();
  const onlyB = new Map<string, number>();
  const hunks = unaligned(a, b);
  if (hunks === null) return false;
  for (const [ra, rb] of hunks) {
    if (ra.length > 0 && rb.length > 0 && sameSpelling(ra.map((w) => words[w]!).join(''), rb.map((w) => words[w]!).join(''))) continue;
    for (const w of ra) count(onlyA, words[w]!);
    for (const w of rb) count(onlyB, words[w]!);
  }
  // A word on both sides was moved ("bảo đảm" / "đảm bảo"), not changed.
  let leftA = 0;
  let leftB = 0;
  for (const [w, n] of onlyA) {
    const m = onlyB.get(w) ?? 0;
    leftA += Math.max(0, n - m);
  }
  for (const [w, n] of onlyB) leftB += Math.max(0, n - (onlyA.get(w) ?? 0));
  if (leftA > 0 && leftB > 0) return false;
  return leftA + leftB <= Math.max(1, Math.floor(Math.min(a.length, b.length) / 10));
}

function count(bag: Map<string, number>, word: string): void {
  if (NUMBER.test(word) || SMALL_WORDS.has(word)) return;
  bag.set(word, (bag.get(word) ?? 0) + 1);
}

/**
 * Runs of words left unaligned between two texts, as [run in a, run in b] between aligned words (either may be
 * empty); null when the texts are too long and too different to align cheaply (then they are not one task).
 */
function unaligned(a: number[], b: number[]): [number[], number[]][] | null {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  if (n === 0 && m === 0) return [];
  if (n === 0 || m === 0) return [[a.slice(start, endA), b.slice(start, endB)]];
  if ((n + 1) * (m + 1) > MAX_DIFF_CELLS) return null;
  // lcs[i·(m+1) + j]: longest common subsequence of a[start+i…endA) and b[start+j…endB).
  const w = m + 1;
  const lcs = new Int32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] = a[start + i] === b[start + j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    }
  }
  const out: [number[], number[]][] = [];
  let ra: number[] = [];
  let rb: number[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[start + i] === b[start + j]) {
      if (ra.length > 0 || rb.length > 0) out.push([ra, rb]);
      ra = [];
      rb = [];
      i++;
      j++;
    } else if (j >= m || (i < n && lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!)) ra.push(a[start + i++]!);
    else rb.push(b[start + j++]!);
  }
  if (ra.length > 0 || rb.length > 0) out.push([ra, rb]);
  return out;
}

/**
 * Whether two runs of letters (spaces removed, so "cơ sở" ≡ "cơsở") are one spelling with a typo: at most one
 * edit (a letter added, dropped, changed, or two swapped) from four letters, two from eight; none below four
 * ("sở" / "bộ" are two words).
 */
function sameSpelling(x: string, y: string): boolean {
  if (x === y) return true;
  const shorter = Math.min(x.length, y.length);
  const k = shorter >= 8 ? 2 : shorter >= 4 ? 1 : 0;
  return k > 0 && Math.abs(x.length - y.length) <= k && editDistance(x, y) <= k;
}

/** Optimal string alignment distance (Levenshtein with adjacent swaps) of two short strings. */
function editDistance(x: string, y: string): number {
  const w = y.length + 1;
  const d = new Int32Array((x.length + 1) * w);
  for (let j = 0; j <= y.length; j++) d[j] = j;
  for (let i = 1; i <= x.length; i++) {
    d[i * w] = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * w + j]! + 1, d[i * w + j - 1]! + 1, d[(i - 1) * w + j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) v = Math.min(v, d[(i - 2) * w + j - 2]! + 1);
      d[i * w + j] = v;
    }
  }
  return d[x.length * w + y.length]!;
}

export const duplicateTasks: Check = (ctx) => {
  for (const [first, second, sim] of findDuplicates(items(ctx.appendix).filter((r) => r.kind === 'task'))) {
    ctx.push({
      code: 'duplicate-task',
      params: { otherRow: first.source.row, similarity: Math.round(sim * 100) / 100 },
      loc: cellLoc(ctx, second, 'content'),
    });
  }
};

// duplicate-task: the same task written twice in one appendix. Candidates come from prefix-filtered shingle containment
// (duplicates-search.ts: no comparison of all pairs, a 10,000-row table stays fast); each is then confirmed word by word
// (sameTask): parallel tasks built from one template, or a short task quoted inside a longer one, are not duplicates.
import type { AppendixRow } from '../../model/appendix.ts';
import { cellLoc, items, type Check } from '../context.ts';
import { similarPairs, type PairSets } from './duplicates-search.ts';
import { grown, wordIds, type Words } from './duplicates-words.ts';

/** Share of the shorter task's word pairs found in the longer one at or above which two tasks are near duplicates. */
export const DUPLICATE_THRESHOLD = 0.8;
const MIN_WORDS = 6;

/**
 * Word pair (a, b) → dense id, by open addressing on the two word ids (a Map keyed by a·words + b was a fifth of the
 * rule). The table and the per-pair arrays grow with the distinct pairs: a few thousand even on a 10,000-row table.
 */
class PairIds {
  size = 0;
  private table = new Int32Array(1024); // pair id + 1 by slot, 0 = free
  private first = new Int32Array(512);
  private second = new Int32Array(512);

  id(a: number, b: number): number {
    let mask = this.table.length - 1;
    let slot = pairSlot(a, b, mask);
    for (let p = this.table[slot]! - 1; p >= 0; p = this.table[slot]! - 1) {
      if (this.first[p] === a && this.second[p] === b) return p;
      slot = (slot + 1) & mask;
    }
    const p = this.size++;
    if (p === this.first.length) {
      this.first = grown(this.first, p * 2);
      this.second = grown(this.second, p * 2);
    }
    this.first[p] = a;
    this.second[p] = b;
    this.table[slot] = p + 1;
    if (this.size * 2 > this.table.length) {
      this.table = new Int32Array(this.table.length * 2);
      mask = this.table.length - 1;
      for (let q = 0; q < this.size; q++) {
        let t = pairSlot(this.first[q]!, this.second[q]!, mask);
        while (this.table[t] !== 0) t = (t + 1) & mask;
        this.table[t] = q + 1;
      }
    }
    return p;
  }
}

function pairSlot(a: number, b: number, mask: number): number {
  const h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b);
  return (h ^ (h >>> 16)) & mask;
}

/**
 * Each text's word pairs as PairSets (ids ranked rarest first). A text of fewer than MIN_WORDS words is one "pair"
 * standing for the whole text: "Họp giao ban" only matches itself.
 */
function pairSets({ ids, start }: Words): PairSets {
  const docs = start.length - 1;
  const pairIds = new PairIds();
  // Short texts are one "pair" standing for the whole text: word ids −1 and the text's number among short texts.
  const shortIds = new Map<string, number>();
  const raw = new Int32Array(ids.length + 1); // at most one pair per word
  const rawStart = new Int32Array(docs + 1);
  let df = new Int32Array(512);
  let lastDoc = new Int32Array(512); // last text + 1 that had the pair: a pair repeated in one text counts once
  let n = 0;
  for (let d = 0; d < docs; d++) {
    const from = start[d]!;
    const to = start[d + 1]!;
    const short = to - from < MIN_WORDS;
    // A short text (1 to MIN_WORDS − 1 words) goes once round with i = to − 1; an empty text not at all.
    for (let i = short ? Math.max(from, to - 1) : from + 1; i < to; i++) {
      let p: number;
      if (short) {
        const text = Array.prototype.join.call(ids.subarray(from, to), ' ');
        let k = shortIds.get(text);
        if (k === undefined) shortIds.set(text, (k = shortIds.size));
        p = pairIds.id(-1, k);
      } else p = pairIds.id(ids[i - 1]!, ids[i]!);
      if (p === df.length) {
        df = grown(df, p * 2);
        lastDoc = grown(lastDoc, p * 2);
      }
      if (lastDoc[p] === d + 1) continue;
      lastDoc[p] = d + 1;
      df[p]!++;
      raw[n++] = p;
    }
    rawStart[d + 1] = n;
  }
  const pairs = pairIds.size;
  // Rank pairs rarest first with a counting sort on the frequency, then write each text's ranks in ascending order by
  // walking the ranks once (texts listed per rank): no sort per text.
  let maxDf = 0;
  for (let p = 0; p < pairs; p++) if (df[p]! > maxDf) maxDf = df[p]!;
  const byDf = new Int32Array(maxDf + 2);
  for (let p = 0; p < pairs; p++) byDf[df[p]! + 1]!++;
  for (let f = 1; f <= maxDf + 1; f++) byDf[f]! += byDf[f - 1]!;
  const rank = new Int32Array(pairs);
  const rankStart = new Int32Array(pairs + 1);
  for (let p = 0; p < pairs; p++) {
    const r = byDf[df[p]!]!++;
    rank[p] = r;
    rankStart[r + 1] = df[p]!;
  }
  for (let r = 0; r < pairs; r++) rankStart[r + 1]! += rankStart[r]!;
  const holders = new Int32Array(n);
  const fill = rankStart.slice(0, pairs);
  for (let d = 0; d < docs; d++) for (let k = rawStart[d]!; k < rawStart[d + 1]!; k++) holders[fill[rank[raw[k]!]!]!++] = d;
  const set = raw; // rewritten in place: every text keeps its length, only the order and the ids change
  const next = rawStart.slice(0, docs);
  for (let r = 0; r < pairs; r++) for (let k = rankStart[r]!; k < rankStart[r + 1]!; k++) set[next[holders[k]!]!++] = r;
  return { set, start: rawStart, pairs };
}

/**
 * Pairs of rows whose texts overlap (containment of the shorter's word pairs in the longer at or above `threshold`),
 * with that containment: the candidates findDuplicates confirms. Not every such pair is the same task.
 * @example findSimilar(rows).map(([a, b]) => [a.source.row, b.source.row])
 */
export function findSimilar(rows: AppendixRow[], threshold = DUPLICATE_THRESHOLD): [AppendixRow, AppendixRow, number][] {
  const words = wordIds(rows.map((row) => row.fields.content ?? ''));
  return similarPairs(pairSets(words), threshold)
    .map(([a, b, sim]): [AppendixRow, AppendixRow, number] => [rows[a]!, rows[b]!, sim])
    .sort(byRows);
}

/**
 * Pairs of rows that are the same task written twice: identical, or differing only by typos, tone marks, spacing,
 * numbers, small words or a word added (see sameTask), with their word-pair containment.
 * @example findDuplicates(rows).map(([a, b]) => [a.source.row, b.source.row])
 */
export function findDuplicates(rows: AppendixRow[], threshold = DUPLICATE_THRESHOLD): [AppendixRow, AppendixRow, number][] {
  const words = wordIds(rows.map((row) => row.fields.content ?? ''));
  const { ids, start } = words;
  const tokens = (d: number) => Array.from(ids.subarray(start[d]!, start[d + 1]!));
  const out: [AppendixRow, AppendixRow, number][] = [];
  for (const [a, b, sim] of similarPairs(pairSets(words), threshold)) {
    if (sameTask(tokens(a), tokens(b), words.words)) out.push([rows[a]!, rows[b]!, sim]);
  }
  return out.sort(byRows);
}

const byRows = (p: [AppendixRow, AppendixRow, number], q: [AppendixRow, AppendixRow, number]) =>
  p[0].source.row - q[0].source.row || p[1].source.row - q[1].source.row;

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

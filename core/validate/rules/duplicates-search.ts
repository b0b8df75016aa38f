// The candidate search behind duplicate-task: every pair of texts whose word-pair sets overlap enough, found exactly by
// prefix filtering (no comparison of all pairs), on the texts' pair ids ranked rarest first (see pairSets).

/**
 * Each text's distinct word pairs (shingles) as ids ranked rarest first (by how many texts have them, ties by first
 * appearance), sorted: text t's are set[start[t]…start[t + 1]), `pairs` ids in all.
 */
export interface PairSets {
  set: Int32Array;
  start: Int32Array;
  pairs: number;
}

/**
 * Shared pairs a candidate must show in the indexed prefixes, beyond prefix filtering's one (see similarPairs). More
 * walks longer postings, fewer leaves more candidates to check. On the bench's 10,000-task table, 0 / 1 / 2 / 3 walk
 * 3.1 / 4.4 / 6.0 / 8.3 million posting entries and check 2.4 million / 1.2 million / 124,000 / 77,000 candidates:
 * 2 is the cheapest. At most 5: a text's hits are counted in 3 bits that stop at 7 (see similarPairs).
 */
const EXTRA_HITS = 2;
/**
 * Texts indexed under one word pair at most: a pair among the rarest of more is boilerplate, not evidence, and is
 * neither indexed nor probed. Without it a crafted sheet of 4,950 rows holding one short text was 12 million
 * candidate pairs and ran a reader out of memory; on real and generated tables (the 97 golden inputs, generated
 * tables of 3,000–20,000 tasks, whose detail pairs are shared ~200 times) it never applies.
 */
const MAX_POSTING = 1024;

/** Shingles needed in common for the shorter of two documents (n shingles) to reach the threshold. */
function needed(n: number, threshold: number): number {
  // Integer arithmetic on purpose: (1 − 0.8) · 5 is 0.9999999999999998 in floating point, which once cut a prefix short.
  return Math.max(1, Math.ceil(threshold * n - 1e-9));
}

/**
 * Index pairs [i, j] (i < j, in row order) reaching the containment threshold, with the containment. Exact, and no
 * comparison of all pairs: prefix filtering with a global order (pair ids rarest first).
 * Texts are visited shortest first; each earlier, shorter (or equal) S is a candidate for the current L. If S keeps
 * α = needed(|S|) of its pairs in L, the first r = min(1 + EXTRA_HITS, α) pairs they share lie among S's first
 * |S| − α + r pairs and among L's first |L| − α + r (at most |S| − α of S's pairs, and |L| − α of L's, come before
 * them without being shared). So S indexes only that prefix, L probes each position j only against the S with
 * |L| − α + r > j, and S is checked against L only once r of its indexed pairs were hit. The postings are filled in
 * visiting order, so |S| (and with it α − r) never decreases along one: a probe stops at the first S too long for j.
 * Exact below MAX_POSTING texts per indexed pair (a pair shared more widely is boilerplate). A template-built table
 * still walks a lot: the bench's 10,000 tasks share each detail pair ~200 times and five such pairs sit in every
 * task's prefix (~6 million posting entries), so the walk does as little per entry as it can (see below).
 */
export function similarPairs({ set, start, pairs }: PairSets, threshold: number): [number, number, number][] {
  const docs = start.length - 1;
  // Visiting order: by size, then row (a counting sort on the size). Texts are known by their place v in it from here
  // on: a posting lists ascending places, so a walk reads the per-text arrays forward.
  let maxSize = 0;
  for (let d = 0; d < docs; d++) maxSize = Math.max(maxSize, start[d + 1]! - start[d]!);
  const bySize = new Int32Array(maxSize + 2);
  for (let d = 0; d < docs; d++) bySize[start[d + 1]! - start[d]! + 1]!++;
  for (let s = 1; s <= maxSize + 1; s++) bySize[s]! += bySize[s - 1]!;
  const order = new Int32Array(docs); // place → text
  for (let d = 0; d < docs; d++) order[bySize[start[d + 1]! - start[d]!]!++] = d;
  // Per place: the text's pairs, α (shared pairs needed), r (hits needed) and the slack α − r, which bounds the
  // positions that may hit it; a signature of its pairs (see below); the postings' sizes.
  const from = new Int32Array(docs);
  const size = new Int32Array(docs);
  const alpha = new Int32Array(docs);
  const required = new Int32Array(docs);
  const slack = new Int32Array(docs);
  const signature = new Int32Array(docs * SIGNATURE_WORDS);
  const postStart = new Int32Array(pairs + 1);
  for (let v = 0; v < docs; v++) {
    const d = order[v]!;
    const f = start[d]!;
    const n = start[d + 1]! - f;
    from[v] = f;
    size[v] = n;
    if (n === 0) continue;
    const a = needed(n, threshold);
    alpha[v] = a;
    required[v] = Math.min(1 + EXTRA_HITS, a);
    slack[v] = a - required[v]!;
    for (let k = f, end = f + n - a + required[v]!; k < end; k++) postStart[set[k]! + 1]!++;
    for (let k = f; k < f + n; k++) {
      const bit = Math.imul(set[k]!, 0x9e3779b1) >>> (32 - SIGNATURE_BITS);
      signature[v * SIGNATURE_WORDS + (bit >>> 5)]! |= 1 << (bit & 31);
    }
  }
  const boilerplate = new Uint8Array(pairs);
  for (let p = 0; p < pairs; p++) {
    if (postStart[p + 1]! > MAX_POSTING) {
      boilerplate[p] = 1;
      postStart[p + 1] = 0; // an empty posting: probes find nothing under it
    }
  }
  for (let p = 0; p < pairs; p++) postStart[p + 1]! += postStart[p]!;
  const posting = new Int32Array(postStart[pairs]!);
  const postEnd = postStart.slice(0, pairs);
  // Slacks never decrease along the visiting order, so "S's slack leaves no room for position j" is "S's place is
  // firstWith[room] or later": a probe cuts its posting by binary search on the places themselves.
  const firstWith = new Int32Array(maxSize + 2);
  for (let s = 0, v = 0; s <= maxSize + 1; s++) {
    while (v < docs && slack[v]! < s) v++;
    firstWith[s] = v;
  }
  // One word per text holds its hit count for the current L, the L it counts for, and r: the walk reads and writes
  // that word only (no list of texts touched, no second walk to clear the counts). Bits 0–2: the count, stopping at 7;
  // bits 3–5: r (at most 6, so a count that stopped at 7 never equals it again); bits 6–31: the place of L
  // (all ones at first: no L is there).
  const state = new Int32Array(docs);
  for (let v = 0; v < docs; v++) state[v] = (NO_PLACE << 6) | (required[v]! << 3);
  const candidates = new Int32Array(docs);
  const mark = new Int32Array(pairs).fill(-1);
  const out: [number, number, number][] = [];
  for (let x = 0; x < docs; x++) {
    const xFrom = from[x]!;
    const xSize = size[x]!;
    if (xSize === 0) continue;
    let n = 0;
    for (let j = 0; j < xSize; j++) {
      const p = set[xFrom + j]!;
      // S may be hit at j only if α − r < |L| − j: S past that bound, and every S after it, are skipped.
      const room = xSize - j;
      const limit = firstWith[room]!;
      const lo = postStart[p]!;
      let end = postEnd[p]!;
      if (end > lo && posting[end - 1]! >= limit) end = firstAtOrAfter(posting, lo, end, limit);
      for (let k = lo; k < end; k++) {
        const y = posting[k]!;
        const s = state[y]!;
        const other = (s >>> 6) ^ x; // 0 when y's count is already L's
        let count = (s & 7 & ~((other | -other) >> 31)) + 1;
        count -= count >>> 3; // 8 → 7
        state[y] = (x << 6) | (s & 0x38) | count;
        if (count === ((s >>> 3) & 7)) candidates[n++] = y; // r hits, just now: once per y
      }
    }
    let marked = false;
    for (let t = 0; t < n; t++) {
      const y = candidates[t]!;
      // y was visited earlier, so it is the shorter (or equal) one: containment is measured on it.
      let missing = size[y]! - alpha[y]!;
      // Pairs of y whose signature bit L lacks are missing from L, one at least per bit: most candidates stop here.
      let lacking = 0;
      for (let w = 0; w < SIGNATURE_WORDS; w++) {
        lacking += bitCount(signature[y * SIGNATURE_WORDS + w]! & ~signature[x * SIGNATURE_WORDS + w]!);
      }
      if (lacking > missing) continue;
      if (!marked) {
        for (let k = xFrom; k < xFrom + xSize; k++) mark[set[k]!] = x;
        marked = true;
      }
      // Count y's pairs marked as L's, and stop once more are missing than y can spare.
      const yFrom = from[y]!;
      const yEnd = yFrom + size[y]!;
      for (let k = yFrom; k < yEnd; k++) if (mark[set[k]!] !== x && --missing < 0) break;
      if (missing >= 0) {
        const shared = alpha[y]! + missing;
        const a = order[y]!;
        const b = order[x]!;
        out.push(a < b ? [a, b, shared / size[y]!] : [b, a, shared / size[y]!]);
      }
    }
    for (let k = xFrom, end = xFrom + xSize - alpha[x]! + required[x]!; k < end; k++) {
      if (boilerplate[set[k]!] === 0) posting[postEnd[set[k]!]!++] = x;
    }
  }
  return out.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

/** A place no text has: the state word's L before any (26 bits, far above any sheet's row count). */
const NO_PLACE = (1 << 26) - 1;
/** A signature of each text's pairs, one bit per pair (hashed): 128 bits, so that ~25 pairs leave most bits clear. */
const SIGNATURE_BITS = 7;
const SIGNATURE_WORDS = (1 << SIGNATURE_BITS) >>> 5;

/** The first posting entry in [lo, end) at or after place `limit` (a posting lists ascending places). */
function firstAtOrAfter(posting: Int32Array, lo: number, end: number, limit: number): number {
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (posting[mid]! >= limit) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Set bits in a 32-bit word. */
function bitCount(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

// Longest increasing subsequence: which matched rows kept their relative order.

/**
 * Positions (into `seq`) of one longest strictly increasing subsequence, O(n log n);
 * of several, the one patience sorting builds, so the answer is deterministic.
 * @example longestIncreasing([0, 3, 1, 2]) // [0, 2, 3]
 */
export function longestIncreasing(seq: readonly number[]): number[] {
  const tails: number[] = [];
  const prev = new Array<number>(seq.length).fill(-1);
  seq.forEach((v, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const out: number[] = [];
  for (let i = tails[tails.length - 1] ?? -1; i !== -1; i = prev[i]!) out.push(i);
  return out.reverse();
}
